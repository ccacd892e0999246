package dev.pqcert.testing;

import dev.pqcert.parse.Comment;
import dev.pqcert.parse.ParseResult;
import dev.pqcert.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline expectation markers, parsed strictly (Checkstyle style). In an M comment:
 *
 * <ul>
 *   <li>{@code // expect: PQ011} or {@code // expect: PQ011, PQ013}: findings whose position is on
 *       this line;
 *   <li>{@code // expect-package: PQ010}: findings about the package, with no position.
 * </ul>
 *
 * A comment that mentions {@code expect} in any other shape fails the test, so a typo cannot turn
 * an expectation into a silent no-op.
 */
public final class Expectations {
  private static final Pattern MARKER =
      Pattern.compile("^\\s*(expect|expect-package):\\s*(PQ\\d{3}(?:\\s*,\\s*PQ\\d{3})*)\\s*$");
  private static final Pattern IDS = Pattern.compile("\\s*,\\s*");
  private static final Pattern MENTIONS = Pattern.compile("(?i)\\bexpect");

  /** One expected finding: a rule on a line of a file, or on the package ({@code line == 0}). */
  public record Expected(String file, int line, String ruleId) implements Comparable<Expected> {
    @Override
    public int compareTo(Expected other) {
      int byFile = file.compareTo(other.file);
      if (byFile != 0) {
        return byFile;
      }
      int byLine = Integer.compare(line, other.line);
      return byLine != 0 ? byLine : ruleId.compareTo(other.ruleId);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s:%d %s", line == 0 ? "(package)" : file, line, ruleId);
    }
  }

  private Expectations() {}

  public static List<Expected> parse(String file, ParseResult parse) {
    List<Expected> expected = new ArrayList<>();
    for (Comment comment : parse.comments()) {
      String body = commentBody(comment);
      Matcher marker = MARKER.matcher(body);
      if (marker.matches()) {
        boolean onPackage = marker.group(1).equals("expect-package");
        for (String id : IDS.splitAsStream(marker.group(2)).toList()) {
          expected.add(
              new Expected(
                  onPackage ? "" : file, onPackage ? 0 : comment.span().start().line(), id));
        }
      } else if (MENTIONS.matcher(body).find()) {
        throw new IllegalArgumentException(
            file
                + ":"
                + comment.span().start()
                + ": malformed expectation marker '"
                + comment.text().strip()
                + "' (write '// expect: PQ011' or '// expect-package: PQ010')");
      }
    }
    expected.sort(null);
    return expected;
  }

  private static final Pattern XML_COMMENT = Pattern.compile("<!--(.*?)-->", Pattern.DOTALL);

  /**
   * The markers in the comments of an XML file ({@code resources.resx}): {@code <!-- expect: PQ035
   * -->} on the line a finding points at.
   */
  public static List<Expected> parseXml(String file, String text) {
    List<Expected> expected = new ArrayList<>();
    Matcher comment = XML_COMMENT.matcher(text);
    while (comment.find()) {
      String body = comment.group(1);
      Matcher marker = MARKER.matcher(body);
      int line =
          1 + (int) text.substring(0, comment.start()).chars().filter(c -> c == '\n').count();
      if (marker.matches()) {
        boolean onPackage = marker.group(1).equals("expect-package");
        for (String id : IDS.splitAsStream(marker.group(2)).toList()) {
          expected.add(new Expected(onPackage ? "" : file, onPackage ? 0 : line, id));
        }
      } else if (MENTIONS.matcher(body).find()) {
        throw new IllegalArgumentException(
            file + ":" + line + ": malformed expectation marker '" + body.strip() + "'");
      }
    }
    expected.sort(null);
    return expected;
  }

  /** The findings in the same shape as the markers, for a direct comparison. */
  public static List<Expected> actual(List<Finding> findings) {
    List<Expected> actual = new ArrayList<>();
    for (Finding finding : findings) {
      actual.add(
          finding
              .location()
              .map(l -> new Expected(l.file(), l.span().start().line(), finding.ruleId()))
              .orElse(new Expected("", 0, finding.ruleId())));
    }
    actual.sort(null);
    return actual;
  }

  private static String commentBody(Comment comment) {
    String text = comment.text();
    if (comment.lineComment()) {
      return text.substring(2);
    }
    return text.substring(2, text.length() - 2);
  }
}
