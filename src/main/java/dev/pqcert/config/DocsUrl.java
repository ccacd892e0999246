package dev.pqcert.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the rule documents are published, as {@code --docs-url} or the configuration's {@code
 * docsUrl} give it: a URL with {@code {rule}} where the rule id goes ({@code
 * https://example.com/pqcert/rules/{rule}.html}), or the folder holding the documents as {@code
 * rules/*.md} ({@code https://github.com/org/pqcert/blob/main/rules/}, which stands for {@code
 * .../rules/{rule}.md}). There is no default: pqcert's documents have no public home it could vouch
 * for.
 *
 * @param template the URL with {@code {rule}} in it
 */
public record DocsUrl(String template) {
  /** What a rule id replaces. */
  public static final String RULE = "{rule}";

  /**
   * The URL as a user wrote it.
   *
   * @throws Invalid when it is not an absolute http or https URL (the message says why, without
   *     naming the URL or where it was written)
   */
  public static DocsUrl parse(String text) throws Invalid {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new Invalid("empty; give an http or https URL");
    }
    String template =
        trimmed.contains(RULE)
            ? trimmed
            : trimmed + (trimmed.endsWith("/") ? "" : "/") + RULE + ".md";
    URI example;
    try {
      example = new URI(template.replace(RULE, "PQ011"));
    } catch (URISyntaxException e) {
      throw new Invalid("not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    String scheme = example.getScheme() == null ? "" : example.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Invalid("not an http or https URL");
    }
    if (example.getHost() == null) {
      throw new Invalid("names no host");
    }
    return new DocsUrl(template);
  }

  /** The URL of one rule's document. */
  public String forRule(String ruleId) {
    return template.replace(RULE, ruleId);
  }

  /** Why a docs URL cannot be used; the caller says where it was written. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }
}
