package dev.pqcert.bundle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks on the names of a bundle's files. */
final class EntryNames {
  private static final Pattern DRIVE_PREFIX = Pattern.compile("^[A-Za-z]:");

  private EntryNames() {}

  /**
   * Validates a package entry name and normalizes its separators to '/'. Names that could escape a
   * folder if the package were ever extracted are rejected even though this reader never extracts:
   * a package holding them is hostile or broken.
   */
  static String normalize(String displayName, String rawName) throws InputException {
    if (rawName.isEmpty()) {
      throw new InputException(displayName, "an entry has an empty name");
    }
    if (rawName.chars().anyMatch(Character::isISOControl)) {
      throw new InputException(
          displayName, "entry name '" + rawName + "' contains a control character");
    }
    String name = rawName.replace('\\', '/');
    if (name.startsWith("/") || DRIVE_PREFIX.matcher(name).find()) {
      throw new InputException(displayName, "entry '" + rawName + "' has an absolute path");
    }
    if (("/" + name + "/").contains("/../")) {
      throw new InputException(displayName, "entry '" + rawName + "' has a '..' path segment");
    }
    return name;
  }

  /**
   * Rejects names that are equal ignoring case: Windows, which loads connectors, cannot tell them
   * apart.
   */
  static void requireUnique(String displayName, List<String> names) throws InputException {
    Map<String, String> seen = new HashMap<>();
    for (String name : names) {
      String previous = seen.putIfAbsent(caseInsensitiveKey(name), name);
      if (previous == null) {
        continue;
      }
      if (previous.equals(name)) {
        throw new InputException(displayName, "duplicate entry name '" + name + "'");
      }
      throw new InputException(
          displayName,
          "duplicate entry names '"
              + previous
              + "' and '"
              + name
              + "' (names are not case-sensitive on Windows)");
    }
  }

  /** Folds case character by character, as Windows compares file names. */
  static String caseInsensitiveKey(String name) {
    char[] chars = name.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toUpperCase(chars[i]);
    }
    return new String(chars);
  }
}
