package dev.pqcert.config;

/** A configuration file that cannot be used: one line, {@code file:line:col: problem}. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String where, String problem) {
    super(where + ": " + problem);
  }
}
