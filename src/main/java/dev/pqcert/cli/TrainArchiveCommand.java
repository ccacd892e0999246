package dev.pqcert.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pqcert train-archive ARCHIVE TRAINING...}, which the launchers run once per build of the
 * jar: writes a class-data archive (AppCDS) for this jar and this JVM's flags, so that every later
 * run maps pqcert's classes, the libraries' and the JDK's own, already parsed and verified, instead
 * of loading them.
 *
 * <p>A static archive, made in two steps: training runs list the classes they load (and the lambda
 * and method-handle forms they spin), then a dump writes them all. Unlike the dynamic archive
 * ({@code -XX:ArchiveClassesAtExit}), it also holds picocli's classes (compiled for Java 5, which
 * the dynamic archive of Java 17 leaves out) and the generated lambda forms, which a cold run
 * otherwise builds anew. The training runs touch what real checks touch: every report format,
 * fixes, explain, every rule's findings ({@link TrainingInputs}), both kinds of project file and
 * configuration files.
 *
 * <p>With {@code --check-archive}, a second, smaller archive of what the runs a launcher gives it
 * load: {@code check} without {@code --format} (or a baseline), {@code parse} and {@code
 * --version}. Every run maps and relocates its whole archive first, which costs in proportion to
 * its size (about 2 ms a megabyte on the build machine); the check archive leaves out the other
 * report formats, {@code model} and {@code explain}, about a fifth of the full one.
 */
@Command(
    addMethodSubcommands = false,
    name = "train-archive",
    hidden = true,
    description = "Writes a class-data archive for this jar (the launchers run it).")
final class TrainArchiveCommand implements Callable<Integer> {
  private static final long RUN_SECONDS = 120;

  @Parameters(index = "0", description = "the archive to write")
  Path archive;

  @Parameters(index = "1..*", description = "connectors to train on (a package is enough)")
  List<Path> training;

  @Option(
      names = "--check-archive",
      paramLabel = "FILE",
      description = "Also write a smaller archive, of what checks with text reports load")
  Path checkArchive;

  /**
   * One training run: its arguments, whether a check archive holds what it loads (a check whose
   * report is text, with fixes, a configuration file or project files; {@code parse}; {@code
   * --version}), and whether it may end with exit code 2 (an example that is no connector alone).
   */
  private record Run(List<String> arguments, boolean check, boolean mayBeNoConnector) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path folder = archive.toAbsolutePath().getParent();
    Path work = Files.createTempDirectory(folder, "pqcert-training");
    try {
      String first = training.get(0).toString();
      List<String> targets = training.stream().map(Path::toString).toList();
      List<Run> runs = new ArrayList<>();
      runs.add(new Run(concat(List.of("check"), targets), true, false));
      List<String> reports = new ArrayList<>(List.of("check"));
      reports.addAll(targets);
      for (String format : List.of("json", "sarif", "junit", "markdown", "github", "azure")) {
        reports.addAll(List.of("--format", format + "=" + work.resolve("report." + format)));
      }
      reports.addAll(List.of("--format", "text"));
      runs.add(new Run(reports, false, false));
      runs.add(new Run(List.of("check", "--diff", first), true, false));
      runs.add(new Run(concat(List.of("parse"), targets), true, false));
      runs.add(new Run(List.of("model", first), false, false));
      runs.add(new Run(List.of("explain", "PQ011"), false, false));
      runs.add(new Run(List.of("--version"), true, false));
      // Every rule's examples and the training folder with project files and a configuration
      // file: what the samples alone leave untouched.
      List<String> examples = TrainingInputs.ruleExamples(work.resolve("examples"));
      Optional<Path> connectorFolder = training.stream().filter(Files::isDirectory).findFirst();
      if (connectorFolder.isPresent()) {
        examples.addAll(TrainingInputs.projects(work.resolve("projects"), connectorFolder.get()));
      }
      runs.add(new Run(concat(List.of("check"), examples), true, true));
      runs.add(new Run(concat(List.of("check", "--diff"), examples), true, true));
      runs.add(
          new Run(
              concat(
                  List.of("check", "--format", "json=" + work.resolve("examples.json")), examples),
              false,
              true));
      Set<String> classes = new LinkedHashSet<>();
      Set<String> checkClasses = new LinkedHashSet<>();
      for (int i = 0; i < runs.size(); i++) {
        Run run = runs.get(i);
        Path list = work.resolve("classes" + i + ".txt");
        List<String> command = java();
        command.add("-XX:DumpLoadedClassList=" + list);
        command.addAll(List.of("-cp", classPath(), Main.class.getName()));
        command.addAll(run.arguments());
        int exit = run(command, work);
        if (exit > (run.mayBeNoConnector() ? ExitCodes.INPUT_ERROR : 1)
            || !Files.isRegularFile(list)) {
          return ExitCodes.INPUT_ERROR;
        }
        List<String> loaded = Files.readAllLines(list, StandardCharsets.UTF_8);
        classes.addAll(loaded);
        if (run.check()) {
          checkClasses.addAll(loaded);
        }
      }
      if (!dump(classes, archive, work)) {
        return ExitCodes.INPUT_ERROR;
      }
      if (checkArchive != null && !dump(checkClasses, checkArchive, work)) {
        return ExitCodes.INPUT_ERROR;
      }
      return ExitCodes.OK;
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  /** Writes an archive of these classes; whether it was written. */
  private static boolean dump(Set<String> classes, Path archive, Path work)
      throws IOException, InterruptedException {
    Path list = work.resolve("dump.txt");
    Files.write(list, classes, StandardCharsets.UTF_8);
    List<String> dump = java();
    dump.addAll(
        List.of(
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + list,
            "-XX:SharedArchiveFile=" + archive,
            "-cp",
            classPath()));
    return run(dump, work) == 0 && Files.isRegularFile(archive) && Files.size(archive) > 0;
  }

  /** This JVM, with the flags it runs with (an archive serves only the flags it was made with). */
  private static List<String> java() {
    boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
    List<String> command = new ArrayList<>();
    command.add(
        Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString());
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!flag.startsWith("-XX:SharedArchiveFile") && !flag.startsWith("-Xshare")) {
        command.add(flag);
      }
    }
    return command;
  }

  /** The class path as this JVM was given it: the archive records it and runs must match it. */
  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  private static int run(List<String> command, Path work) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(work.resolve("out.txt").toFile())
            .redirectError(work.resolve("err.txt").toFile())
            .start();
    if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return ExitCodes.INPUT_ERROR;
    }
    return process.exitValue();
  }
}
