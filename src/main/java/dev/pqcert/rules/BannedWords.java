package dev.pqcert.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words certification keeps out of product, kind, section and function names: "Fabric", "Power
 * BI", "Connector", "API". Matched as a word or word part, case-insensitively and aware of camel
 * case: {@code ContosoConnector}, {@code ContosoRESTAPIHub}, {@code contoso_api} and {@code
 * Contoso.PowerBIContents} match; {@code Rapid}, {@code Capital} and {@code PowerShell} do not.
 */
final class BannedWords {
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

  /** The words of a name: split at separators and at camel-case boundaries. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      for (String word : part.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    return words;
  }
}
