package dev.pqcert.model;

/** Which part of a call a flow reached: a request's URL or one of its options, a trace... */
public enum SinkRole {
  URL("URL"),
  HEADERS("Headers"),
  QUERY("Query"),
  CONTENT("Content"),
  RELATIVE_PATH("RelativePath"),
  CREDENTIAL_QUERY("CredentialQuery"),
  /** The requirement page's name for {@code CredentialQuery}. */
  CREDENTIAL_QUERY_STRING("CredentialQueryString"),
  API_KEY_NAME("ApiKeyName"),
  /** Any other request option, or the options record as a whole. */
  OPTIONS("options"),
  CONNECTION_STRING("connection string"),
  CONNECTION_OPTIONS("connection options"),
  TRACE("trace"),
  EXPRESSION("expression");

  private final String label;

  SinkRole(String label) {
    this.label = label;
  }

  /** As written in messages and in {@code pqcert model}: an option's own name, or words. */
  public String label() {
    return label;
  }

  /** Whether it is a request option the rules tell apart ({@code Query}, {@code Headers}...). */
  public boolean isNamedOption() {
    return switch (this) {
      case HEADERS,
              QUERY,
              CONTENT,
              RELATIVE_PATH,
              CREDENTIAL_QUERY,
              CREDENTIAL_QUERY_STRING,
              API_KEY_NAME ->
          true;
      default -> false;
    };
  }

  /** The role of a request option field: its own when the rules tell it apart, else options. */
  static SinkRole ofOption(String field) {
    for (SinkRole role : values()) {
      if (role.isNamedOption() && role.label.equals(field)) {
        return role;
      }
    }
    return OPTIONS;
  }

  /** Words for where a flow arrived, as messages write them. */
  public String where(String function) {
    return switch (this) {
      case URL -> "the URL of " + function;
      case TRACE -> "the trace " + function;
      case EXPRESSION -> "the expression of " + function;
      case CONNECTION_STRING, CONNECTION_OPTIONS, OPTIONS -> "the " + label + " of " + function;
      default -> "the " + label + " option of " + function;
    };
  }
}
