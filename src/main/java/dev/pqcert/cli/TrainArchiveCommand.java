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
 * fixes, explain, every rule's findings ({@link TrainingInputs}) and both kinds of project file.
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

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path folder = archive.toAbsolutePath().getParent();
    Path work = Files.createTempDirectory(folder, "pqcert-training");
    try {
      Set<String> classes = new LinkedHashSet<>();
      String first = training.get(0).toString();
      List<List<String>> runs = new ArrayList<>();
      List<String> reports = new ArrayList<>(List.of("check"));
      training.forEach(t -> reports.add(t.toString()));
      for (String format : List.of("json", "sarif", "junit", "markdown", "github", "azure")) {
        reports.addAll(List.of("--format", format + "=" + work.resolve("report." + format)));
      }
      reports.addAll(List.of("--format", "text"));
      runs.add(reports);
      runs.add(List.of("check", "--diff", first));
      runs.add(List.of("model", first));
      runs.add(List.of("explain", "PQ011"));
      runs.add(List.of("--version"));
      // Every rule's examples and the training folder with project files: what the samples alone
      // leave untouched. An example may be no connector on its own (exit 2): still a training run.
      List<String> examples = TrainingInputs.ruleExamples(work.resolve("examples"));
      Optional<Path> connectorFolder = training.stream().filter(Files::isDirectory).findFirst();
      if (connectorFolder.isPresent()) {
        examples.addAll(TrainingInputs.projects(work.resolve("projects"), connectorFolder.get()));
      }
      int examplesFrom = runs.size();
      List<String> checkExamples = new ArrayList<>(List.of("check", "--format", "text"));
      checkExamples.addAll(List.of("--format", "json=" + work.resolve("examples.json")));
      checkExamples.addAll(examples);
      runs.add(checkExamples);
      List<String> diffExamples = new ArrayList<>(List.of("check", "--diff"));
      diffExamples.addAll(examples);
      runs.add(diffExamples);
      for (int i = 0; i < runs.size(); i++) {
        Path list = work.resolve("classes" + i + ".txt");
        List<String> command = java();
        command.add("-XX:DumpLoadedClassList=" + list);
        command.addAll(List.of("-cp", classPath(), Main.class.getName()));
        command.addAll(runs.get(i));
        int exit = run(command, work);
        if (exit > (i >= examplesFrom ? ExitCodes.INPUT_ERROR : 1) || !Files.isRegularFile(list)) {
          return ExitCodes.INPUT_ERROR;
        }
        classes.addAll(Files.readAllLines(list, StandardCharsets.UTF_8));
      }
      Path list = work.resolve("classes.txt");
      Files.write(list, classes, StandardCharsets.UTF_8);
      List<String> dump = java();
      dump.addAll(
          List.of(
              "-Xshare:dump",
              "-XX:SharedClassListFile=" + list,
              "-XX:SharedArchiveFile=" + archive,
              "-cp",
              classPath()));
      return run(dump, work) == 0 && Files.size(archive) > 0 ? ExitCodes.OK : ExitCodes.INPUT_ERROR;
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
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
