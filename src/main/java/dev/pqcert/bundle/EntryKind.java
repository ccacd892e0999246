package dev.pqcert.bundle;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The role of a file in a connector, decided by its name alone. */
public enum EntryKind {
  SECTION_DOCUMENT,
  QUERY_DOCUMENT,
  MODULE,
  RESOURCES,
  IMAGE,
  OTHER;

  private static final Set<String> IMAGE_EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "gif", "bmp", "ico", "svg");

  /** Test files the SDK's tools run, which are M but not the connector. */
  private static final List<String> TEST_SUFFIXES =
      List.of(".query.pq", ".test.pq", ".parameterquery.pq", ".testconnection.pq");

  /** Classifies a file by its name; extensions are case-insensitive. */
  public static EntryKind classify(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    // Checked before ".pq": the SDK's test files are M documents, but not the connector itself.
    if (isTestFile(lower)) {
      return QUERY_DOCUMENT;
    }
    int dot = lower.lastIndexOf('.');
    String extension = dot < 0 ? "" : lower.substring(dot + 1);
    switch (extension) {
      case "pq":
      case "m":
        return SECTION_DOCUMENT;
      case "pqm":
        return MODULE;
      case "resx":
        return RESOURCES;
      default:
        return IMAGE_EXTENSIONS.contains(extension) ? IMAGE : OTHER;
    }
  }

  /** Whether a file name is one of the SDK's test files ({@code *.query.pq} and its kin). */
  public static boolean isTestFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return TEST_SUFFIXES.stream().anyMatch(lower::endsWith);
  }
}
