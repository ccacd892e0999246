package dev.pqcert.bench;

import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TextDecoder;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.ParseResult;
import dev.pqcert.parse.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The parser benchmark (a documented harness; see the README): warm throughput over a corpus of our
 * own samples plus generated connectors, scaling at 1x/10x/100x, and the first parse of a 16 KB
 * connector in a fresh JVM.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.pqcert.bench.ParseBenchmark [-Dexec.args="extra/corpus/folder"]
 * </pre>
 */
public final class ParseBenchmark {
  private ParseBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--first-parse")) {
      firstParseProbe();
      return;
    }
    List<SourceText> corpus = new ArrayList<>(filesUnder(Path.of("samples")));
    for (String extra : args) {
      corpus.addAll(filesUnder(Path.of(extra)));
    }
    for (int size : new int[] {16 * 1024, 64 * 1024, 256 * 1024}) {
      corpus.add(new SourceText("generated-" + size + ".pq", ConnectorGenerator.generate(size)));
    }
    long bytes = corpus.stream().mapToLong(s -> s.text().length()).sum();
    System.out.printf(Locale.ROOT, "corpus: %d files, %.2f MB%n", corpus.size(), bytes / 1e6);

    for (int i = 0; i < 15; i++) {
      parseAll(corpus); // warm-up: JIT and ANTLR's DFA cache
    }
    double[] seconds = new double[10];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = parseAll(corpus);
    }
    Arrays.sort(seconds);
    double median = seconds[seconds.length / 2];
    System.out.printf(
        Locale.ROOT,
        "warm throughput: %.1f MB/s (median of %d runs, %.1f ms per pass)%n",
        bytes / 1e6 / median,
        seconds.length,
        median * 1e3);

    SourceText unit = new SourceText("scale.pq", ConnectorGenerator.generate(512 * 1024));
    for (int factor : new int[] {1, 10, 100}) {
      SourceText scaled =
          new SourceText(
              "scale-" + factor + ".pq", ConnectorGenerator.generate(512 * 1024 * factor));
      parse(scaled); // warm at this size
      double best = Double.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        best = Math.min(best, time(() -> parse(scaled)));
      }
      System.out.printf(
          Locale.ROOT,
          "scaling %3dx: %6.1f MB in %7.1f ms = %.1f MB/s%n",
          factor,
          scaled.text().length() / 1e6,
          best * 1e3,
          scaled.text().length() / 1e6 / best);
    }
    if (unit.text().isEmpty()) {
      throw new IllegalStateException("empty unit");
    }

    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ParseBenchmark.class.getName(),
                "--first-parse")
            .redirectErrorStream(true)
            .start();
    System.out.print(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    probe.waitFor();
  }

  /** Runs in a fresh JVM: the cost a user pays on the first file. */
  private static void firstParseProbe() {
    SourceText text = new SourceText("first.pq", ConnectorGenerator.generate(16 * 1024));
    long start = System.nanoTime();
    ParseResult result = parse(text);
    double ms = (System.nanoTime() - start) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "first parse of a %.1f KB connector in a fresh JVM: %.0f ms (ok=%s)%n",
        text.text().length() / 1024.0,
        ms,
        result.ok());
  }

  private static double parseAll(List<SourceText> corpus) {
    return time(
        () -> {
          for (SourceText text : corpus) {
            parse(text);
          }
        });
  }

  private static ParseResult parse(SourceText text) {
    DocumentKind kind = text.name().endsWith(".pqm") ? DocumentKind.EXPRESSION : DocumentKind.AUTO;
    ParseResult result = DocumentParser.parse(text, kind);
    if (!result.ok() && text.name().startsWith("generated")) {
      throw new IllegalStateException("generated connector did not parse: " + result.errors());
    }
    return result;
  }

  private static double time(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<SourceText> filesUnder(Path folder) throws IOException, InputException {
    List<SourceText> texts = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pq") || name.endsWith(".pqm") || name.endsWith(".m")) {
          String text = TextDecoder.decode(file.toString(), Files.readAllBytes(file)).text();
          texts.add(new SourceText(file.toString(), text));
        }
      }
    }
    return texts;
  }
}
