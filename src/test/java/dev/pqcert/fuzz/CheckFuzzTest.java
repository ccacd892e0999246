package dev.pqcert.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole check on a package assembled from fuzz data: a section document, modules, {@code
 * resources.resx}, icons, under names the fuzzer picks too, checked with every report format (see
 * {@link Promises}).
 *
 * <p>The input is a readable bundle of files rather than a {@code FuzzedDataProvider} stream, so
 * the seeds are our sample connectors as they are and a crash reads as the files that caused it:
 *
 * <pre>
 * update should          &lt;- options: initial|update, must|should|review|never
 * ==&gt; Contoso.pq         &lt;- each file: a marker line with its name in the package,
 * section Contoso; ...       then its bytes up to the next marker line
 * ==&gt; resources.resx
 * &lt;root&gt;...
 * </pre>
 */
class CheckFuzzTest {
  /** Begins each file; a line of its own, so a seed file reads as the files it holds. */
  static final byte[] MARKER = "\n==> ".getBytes(StandardCharsets.UTF_8);

  /** Zip entry names are bounded; longer ones say nothing more to the reader. */
  private static final int MAX_NAME_LENGTH = 255;

  @TempDir static Path temp;

  @FuzzTest(maxDuration = "10m")
  void checkPackage(byte[] bytes) {
    List<byte[]> parts = split(bytes);
    String head = new String(parts.get(0), StandardCharsets.UTF_8);
    List<Map.Entry<String, byte[]>> files = new ArrayList<>();
    for (byte[] part : parts.subList(1, parts.size())) {
      int newline = indexOf(part, (byte) '\n', 0);
      int nameEnd = newline < 0 ? part.length : newline;
      String name = new String(part, 0, nameEnd, StandardCharsets.UTF_8).strip();
      if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
        continue;
      }
      byte[] content =
          newline < 0 ? new byte[0] : Arrays.copyOfRange(part, newline + 1, part.length);
      files.add(Map.entry(name, content));
    }
    Path mez = temp.resolve("Fuzzed.mez");
    Promises.write(mez, FuzzPackages.zip(files));
    Promises.check(mez, bytes.length, options(head));
  }

  /** The options the head asks for: words, the last of each kind winning. */
  private static String[] options(String head) {
    String release = null;
    String failOn = null;
    for (String word : head.strip().split("\\s+", -1)) {
      switch (word) {
        case "initial", "update" -> release = word;
        case "must", "should", "review", "never" -> failOn = word;
        default -> {
          // not an option: the fuzzer's noise
        }
      }
    }
    List<String> options = new ArrayList<>();
    if (release != null) {
      options.addAll(List.of("--release", release));
    }
    if (failOn != null) {
      options.addAll(List.of("--fail-on", failOn));
    }
    return options.toArray(String[]::new);
  }

  /** The head, then each file's part (its name line and bytes), split at {@link #MARKER}. */
  static List<byte[]> split(byte[] bytes) {
    List<byte[]> parts = new ArrayList<>();
    int start = 0;
    for (int at = indexOf(bytes, MARKER, 0); at >= 0; at = indexOf(bytes, MARKER, start)) {
      parts.add(Arrays.copyOfRange(bytes, start, at));
      start = at + MARKER.length;
    }
    parts.add(Arrays.copyOfRange(bytes, start, bytes.length));
    return parts;
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] bytes, byte[] wanted, int from) {
    outer:
    for (int i = from; i + wanted.length <= bytes.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (bytes[i + j] != wanted[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
