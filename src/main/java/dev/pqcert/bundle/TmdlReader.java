package dev.pqcert.bundle;

import dev.pqcert.parse.Position;
import dev.pqcert.parse.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the M queries of one TMDL file (Tabular Model Definition Language, the text form of a Power
 * BI project's semantic model): the {@code source} of each {@code partition X = m}, named after its
 * table, and each {@code expression X = ...} (shared queries and parameters, {@code meta [...]}
 * kept as part of the M text). Everything else (columns, measures, DAX partitions, annotations) is
 * stepped over.
 *
 * <p>TMDL nests by indentation. A value after {@code =} is either the rest of the line, or a block
 * of the following lines indented deeper than the declaring line (it ends at the first line
 * indented less than the block's first line), or text fenced by triple backticks. The block's
 * common indentation is removed. The scan is line by line, without recursion, so no nesting or
 * indentation depth can exhaust the stack.
 */
final class TmdlReader {
  private static final String FENCE = "```";

  /** The queries of one file: tables' partitions and named expressions, each in file order. */
  record Queries(List<ReportQuery> partitions, List<ReportQuery> expressions) {}

  private final String file;
  private final String displayFile;
  private final SourceText source;
  private final List<ReportQuery> partitions = new ArrayList<>();
  private final List<ReportQuery> expressions = new ArrayList<>();

  /** The table and the M partition the scan is inside, with their indentation. */
  private String table;

  private int tableIndent = -1;
  private String mPartition;
  private int partitionIndent = -1;

  private TmdlReader(String file, String displayFile, String text) {
    this.file = file;
    this.displayFile = displayFile;
    this.source = new SourceText(file, text);
  }

  /**
   * Reads one file's text.
   *
   * @param file the file as queries name it (inside the project, with '/')
   * @param displayFile the file as messages name it
   * @throws InputException when a fenced value is never closed
   */
  static Queries read(String file, String displayFile, String text) throws InputException {
    TmdlReader reader = new TmdlReader(file, displayFile, text);
    reader.scan();
    return new Queries(List.copyOf(reader.partitions), List.copyOf(reader.expressions));
  }

  private void scan() throws InputException {
    int lines = source.lineCount();
    int line = 1;
    while (line <= lines) {
      String text = source.line(line);
      int indent = indentation(text);
      if (indent == text.length() || text.startsWith("///", indent)) {
        line++; // blank, or a description
        continue;
      }
      leaveObjectsAt(indent);
      line = declaration(line, text, indent);
    }
  }

  /** A line indented no deeper than an object's declaration ends that object. */
  private void leaveObjectsAt(int indent) {
    if (mPartition != null && indent <= partitionIndent) {
      mPartition = null;
    }
    if (table != null && indent <= tableIndent) {
      table = null;
    }
  }

  /** Handles the declaration or property on {@code line}; returns the next line to scan. */
  private int declaration(int line, String text, int indent) throws InputException {
    int keywordEnd = wordEnd(text, indent);
    String keyword = text.substring(indent, keywordEnd).toLowerCase(Locale.ROOT);
    int afterKeyword = skipSpaces(text, keywordEnd);
    int nameEnd = afterKeyword < text.length() ? nameEnd(text, afterKeyword) : afterKeyword;
    String name =
        keywordEnd > indent && afterKeyword > keywordEnd && nameEnd > afterKeyword
            ? unquote(text.substring(afterKeyword, nameEnd))
            : null;
    int equals = valueSeparator(text, indent);
    if (equals < 0 || text.charAt(equals) != '=') {
      if (keyword.equals("table") && name != null) {
        table = name;
        tableIndent = indent;
      }
      return line + 1; // a property ("mode: import"), or an object without a default value
    }
    Value value = value(line, text, indent, equals);
    if (keyword.equals("partition") && name != null && isMSource(value.text())) {
      mPartition = name;
      partitionIndent = indent;
    } else if (keyword.equals("source")
        && afterKeyword == equals
        && mPartition != null
        && indent > partitionIndent) {
      partitions.add(
          new ReportQuery(
              table != null ? table : mPartition, file, value.text(), position(line, indent)));
    } else if (keyword.equals("expression") && name != null) {
      expressions.add(new ReportQuery(name, file, value.text(), position(line, afterKeyword)));
    } else if (keyword.equals("table") && name != null) {
      table = name; // "table X = ..." is not TMDL, but a table it is
      tableIndent = indent;
    }
    return value.nextLine();
  }

  private static boolean isMSource(String sourceType) {
    return sourceType.strip().equalsIgnoreCase("m");
  }

  /** A value and the line after it. */
  private record Value(String text, int nextLine) {}

  private Value value(int line, String text, int indent, int equals) throws InputException {
    String rest = text.substring(equals + 1).strip();
    if (rest.startsWith(FENCE)) {
      return fenced(line, rest.substring(FENCE.length()));
    }
    if (!rest.isEmpty()) {
      return new Value(rest, line + 1);
    }
    return indentedBlock(line, indent);
  }

  /** The lines after {@code line} indented deeper than it, while as deep as the first of them. */
  private Value indentedBlock(int line, int indent) {
    List<String> block = new ArrayList<>();
    int blockIndent = -1;
    int next = line + 1;
    for (; next <= source.lineCount(); next++) {
      String text = source.line(next);
      int lineIndent = indentation(text);
      if (lineIndent == text.length()) {
        block.add("");
        continue;
      }
      if (lineIndent <= indent || (blockIndent >= 0 && lineIndent < blockIndent)) {
        break;
      }
      if (blockIndent < 0) {
        blockIndent = lineIndent;
      }
      block.add(text);
    }
    return new Value(dedent(block), next);
  }

  /** Text from after an opening fence to the closing one, on this line or a later one. */
  private Value fenced(int line, String afterFence) throws InputException {
    int close = afterFence.indexOf(FENCE);
    if (close >= 0) {
      return new Value(afterFence.substring(0, close).strip(), line + 1);
    }
    List<String> block = new ArrayList<>();
    if (!afterFence.isBlank()) {
      block.add(afterFence);
    }
    for (int next = line + 1; next <= source.lineCount(); next++) {
      String text = source.line(next);
      int end = text.indexOf(FENCE);
      if (end >= 0) {
        String last = text.substring(0, end);
        if (!last.isBlank()) {
          block.add(last);
        }
        return new Value(dedent(block), next + 1);
      }
      block.add(text);
    }
    throw new InputException(
        displayFile,
        "line " + line + ": the value that starts with ``` is never closed with another ```");
  }

  /** Joins lines with LF, without their common indentation or the blank lines around them. */
  private static String dedent(List<String> lines) {
    int first = 0;
    int last = lines.size();
    while (first < last && lines.get(first).isBlank()) {
      first++;
    }
    while (last > first && lines.get(last - 1).isBlank()) {
      last--;
    }
    String common = null;
    for (String text : lines.subList(first, last)) {
      if (text.isBlank()) {
        continue;
      }
      String prefix = text.substring(0, indentation(text));
      common = common == null ? prefix : commonPrefix(common, prefix);
    }
    StringBuilder result = new StringBuilder();
    for (int i = first; i < last; i++) {
      String text = lines.get(i);
      if (i > first) {
        result.append('\n');
      }
      result.append(
          common != null && text.startsWith(common)
              ? text.substring(common.length())
              : text.strip());
    }
    return result.toString();
  }

  private static String commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return a.substring(0, i);
  }

  private static int indentation(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == '\t' || text.charAt(i) == ' ')) {
      i++;
    }
    return i;
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int wordEnd(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Where a name ends: a quoted name at its closing quote ({@code ''} is a quote inside it), any
   * other at white space, {@code =} or {@code :}.
   */
  private static int nameEnd(String text, int from) {
    if (text.charAt(from) == '\'') {
      int i = from + 1;
      while (i < text.length()) {
        if (text.charAt(i) == '\'') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i += 2;
            continue;
          }
          return i + 1;
        }
        i++;
      }
      return text.length();
    }
    int i = from;
    while (i < text.length() && " \t=:".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static String unquote(String name) {
    if (name.length() >= 2 && name.startsWith("'") && name.endsWith("'")) {
      return name.substring(1, name.length() - 1).replace("''", "'");
    }
    return name;
  }

  /** The first {@code =} or {@code :} outside quoted names; -1 when there is none. */
  private static int valueSeparator(String text, int from) {
    boolean quoted = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted; // a doubled quote toggles twice
      } else if (!quoted && (c == '=' || c == ':')) {
        return i;
      }
    }
    return -1;
  }

  /** The position of a character of a line, counted in code points as the M parser does. */
  private Position position(int line, int charIndex) {
    String text = source.line(line);
    int column = text.codePointCount(0, charIndex);
    return new Position(line, column + 1, source.lineStart(line) + column);
  }
}
