package dev.pqcert.report;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.check.CheckRun;
import dev.pqcert.check.IoProblem;
import dev.pqcert.check.TargetResult;
import dev.pqcert.check.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reports of one {@code pqcert check} run: each {@code --format}, to standard output or to its
 * file, with report locations pointing at the source files (see {@link SourceLocator}); then, on
 * standard error, one line when they point inside a package, and the summary line.
 */
public final class Reports {
  private record Output(ReportFormat format, Optional<Path> file) {}

  private final List<Output> outputs;
  private final Optional<Path> output;
  private final Optional<Path> sourceRoot;

  private Reports(List<Output> outputs, Optional<Path> output, Optional<Path> sourceRoot) {
    this.outputs = List.copyOf(outputs);
    this.output = output;
    this.sourceRoot = sourceRoot;
  }

  /**
   * The reports asked for.
   *
   * @param formats each {@code --format}: {@code FORMAT} or {@code FORMAT=FILE}; none means text
   * @param output {@code --output}: the file for the report that names none
   * @param sourceRoot {@code --source-root}: the folder the packages were built from
   * @throws UsageException when they cannot be written as asked
   */
  public static Reports requested(
      List<String> formats, Optional<Path> output, Optional<Path> sourceRoot)
      throws UsageException {
    List<Output> outputs = new ArrayList<>();
    for (String spec : formats.isEmpty() ? List.of("text") : formats) {
      int equals = spec.indexOf('=');
      String name = (equals < 0 ? spec : spec.substring(0, equals)).toLowerCase(Locale.ROOT);
      Optional<ReportFormat> format = ReportFormat.of(name);
      if (format.isEmpty()) {
        throw new UsageException(
            "--format "
                + spec
                + ": unknown format; use one of "
                + Arrays.stream(ReportFormat.values())
                    .map(ReportFormat::key)
                    .collect(Collectors.joining(", ")));
      }
      Optional<Path> file = Optional.empty();
      if (equals >= 0) {
        String path = spec.substring(equals + 1);
        if (path.isEmpty()) {
          throw new UsageException("--format " + spec + ": name the file after '='");
        }
        file = Optional.of(Path.of(path));
      }
      outputs.add(new Output(format.get(), file));
    }
    if (outputs.stream().filter(o -> o.file().isEmpty()).count() > 1) {
      throw new UsageException(
          "only one report can go to standard output (or --output); give the others a file:"
              + " --format sarif=pqcert.sarif");
    }
    if (output.isPresent() && outputs.stream().noneMatch(o -> o.file().isEmpty())) {
      throw new UsageException("--output: every --format already names its file");
    }
    if (sourceRoot.isPresent() && !Files.isDirectory(sourceRoot.get())) {
      throw new UsageException(sourceRoot.get() + ": --source-root is not a folder");
    }
    return new Reports(outputs, output, sourceRoot);
  }

  /**
   * Whether these reports will look for this package's sources on disk, and so need what was in it
   * (see {@link CheckRun.Options#rememberPackageContents}): in {@code --source-root} when it is
   * given, which is said when it holds none of the package's files; else in the folder beside the
   * package, when there is one, for SARIF, GitHub annotations, Azure Pipelines issues and the text
   * report to point at its files.
   */
  public boolean needContentsOf(Path packageFile) {
    return sourceRoot.isPresent()
        || (findSourcesBeside() && Files.isDirectory(SourceLocator.folderBeside(packageFile)));
  }

  /** Whether a report points at files: the text report too, so a terminal can open them. */
  private boolean findSourcesBeside() {
    return sourceRoot.isEmpty()
        && outputs.stream()
            .anyMatch(
                o ->
                    o.format() == ReportFormat.SARIF
                        || o.format() == ReportFormat.GITHUB
                        || o.format() == ReportFormat.AZURE
                        || o.format() == ReportFormat.TEXT);
  }

  /**
   * Whether a report needs a file to point at: SARIF, GitHub annotations and Azure Pipelines issues
   * do; the text report names the place inside the package well enough under the package's own
   * name.
   */
  private boolean needSourceFiles() {
    return outputs.stream()
        .anyMatch(
            o ->
                o.format() == ReportFormat.SARIF
                    || o.format() == ReportFormat.GITHUB
                    || o.format() == ReportFormat.AZURE);
  }

