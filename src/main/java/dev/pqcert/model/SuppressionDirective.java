package dev.pqcert.model;

import dev.pqcert.parse.Comment;
import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline suppression written in an M comment:
 *
 * <ul>
 *   <li>{@code // pqcert-disable-next-line PQ053 -- reason}: findings on the next line;
 *   <li>{@code // pqcert-disable-line PQ053 -- reason}: findings on the comment's own line;
 *   <li>{@code // pqcert-disable-file PQ059, PQ021 -- reason}: findings anywhere in the file.
 * </ul>
 *
 * A directive is read whatever its defects (no rule id, no reason, a malformed id), so that they
 * can be reported; only a well-formed one suppresses anything.
 */
public record SuppressionDirective(
    String file,
    Span span,
    Scope scope,
    List<String> ruleIds,
    Optional<String> reason,
    List<String> problems) {

  /** Which findings a directive covers. */
  public enum Scope {
    NEXT_LINE("pqcert-disable-next-line"),
    LINE("pqcert-disable-line"),
    FILE("pqcert-disable-file");

    private final String keyword;

    Scope(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  private static final Pattern DIRECTIVE =
      Pattern.compile(
          "^(pqcert-disable-next-line|pqcert-disable-line|pqcert-disable-file)\\b(.*)$",
          Pattern.DOTALL);

  /**
   * What comes before the directive: blanks, and the decoration of {@code ///} and {@code /* *}.
   */
  private static final Pattern DECORATION = Pattern.compile("^[\\s*/]*");

  private static final Pattern MENTION = Pattern.compile("\\bpqcert-(disable|enable)\\S*");
  private static final Pattern RULE_ID = Pattern.compile("PQ\\d{3}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

  /** The line a finding must start on to be covered; {@code 0} for a whole-file directive. */
  public int coveredLine() {
    return switch (scope) {
      case NEXT_LINE -> span.end().line() + 1;
      case LINE -> span.start().line();
      case FILE -> 0;
    };
  }

  public boolean wellFormed() {
    return problems.isEmpty();
  }

  /** The directives in one file's comments, in source order. */
  static List<SuppressionDirective> read(String file, List<Comment> comments) {
    List<SuppressionDirective> directives = new ArrayList<>();
    for (Comment comment : comments) {
      if (!comment.text().contains("pqcert-")) {
        continue; // neither a directive nor a mention: most comments, told without a regex
      }
      String body = DECORATION.matcher(body(comment)).replaceFirst("");
      Matcher matcher = DIRECTIVE.matcher(body);
      if (matcher.matches()) {
        directives.add(parse(file, comment.span(), scopeOf(matcher.group(1)), matcher.group(2)));
      } else {
        Matcher mention = MENTION.matcher(body);
        if (mention.find()) {
          directives.add(
              new SuppressionDirective(
                  file,
                  comment.span(),
                  Scope.LINE,
                  List.of(),
                  Optional.empty(),
                  List.of(
                      "'"
                          + mention.group()
                          + "' is not read as a directive: pqcert-disable-next-line,"
                          + " pqcert-disable-line or pqcert-disable-file must be the first words"
                          + " of their own comment")));
        }
      }
    }
    return List.copyOf(directives);
  }

  private static SuppressionDirective parse(String file, Span span, Scope scope, String rest) {
    List<String> problems = new ArrayList<>();
    int dashes = rest.indexOf("--");
    String idsText = dashes < 0 ? rest : rest.substring(0, dashes);
    Optional<String> reason =
        dashes < 0
            ? Optional.empty()
            : Optional.of(rest.substring(dashes + 2).strip()).filter(r -> !r.isEmpty());
    if (reason.isPresent() && MENTION.matcher(reason.get()).find()) {
      problems.add("holds a second directive in its reason; give each directive its own comment");
    }
    List<String> ids = new ArrayList<>();
    for (String token : SEPARATORS.splitAsStream(idsText).toList()) {
      if (token.isEmpty()) {
        continue;
      }
      if (RULE_ID.matcher(token).matches()) {
        if (!ids.contains(token)) {
          ids.add(token);
        }
      } else {
        problems.add("'" + token + "' is not a rule id (ids look like PQ053)");
      }
    }
    if (ids.isEmpty() && problems.isEmpty()) {
      problems.add(
          "names no rule; write the ids it suppresses, e.g. " + scope.keyword() + " PQ053");
    }
    if (reason.isEmpty()) {
      problems.add("gives no reason; end it with '-- why this is acceptable'");
    }
    return new SuppressionDirective(
        file, span, scope, List.copyOf(ids), reason, List.copyOf(problems));
  }

  private static Scope scopeOf(String keyword) {
    for (Scope scope : Scope.values()) {
      if (scope.keyword.equals(keyword)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(keyword);
  }

  private static String body(Comment comment) {
    String text = comment.text();
    if (comment.lineComment()) {
      return text.substring(2);
    }
    return text.endsWith("*/") ? text.substring(2, text.length() - 2) : text.substring(2);
  }
}
