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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The parser benchmark (a documented harness; see the README): warm throughput over a corpus of our
 * own samples plus generated connectors; scaling at 1x/10x/100x, each size in a fresh JVM, with the
 * wall time, the Java threads' CPU time (the parser's own work) and the collector's pauses; and the
 * first parse of a 16 KB connector in a fresh JVM, three times. Scaling and first parse run twice:
 * with plain {@code java -cp}, and with the {@code pqcert} launcher's JVM flags and AppCDS archive.
 * Run it from the checkout's root:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *   dev.pqcert.bench.ParseBenchmark [extra/corpus/folder]
 * </pre>
 */
public final class ParseBenchmark {
  private ParseBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--first-parse")) {
      firstParseProbe();
      return;
    }
    if (args.length == 2 && args[0].equals("--scale")) {
      scaleProbe(Integer.parseInt(args[1]));
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

    List<String> launcherFlags = launcherFlags();
    String launcherClassPath =
        Path.of("target", "pqcert.jar").toAbsolutePath()
            + java.io.File.pathSeparator
            + testClasses();
    scaling("this JVM's defaults (`java -cp`)", List.of(), System.getProperty("java.class.path"));
    if (launcherFlags != null) {
      scaling(
          "the pqcert launcher's JVM flags: " + String.join(" ", launcherFlags),
          launcherFlags,
          launcherClassPath);
    }

    firstParse("plain `java -cp`", List.of(), System.getProperty("java.class.path"));
    if (launcherFlags != null) {
      firstParse(
          "the pqcert launcher's JVM flags and AppCDS archive: " + String.join(" ", launcherFlags),
          launcherFlags,
          launcherClassPath);
    }
  }

  private static final int PROBE_RUNS = 3;

  private static final Pattern PROBE_MS = Pattern.compile("fresh JVM: (\\d+) ms");

  /** Runs this class in a fresh JVM with the given flags and arguments; returns what it printed. */
  private static String probe(List<String> jvmFlags, String classPath, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", classPath, ParseBenchmark.class.getName()));
    command.addAll(List.of(arguments));
    Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    probe.waitFor();
    return output;
  }

  /** Runs the first-parse probe in {@value #PROBE_RUNS} fresh JVMs and prints their times. */
  private static void firstParse(String how, List<String> jvmFlags, String classPath)
      throws IOException, InterruptedException {
    List<Integer> times = new ArrayList<>();
    String last = "";
    for (int i = 0; i < PROBE_RUNS; i++) {
      last = probe(jvmFlags, classPath, "--first-parse").trim();
      Matcher ms = PROBE_MS.matcher(last);
      if (!ms.find()) {
        System.out.println("first-parse probe failed: " + last);
        return;
      }
      times.add(Integer.parseInt(ms.group(1)));
    }
    List<Integer> sorted = new ArrayList<>(times);
    sorted.sort(null);
    System.out.printf(
        Locale.ROOT,
        "%s%n  (%s; runs %s ms, median %d ms)%n",
        last.replaceFirst(": \\d+ ms", ""),
        how,
        times,
        sorted.get(sorted.size() / 2));
  }

  /**
   * The {@code pqcert} launcher's JVM configuration: its {@code jvm_flags} and its AppCDS archive
   * {@code target/pqcert.jsa} (running the launcher once builds the jar and the archive when they
   * are missing or stale), or null when there is no launcher to run. Probes run on the jar, with
   * their own classes from the test classes after it.
   */
  private static List<String> launcherFlags() throws Exception {
    Path launcher = Path.of("pqcert").toAbsolutePath();
    if (!Files.isExecutable(launcher)) {
      System.out.println("launcher configuration: skipped (run from the checkout's root)");
      return null;
    }
    Process prepare =
        new ProcessBuilder(launcher.toString(), "--version")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (prepare.waitFor() != 0) {
      System.out.println("launcher configuration: skipped (`./pqcert --version` failed)");
      return null;
    }
    List<String> flags = new ArrayList<>();
    for (String line : Files.readAllLines(launcher, StandardCharsets.UTF_8)) {
      if (line.startsWith("jvm_flags=(") && line.endsWith(")")) {
        String list = line.substring("jvm_flags=(".length(), line.length() - 1);
        for (String flag : list.split(" ", -1)) {
          if (!flag.isEmpty()) {
            flags.add(flag.replace("'", "")); // shell quoting
          }
        }
      }
    }
    Path archive = Path.of("target", "pqcert.jsa").toAbsolutePath();
    if (Files.isRegularFile(archive)) {
      flags.add("-XX:SharedArchiveFile=" + archive);
    }
    return flags;
  }

  private static String testClasses() throws java.net.URISyntaxException {
    return Path.of(ParseBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  private static final Pattern SCALE_LINE = Pattern.compile("^scaling .*$", Pattern.MULTILINE);

  /**
   * Scaling at 1x, 10x and 100x, each size in a fresh JVM so that one size's garbage and heap
   * sizing do not weigh on the next.
   */
  private static void scaling(String how, List<String> jvmFlags, String classPath)
      throws IOException, InterruptedException {
    System.out.printf(Locale.ROOT, "scaling, one fresh JVM per size, %s:%n", how);
    for (int factor : new int[] {1, 10, 100}) {
      String output = probe(jvmFlags, classPath, "--scale", Integer.toString(factor));
      Matcher line = SCALE_LINE.matcher(output);
      System.out.println(line.find() ? "  " + line.group() : "  scaling probe failed: " + output);
    }
  }

  /**
   * Runs in a fresh JVM: warms up on the 1x input, parses the input of this size once, then times
   * three parses and reports the fastest, with what the JVM's threads spent on the CPU (the
   * parser's own work; the collectors' threads are not Java threads) and what its collectors spent.
   */
  private static void scaleProbe(int factor) {
    SourceText unit = new SourceText("unit.pq", ConnectorGenerator.generate(512 * 1024));
    for (int i = 0; i < 20; i++) {
      parse(unit);
    }
    SourceText scaled =
        new SourceText("scale-" + factor + ".pq", ConnectorGenerator.generate(512 * 1024 * factor));
    parse(scaled);
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long bestWall = Long.MAX_VALUE;
    long bestCpu = 0;
    long bestGc = 0;
    for (int i = 0; i < 3; i++) {
      long cpu = javaThreadsCpuNanos(threads);
      long gc = collectorMillis();
      long start = System.nanoTime();
      parse(scaled);
      long wall = System.nanoTime() - start;
      if (wall < bestWall) {
        bestWall = wall;
        bestCpu = javaThreadsCpuNanos(threads) - cpu;
        bestGc = collectorMillis() - gc;
      }
    }
    double megabytes = scaled.text().length() / 1e6;
    System.out.printf(
        Locale.ROOT,
        "scaling %3dx: %6.1f MB in %7.1f ms = %5.1f MB/s; Java threads' CPU %7.1f ms = %5.1f MB/s;"
            + " collector pauses %5d ms%n",
        factor,
        megabytes,
        bestWall / 1e6,
        megabytes / (bestWall / 1e9),
        bestCpu / 1e6,
        megabytes / (bestCpu / 1e9),
        bestGc);
  }

  private static long javaThreadsCpuNanos(java.lang.management.ThreadMXBean threads) {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu > 0) {
        sum += cpu;
      }
    }
    return sum;
  }

  private static long collectorMillis() {
    long sum = 0;
    for (java.lang.management.GarbageCollectorMXBean collector :
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, collector.getCollectionTime());
    }
    return sum;
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
