package dev.pqcert.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The start-up benchmark (a documented harness; see the README's "Speed" section): what a user
 * waits for, each run a fresh process, alternated in one run with Microsoft's reference parser
 * doing less (only parsing the same files), so that both see the same machine.
 *
 * <ul>
 *   <li>a cold {@code pqcert check} of each connector folder against {@code node refparse.js} over
 *       the folder's M files (the files the check parses);
 *   <li>{@code pqcert --version} against {@code java -version};
 *   <li>{@code pqcert parse} over a large batch of M files against the reference parser over the
 *       same files.
 * </ul>
 *
 * Each subject runs through a checkout's own launcher ({@code pqcert}, or {@code pqcert.cmd} on
 * Windows), so the figures are what a user of that checkout waits for; naming two checkouts (the
 * code before and after a change) measures both in the same hour. A subject's ratio to the
 * reference is given twice: of the two medians, and paired, the median of each round's ratio to the
 * reference run of that round (which the machine's slower and faster spells affect alike). Peak
 * memory is the maximum resident set size as GNU time reports it, where {@code /usr/bin/time}
 * exists. From the checkout's root:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *   dev.pqcert.bench.StartupBenchmark --refparse /path/to/refparse.js \
 *   [--checkout before=/path/to/other/checkout] [--rounds 5] \
 *   --connector 10KB=/path/to/folder --generate 150KB=153600 --batch /path/to/m/files ...
 * </pre>
 */
public final class StartupBenchmark {
  private static final boolean WINDOWS =
      System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  private StartupBenchmark() {}

  /** One command to time: a name for the table and its command line. */
  record Subject(String name, List<String> command) {}

  /** One run's cost. */
  record Sample(long millis, long peakKilobytes) {}

  public static void main(String[] args) throws Exception {
    Path refparse = null;
    int rounds = 5;
    Map<String, Path> checkouts = new LinkedHashMap<>();
    Map<String, Path> connectors = new LinkedHashMap<>();
    List<Path> batch = new ArrayList<>();
    Path work = Files.createTempDirectory("pqcert-startup");
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--refparse" -> refparse = Path.of(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--checkout" -> checkouts.put(label(value), Path.of(path(value)));
        case "--connector" -> connectors.put(label(value), Path.of(path(value)));
        case "--generate" -> connectors.put(label(value), generated(work, path(value)));
        case "--batch" -> batch.add(Path.of(value));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (refparse == null) {
      throw new IllegalArgumentException("--refparse /path/to/refparse.js is required");
    }
    if (checkouts.isEmpty()) {
      checkouts.put("this checkout", Path.of("").toAbsolutePath());
    }
    for (Path checkout : checkouts.values()) {
      // Builds the jar and trains the class-data archive when they are missing or stale.
      run(List.of(launcher(checkout).toString(), "--version"), work);
    }
    System.out.printf(
        Locale.ROOT,
        "%d rounds, medians; %s; checkouts: %s%n%n",
        rounds,
        Files.isExecutable(GNU_TIME) ? "peak memory from /usr/bin/time" : "no peak memory",
        checkouts);
    System.out.println(
        "| case | subject | median ms | min-max ms | peak MB | vs reference | paired |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Map.Entry<String, Path> connector : connectors.entrySet()) {
      List<Path> files = connectorFiles(connector.getValue());
      long bytes = 0;
      for (Path file : files) {
        bytes += Files.size(file);
      }
      List<Subject> subjects = new ArrayList<>();
      subjects.add(new Subject("reference parse", reference(refparse, files)));
      checkouts.forEach(
          (name, checkout) ->
              subjects.add(
                  new Subject(
                      "check (" + name + ")",
                      List.of(
                          launcher(checkout).toString(),
                          "check",
                          "-q",
                          connector.getValue().toString()))));
      String label =
          String.format(
              Locale.ROOT, "%s (%d files, %d KB)", connector.getKey(), files.size(), bytes / 1024);
      measure(label, subjects, rounds, work);
    }
    List<Subject> version = new ArrayList<>();
    version.add(new Subject("java -version", List.of("java", "-version")));
    checkouts.forEach(
        (name, checkout) ->
            version.add(
                new Subject(
                    "--version (" + name + ")",
                    List.of(launcher(checkout).toString(), "--version"))));
    measure("version", version, rounds, work);
    if (!batch.isEmpty()) {
      List<Path> files = new ArrayList<>();
      for (Path folder : batch) {
        for (Path file : mFiles(folder)) {
          // Both parsers read UTF-8 text; the test inputs that are not (on purpose) stay out.
          if (isUtf8(file)) {
            files.add(file);
          }
        }
      }
      Path list = work.resolve("batch.txt");
      // picocli reads @file arguments: one path per line, quoted for its tokenizer.
      Files.write(
          list,
          files.stream().map(f -> "\"" + f.toString().replace("\\", "/") + "\"").toList(),
          StandardCharsets.UTF_8);
      List<Subject> subjects = new ArrayList<>();
      subjects.add(new Subject("reference parse", reference(refparse, files)));
      checkouts.forEach(
          (name, checkout) ->
              subjects.add(
                  new Subject(
                      "parse (" + name + ")",
                      List.of(launcher(checkout).toString(), "parse", "@" + list))));
      long bytes = 0;
      for (Path file : files) {
        bytes += Files.size(file);
      }
      measure(
          String.format(
              Locale.ROOT, "batch (%d files, %.1f MB)", files.size(), bytes / 1024.0 / 1024.0),
          subjects,
          Math.min(rounds, 3),
          work);
    }
  }

  /** Runs every subject {@code rounds} times, alternating, and prints one table row per subject. */
  private static void measure(String label, List<Subject> subjects, int rounds, Path work)
      throws IOException, InterruptedException {
    List<List<Sample>> samples = new ArrayList<>();
    subjects.forEach(s -> samples.add(new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < subjects.size(); k++) {
        // A different subject goes first each round, so none always runs after the same one.
        int index = (k + round) % subjects.size();
        samples.get(index).add(run(subjects.get(index).command(), work));
      }
    }
    long reference = median(samples.get(0).stream().mapToLong(Sample::millis).toArray());
    for (int k = 0; k < subjects.size(); k++) {
      long[] millis = samples.get(k).stream().mapToLong(Sample::millis).sorted().toArray();
      long[] peaks = samples.get(k).stream().mapToLong(Sample::peakKilobytes).toArray();
      long peak = median(peaks);
      // Each round's ratio to the reference run beside it: the machine's slower and faster spells
      // then weigh on both sides of a ratio, where they shift the medians of the whole run apart.
      double[] paired = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        paired[round] =
            (double) samples.get(k).get(round).millis() / samples.get(0).get(round).millis();
      }
      java.util.Arrays.sort(paired);
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %d-%d | %s | %s | %s |%n",
          label,
          subjects.get(k).name(),
          median(millis),
          millis[0],
          millis[millis.length - 1],
          peak > 0 ? String.format(Locale.ROOT, "%.0f", peak / 1024.0) : "-",
          k == 0 ? "" : String.format(Locale.ROOT, "%.2fx", (double) median(millis) / reference),
          k == 0 ? "" : String.format(Locale.ROOT, "%.2fx", paired[rounds / 2]));
    }
  }

  /** Runs one command to its end, output discarded; fails loudly when it fails to run. */
  private static Sample run(List<String> command, Path work)
      throws IOException, InterruptedException {
    Path peakFile = work.resolve("peak.txt");
    List<String> full = new ArrayList<>();
    boolean timed = Files.isExecutable(GNU_TIME);
    if (timed) {
      full.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", peakFile.toString()));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full);
    builder.environment().put("QUIET", "1"); // refparse.js: totals only
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(work.resolve("stderr.txt").toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (exit > 1) {
      throw new IllegalStateException(
          command
              + " exited "
              + exit
              + ": "
              + Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }
    long peak = 0;
    if (timed) {
      List<String> lines = Files.readAllLines(peakFile, StandardCharsets.UTF_8);
      peak = Long.parseLong(lines.get(lines.size() - 1).trim());
    }
    return new Sample(millis, peak);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static List<String> reference(Path refparse, List<Path> files) {
    List<String> command = new ArrayList<>(List.of("node", refparse.toString()));
    files.forEach(f -> command.add(f.toString()));
    return command;
  }

  private static Path launcher(Path checkout) {
    return checkout.resolve(WINDOWS ? "pqcert.cmd" : "pqcert");
  }

  /** The M files a check of the folder parses: its section document and modules, not tests. */
  static List<Path> connectorFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return named(
          files,
          name -> (name.endsWith(".pq") || name.endsWith(".pqm")) && !name.endsWith(".query.pq"));
    }
  }

  /** Every M file below the folder, test queries included. */
  static List<Path> mFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return named(
          files, name -> name.endsWith(".pq") || name.endsWith(".pqm") || name.endsWith(".m"));
    }
  }

  /** The regular files whose lower-cased name is wanted, sorted. */
  private static List<Path> named(Stream<Path> files, Predicate<String> wanted) {
    return files
        .filter(Files::isRegularFile)
        .filter(f -> wanted.test(f.getFileName().toString().toLowerCase(Locale.ROOT)))
        .sorted()
        .toList();
  }

  private static boolean isUtf8(Path file) throws IOException {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)));
      return true;
    } catch (java.nio.charset.CharacterCodingException notUtf8) {
      return false;
    }
  }

  /** A connector folder holding one generated connector of about the given size in bytes. */
  private static Path generated(Path work, String bytes) throws IOException {
    Path folder = Files.createDirectories(work.resolve("Generated"));
    Files.writeString(
        folder.resolve("Generated.pq"),
        ConnectorGenerator.generate(Integer.parseInt(bytes)),
        StandardCharsets.UTF_8);
    return folder;
  }

  private static String label(String value) {
    int equals = value.indexOf('=');
    return equals < 0 ? value : value.substring(0, equals);
  }

  private static String path(String value) {
    return value.substring(value.indexOf('=') + 1);
  }
}