  /**
   * Writes every report, then (unless quiet) the notes about source locations to standard error;
   * false when a report could not be written (said on standard error; nothing follows it).
   *
   * @param toolVersion pqcert's version, for the reports that name it
   * @param style how to write the text report; its colour only to standard output
   * @param workspace {@code GITHUB_WORKSPACE}, when set
   */
  public boolean write(
      CheckRun.Outcome outcome,
      String toolVersion,
      TextStyle style,
      Optional<String> workspace,
      PrintWriter out,
      PrintWriter err) {
    List<TargetResult> reported = outcome.results();
    Optional<ReportContext.AppliedBaseline> appliedBaseline =
        outcome
            .baselineFile()
            .map(file -> new ReportContext.AppliedBaseline(file, outcome.absentFromBaseline()));
    SourceLocator locator =
        new SourceLocator(sourceRoot, workspace.filter(w -> !w.isBlank()).map(Path::of));
    Optional<String> hint = Optional.empty();
    List<String> unmatched = locator.packagesNotInSourceRoot(reported, outcome.packageContents());
    if (!unmatched.isEmpty()) {
      hint = Optional.of(unmatchedSourceRootNote(unmatched));
    } else if (sourceRoot.isPresent()
        && reported.stream().noneMatch(r -> r.kind().map(BundleKind::isPackage).orElse(false))) {
      hint =
          Optional.of(
              "pqcert: "
                  + sourceRoot.get()
                  + ": --source-root names the folder a package was built from, and no package"
                  + " (.mez, .pqx) was checked; it was not used");
    }
    if (findSourcesBeside()) {
      locator = locator.withSourcesBesidePackages(reported, outcome.packageContents());
      List<String> inside = locator.packagesWithoutSourceFiles(reported);
      if (!inside.isEmpty() && needSourceFiles()) {
        hint = Optional.of(sourceRootHint(inside));
      }
    }
    ReportContext context =
        new ReportContext(
            toolVersion,
            outcome.rules(),
            outcome.failOn(),
            locator,
            appliedBaseline,
            outcome.docsUrl());

    for (Output target : outputs) {
      boolean toStandardOutput = target.file().isEmpty() && output.isEmpty();
      String report =
          target
              .format()
              .render(reported, context, toStandardOutput ? style : style.withoutColour());
      Optional<Path> file = target.file().or(() -> output);
      if (file.isPresent()) {
        try {
          Files.writeString(file.get(), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
          err.println("pqcert: " + file.get() + ": cannot write the report: " + IoProblem.of(e));
          return false;
        }
      } else {
        out.print(report);
        out.flush();
      }
    }
    if (!style.quiet()) {
      hint.ifPresent(err::println);
    }
    return true;
  }

  /** One line: the --source-root folder holds none of the files of these packages. */
  private String unmatchedSourceRootNote(List<String> packages) {
    int others = packages.size() - 1;
    return "pqcert: "
        + sourceRoot.orElseThrow()
        + ": --source-root holds none of the files of "
        + packages.get(0)
        + (others == 0
            ? ""
            : " and " + others + (others == 1 ? " other package" : " other packages"))
        + " (looked for by their names in the package, X.pq for X.m, and where a project file"
        + " there puts them); report locations point inside "
        + (others == 0 ? "the package" : "the packages")
        + ": name the folder "
        + (others == 0 ? "it was" : "they were")
        + " built from";
  }

  /** One line for the whole run, however many packages it concerns. */
  private static String sourceRootHint(List<String> packages) {
    String first = packages.get(0);
    String beside = SourceLocator.folderBeside(Path.of(first)).toString();
    if (packages.size() == 1) {
      return "pqcert: "
          + first
          + ": report locations point inside the package, as no folder "
          + beside
          + " beside it holds the same files; name the folder it was built from with"
          + " --source-root DIR";
    }
    int others = packages.size() - 1;
    return "pqcert: "
        + first
        + " and "
        + others
        + (others == 1 ? " other package" : " other packages")
        + ": report locations point inside the packages, as no folder beside them holds the same"
        + " files (for the first: "
        + beside
        + "); name the folder they were built from with --source-root DIR";
  }
}
