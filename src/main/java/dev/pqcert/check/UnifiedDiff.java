package dev.pqcert.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code diff -u} and {@code git diff} write it, so that {@code git
 * apply} and {@code patch -p1} take it: lines keep their own line ends (a CRLF file's lines end in
 * CRLF in the diff), three lines of context, and a last line without a line end is marked.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private enum Op {
    SAME,
    REMOVED,
    ADDED
  }

  private record Line(Op op, String text) {}

  private UnifiedDiff() {}

  /**
   * The diff of one file; empty when the texts are equal.
   *
   * @param path the file as the headers name it ({@code a/path}, {@code b/path}; an absolute path
   *     without its leading {@code /}, as {@code patch -p1} run from the root expects)
   */
  static String of(String path, String before, String after) {
    return of(path, before, after, false);
  }

  /** As {@link #of(String, String, String)}; a file that is {@code created} is new in the diff. */
  static String of(String path, String before, String after, boolean created) {
    if (before.equals(after)) {
      return "";
    }
    path = path.replaceFirst("^/+", "");
    List<Line> script = script(lines(before), lines(after));
    StringBuilder out = new StringBuilder();
    out.append(created ? "--- /dev/null" : "--- a/" + path).append('\n');
    out.append("+++ b/").append(path).append('\n');
    int i = 0;
    while (i < script.size()) {
      if (script.get(i).op() == Op.SAME) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // The hunk runs until a change is followed by more than twice the context of equal lines.
      int same = 0;
      for (int j = i; j < script.size(); j++) {
        if (script.get(j).op() == Op.SAME) {
          same++;
          if (same > 2 * CONTEXT) {
            break;
          }
        } else {
          same = 0;
          end = j;
        }
      }
      int stop = Math.min(script.size(), end + 1 + CONTEXT);
      hunk(out, script, start, stop);
      i = stop;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Line> script, int start, int stop) {
    int oldStart = 0;
    int newStart = 0;
    for (int i = 0; i < start; i++) {
      Op op = script.get(i).op();
      oldStart += op == Op.ADDED ? 0 : 1;
      newStart += op == Op.REMOVED ? 0 : 1;
    }
    int oldCount = 0;
    int newCount = 0;
    for (int i = start; i < stop; i++) {
      Op op = script.get(i).op();
      oldCount += op == Op.ADDED ? 0 : 1;
      newCount += op == Op.REMOVED ? 0 : 1;
    }
    out.append("@@ -")
        .append(range(oldStart, oldCount))
        .append(" +")
        .append(range(newStart, newCount))
        .append(" @@\n");
    for (int i = start; i < stop; i++) {
      Line line = script.get(i);
      out.append(
              switch (line.op()) {
                case SAME -> ' ';
                case REMOVED -> '-';
                case ADDED -> '+';
              })
          .append(line.text());
      if (!line.text().endsWith("\n") && !line.text().endsWith("\r")) {
        out.append("\n\\ No newline at end of file\n");
      }
    }
  }

  /** {@code start,count} as diff writes it: 1-based, the count left out when it is one. */
  private static String range(int linesBefore, int count) {
    int start = count == 0 ? linesBefore : linesBefore + 1;
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  /** The lines of a text, each with its own line end (CRLF, LF or CR). */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** The edit script from {@code a} to {@code b}: equal lines around a shortest middle (Myers). */
  private static List<Line> script(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix
        && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    List<Line> script = new ArrayList<>();
    a.subList(0, prefix).forEach(l -> script.add(new Line(Op.SAME, l)));
    script.addAll(
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix)));
    a.subList(a.size() - suffix, a.size()).forEach(l -> script.add(new Line(Op.SAME, l)));
    return script;
  }

  private static List<Line> middle(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x =
            k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                ? v[offset + k + 1]
                : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    // Back from the end: each step of d came from the diagonal above or below.
    List<Line> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] before = trace.get(d);
      int k = x - y;
      int previousK =
          k == -d || (k != d && before[offset + k - 1] < before[offset + k + 1]) ? k + 1 : k - 1;
      int previousX = before[offset + previousK];
      int previousY = previousX - previousK;
      while (x > previousX && y > previousY) {
        reversed.add(new Line(Op.SAME, a.get(--x)));
        y--;
      }
      if (x == previousX) {
        reversed.add(new Line(Op.ADDED, b.get(--y)));
      } else {
        reversed.add(new Line(Op.REMOVED, a.get(--x)));
      }
    }
    while (x > 0 && y > 0) {
      reversed.add(new Line(Op.SAME, a.get(--x)));
      y--;
    }
    List<Line> script = new ArrayList<>();
    for (int i = reversed.size() - 1; i >= 0; i--) {
      script.add(reversed.get(i));
    }
    return script;
  }
}
