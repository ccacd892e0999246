package dev.pqcert.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code src/test/resources/conformance/cases.txt} (its header explains the format). */
public final class ConformanceCases {
  public static final Path FILE = Path.of("src/test/resources/conformance/cases.txt");

  /** One case: whether it must parse, which start rule, the M text, and where it is written. */
  public record Case(boolean ok, DocumentKind kind, String text, int line, String note) {
    @Override
    public String toString() {
      return "cases.txt:" + line + " " + (ok ? "ok " : "error ") + text.replace("\n", "\\n");
    }
  }

  private ConformanceCases() {}

  public static List<Case> load() {
    List<String> lines;
    try {
      lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" ", 3);
      if (parts.length < 3
          || !(parts[0].equals("ok") || parts[0].equals("error"))
          || !(parts[1].equals("expression") || parts[1].equals("section"))) {
        throw new IllegalArgumentException("cases.txt:" + (i + 1) + ": malformed case: " + line);
      }
      String text = parts[2];
      String note = "";
      int noteAt = text.indexOf(" ## ");
      if (noteAt >= 0) {
        note = text.substring(noteAt + 4);
        text = text.substring(0, noteAt);
      }
      cases.add(
          new Case(
              parts[0].equals("ok"),
              parts[1].equals("section") ? DocumentKind.SECTION : DocumentKind.EXPRESSION,
              text.replace("\\n", "\n").replace("\\t", "\t"),
              i + 1,
              note));
    }
    return cases;
  }
}
