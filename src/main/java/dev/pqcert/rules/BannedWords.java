package dev.pqcert.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words certification keeps out of product, kind, section and function names: "Fabric", "Power
 * BI", "Connector", "API". Matched as a word or word part, case-insensitively and aware of camel
 * case: {@code ContosoConnector}, {@code ContosoRESTAPIHub}, {@code contoso_api} and {@code
 * Contoso.PowerBIContents} match; {@code Rapid}, {@code Capital} and {@code PowerShell} do not.
 */
final class BannedWords {
  private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");
  private static final Pattern CAMEL_CASE =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

  private BannedWords() {}

  /** The banned word the name contains, as the requirement spells it. */
  static Optional<String> find(String name) {
    String squashed = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    if (squashed.contains("powerbi")) {
      return Optional.of("Power BI");
    }
    if (squashed.contains("fabric")) {
      return Optional.of("Fabric");
    }
    if (squashed.contains("connector")) {
      return Optional.of("Connector");
    }
    // "api" hides inside ordinary words (Rapid, Capital): only an API written as its own word
    // part counts, in capitals (RESTAPIHub) or as a camel-case or separated word (ApiKey, my_api).
    if (name.contains("API")) {
      return Optional.of("API");
    }
    for (String word : words(name)) {
      if (word.equalsIgnoreCase("api")) {
        return Optional.of("API");
      }
    }
    return Optional.empty();
  }

  /**
   * The name without its banned words, its other words kept as written: {@code ContosoConnector}
   * gives {@code Contoso}, {@code Contoso_API_Hub} gives {@code ContosoHub}.
   */
  static String without(String name) {
    StringBuilder kept = new StringBuilder();
    List<String> words = words(name);
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String next = i + 1 < words.size() ? words.get(i + 1) : "";
      if ((word.equalsIgnoreCase("power") && next.equalsIgnoreCase("bi"))
          || (word.equalsIgnoreCase("bi") && i > 0 && words.get(i - 1).equalsIgnoreCase("power"))) {
        continue;
      }
      if (word.equalsIgnoreCase("powerbi")
          || word.equals("PBI")
          || word.equalsIgnoreCase("fabric")
          || word.equalsIgnoreCase("connector")
          || word.equalsIgnoreCase("api")) {
        continue;
      }
      // An all-capitals run hides API among other letters (RESTAPI); a mixed word hides the others.
      String cleaned = word.equals(word.toUpperCase(Locale.ROOT)) ? word.replace("API", "") : word;
      kept.append(cleaned.replaceAll("(?i)connector|fabric|powerbi", "").replace("PBI", ""));
    }
    return kept.toString();
  }

  /** The words of a name: split at separators and at camel-case boundaries. */
  static List<String> words(String name) {
    return SEPARATORS
        .splitAsStream(name)
        .flatMap(CAMEL_CASE::splitAsStream)
        .filter(word -> !word.isEmpty())
        .toList();
  }
}
