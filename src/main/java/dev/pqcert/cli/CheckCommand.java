package dev.pqcert.cli;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.check.Baseline;
import dev.pqcert.check.Checker;
import dev.pqcert.check.TargetResult;
import dev.pqcert.config.Config;
import dev.pqcert.config.ConfigException;
import dev.pqcert.config.ConfigLoader;
import dev.pqcert.config.FailOn;
import dev.pqcert.report.ReportContext;
import dev.pqcert.report.ReportFormat;
import dev.pqcert.report.SourceLocator;
import dev.pqcert.report.TextReport;
import dev.pqcert.rules.CheckSettings;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pqcert check}: the main job. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Checks connectors against the certification requirements.",
      "PATH is a .mez or .pqx package, a connector source folder (read as its .proj or .mproj"
          + " packages it; without one, X.pq, *.pqm, resources.resx, icons), a folder holding"
          + " connector folders (a repository root: each is checked as its own target), or a"
          + " single .pq/.m file (the rules about package contents are then left out).",
      "The report goes to standard output (or --output); progress and the summary line go to"
          + " standard error. A pqcert.json or pqcert.yaml next to a target (or in a parent"
          + " folder up to the repository root or the home folder) configures the check."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding at the --fail-on level (default: no MUST violation)",
      "1:at least one finding at the --fail-on level (default: a MUST violation)",
      "2:usage error, a bad configuration or baseline, or an input that cannot be read"
    })
final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "What to check.")
  List<Path> targets;

  @Option(
      names = "--format",
      paramLabel = "FORMAT[=FILE]",
      description =
          "Report format: text (default), json, sarif, junit, github, markdown. Repeat for several"
              + " reports in one run; FORMAT=FILE writes that report to FILE"
              + " (--format sarif=pqcert.sarif --format text).")
  List<String> formats = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report that has no =FILE to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--release",
      paramLabel = "KIND",
      description =
          "initial (default): a first certification, which must be Beta; update: a new version of"
              + " a certified connector.")
  String release;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "The least severe finding that makes the exit code 1: must (default), should, review,"
              + " or never.")
  String failOn;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Use this configuration file instead of looking for one next to each target.")
  Path configFile;

  @Option(
      names = "--source-root",
      paramLabel = "DIR",
      description =
          "The source folder a .mez was built from: SARIF and GitHub annotations then point at"
              + " files in it instead of inside the package. Without it, the folder beside the"
              + " package named as it is used when it holds the same files.")
  Path sourceRoot;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Report only findings that are not in this baseline.")
  Path baselineFile;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Record every current finding in FILE as the accepted baseline, and exit 0.")
  Path writeBaseline;

  private record Output(ReportFormat format, Optional<Path> file) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } catch (UsageException usage) {
      err.println("pqcert: " + usage.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
  }

  private int run(PrintWriter out, PrintWriter err) throws UsageException {
    List<Output> outputs = outputs();
    Optional<CheckSettings.Release> releaseOverride = Optional.empty();
    if (release != null) {
      releaseOverride =
          Optional.of(
              choose(
                  "--release",
                  release,
                  Map.of(
                      "initial", CheckSettings.Release.INITIAL,
                      "update", CheckSettings.Release.UPDATE)));
    }
    Optional<FailOn> failOnOverride = Optional.empty();
    if (failOn != null) {
      failOnOverride =
          Optional.of(
              choose(
                  "--fail-on",
                  failOn,
                  Map.of(
                      "must", FailOn.MUST,
                      "should", FailOn.SHOULD,
                      "review", FailOn.REVIEW,
                      "never", FailOn.NEVER)));
    }
    if (sourceRoot != null && !Files.isDirectory(sourceRoot)) {
      throw new UsageException(sourceRoot + ": --source-root is not a folder");
    }
    RuleRegistry registry = RuleRegistry.builtIn();
    ConfigLoader loader = new ConfigLoader(registry.ids());
    Optional<Baseline> baseline = Optional.empty();
    if (baselineFile != null) {
      try {
        baseline = Optional.of(Baseline.read(baselineFile));
      } catch (IOException e) {
        throw new UsageException(baselineFile + ": " + e.getMessage());
      }
    }

    // SARIF and GitHub annotations point at files: look for a package's sources beside it.
    boolean pointsAtFiles =
        outputs.stream()
            .anyMatch(o -> o.format() == ReportFormat.SARIF || o.format() == ReportFormat.GITHUB);
    boolean findSourcesBeside = pointsAtFiles && sourceRoot == null;
    // The packages' contents are remembered to find their sources: beside them, or in the
    // --source-root folder, which is said when it holds none of a package's files.
    Checker checker =
        new Checker(new BundleReader(), registry, findSourcesBeside || sourceRoot != null);
    @SuppressWarnings("SystemConsoleNull") // Java 17: null when not on a terminal
    boolean interactive = System.console() != null;
    Map<Path, Config> configs = new HashMap<>();
    Set<Config> used = new HashSet<>();
    List<TargetResult> results = new ArrayList<>();
    List<FailOn> policies = new ArrayList<>(); // each target's, in order
    List<String> singleFiles = new ArrayList<>();
    Set<String> leftOut = new java.util.TreeSet<>();
    List<Targets.Target> expanded = Targets.expand(targets);
    for (Targets.Target found : expanded) {
      Path target = found.path();
      if (found.problem().isPresent()) {
        err.println("pqcert: " + target + ": " + found.problem().get());
        results.add(TargetResult.unreadable(target.toString(), found.problem().get()));
        policies.add(FailOn.MUST);
        continue;
      }
      if (interactive && expanded.size() > 1) {
        err.println("checking " + target);
      }
      Config config = configFor(target, loader, configs).override(releaseOverride, failOnOverride);
      used.add(config);
      policies.add(config.effectiveFailOn());
      TargetResult result = checker.check(target, config);
      result.error().ifPresent(problem -> err.println("pqcert: " + result.path() + ": " + problem));
      result.notes().forEach(note -> err.println("pqcert: " + result.path() + ": " + note));
      if (result.kind().equals(Optional.of(BundleKind.FILE))) {
        singleFiles.add(result.path());
        leftOut.addAll(checker.leftOut(BundleKind.FILE, config));
      }
      results.add(result);
    }
    if (!leftOut.isEmpty()) {
      err.println(leftOutNote(singleFiles, leftOut));
    }

    Optional<ReportContext.AppliedBaseline> appliedBaseline = Optional.empty();
    List<TargetResult> reported = results;
    if (baseline.isPresent()) {
      Baseline.Applied applied = baseline.get().apply(results);
      reported = applied.results();
      appliedBaseline =
          Optional.of(new ReportContext.AppliedBaseline(baselineFile.toString(), applied.absent()));
    }
    boolean failing = false;
    for (int i = 0; i < reported.size(); i++) {
      FailOn policy = policies.get(i);
      failing |= reported.get(i).findings().stream().anyMatch(f -> policy.fails(f.level()));
    }
    FailOn reportPolicy =
        failOnOverride.orElse(
            used.size() == 1 ? used.iterator().next().effectiveFailOn() : FailOn.MUST);
    SourceLocator locator =
        new SourceLocator(
            Optional.ofNullable(sourceRoot),
            Optional.ofNullable(System.getenv("GITHUB_WORKSPACE"))
                .filter(w -> !w.isBlank())
                .map(Path::of));
    Optional<String> hint = Optional.empty();
    List<String> unmatched = locator.packagesNotInSourceRoot(reported, checker::packageContents);
    if (!unmatched.isEmpty()) {
      hint = Optional.of(unmatchedSourceRootNote(unmatched));
    } else if (sourceRoot != null
        && reported.stream()
            .noneMatch(
                r ->
                    r.kind().equals(Optional.of(BundleKind.MEZ))
                        || r.kind().equals(Optional.of(BundleKind.PQX)))) {
      hint =
          Optional.of(
              "pqcert: "
                  + sourceRoot
                  + ": --source-root names the folder a package was built from, and no package"
                  + " (.mez, .pqx) was checked; it was not used");
    }
    if (findSourcesBeside) {
      locator = locator.withSourcesBesidePackages(reported, checker::packageContents);
      List<String> inside = locator.packagesWithoutSourceFiles(reported);
      if (!inside.isEmpty()) {
        hint = Optional.of(sourceRootHint(inside));
      }
    }
    ReportContext context =
        new ReportContext(versionOrUnknown(), registry, reportPolicy, locator, appliedBaseline);

    boolean colourable = output == null && interactive && System.getenv("NO_COLOR") == null;
    for (Output target : outputs) {
      String report =
          target.format().render(reported, context, target.file().isEmpty() && colourable);
      Optional<Path> file = target.file().or(() -> Optional.ofNullable(output));
      if (file.isPresent()) {
        try {
          Files.writeString(file.get(), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
          err.println("pqcert: " + file.get() + ": cannot write the report: " + problem(e));
          return ExitCodes.INPUT_ERROR;
        }
      } else {
        out.print(report);
        out.flush();
      }
    }
    hint.ifPresent(err::println);
    err.println(
        TextReport.summary(reported, appliedBaseline.map(b -> b.absent().size()).orElse(0)));
    if (writeBaseline != null && results.stream().anyMatch(r -> r.error().isPresent())) {
      // A baseline without the unreadable target's findings would report them all as new later.
      err.println("pqcert: " + writeBaseline + ": not written, a target could not be read");
      return ExitCodes.INPUT_ERROR;
    }
    if (writeBaseline != null) {
      Baseline written = Baseline.of(results);
      try {
        written.write(writeBaseline);
      } catch (IOException e) {
        err.println("pqcert: " + writeBaseline + ": cannot write the baseline: " + problem(e));
        return ExitCodes.INPUT_ERROR;
      }
      err.println(
          "pqcert: wrote "
              + written.findings().size()
              + " accepted finding"
              + (written.findings().size() == 1 ? "" : "s")
              + " to "
              + writeBaseline);
    }
    if (results.stream().anyMatch(r -> r.error().isPresent())) {
      return ExitCodes.INPUT_ERROR;
    }
    if (writeBaseline != null) {
      return ExitCodes.OK; // adopting a baseline accepts what is there
    }
    return failing ? ExitCodes.VIOLATIONS : ExitCodes.OK;
  }

  /**
   * One line for the whole run: the rules that judge package contents were left out for the single
   * {@code .pq} targets, which cannot know what the package holds.
   */
  private static String leftOutNote(List<String> singleFiles, Set<String> rules) {
    int others = singleFiles.size() - 1;
    return "pqcert: "
        + singleFiles.get(0)
        + (others == 0
            ? ""
            : " and " + others + (others == 1 ? " other single file" : " other single files"))
        + ": left out "
        + String.join(", ", rules)
        + ", which judge the files of the package (resources, bundled files, icons) that a single"
        + " file cannot show; check "
        + (others == 0 ? "its folder" : "their folders")
        + " for them";
  }

  /** One line: the --source-root folder holds none of the files of these packages. */
  private String unmatchedSourceRootNote(List<String> packages) {
    int others = packages.size() - 1;
    return "pqcert: "
        + sourceRoot
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

  private Config configFor(Path target, ConfigLoader loader, Map<Path, Config> cache)
      throws UsageException {
    try {
      Optional<Path> file =
          configFile != null ? Optional.of(configFile) : ConfigLoader.discover(target);
      if (file.isEmpty()) {
        return Config.DEFAULTS;
      }
      Config cached = cache.get(file.get());
      if (cached == null) {
        if (!Files.isRegularFile(file.get())) {
          throw new UsageException(file.get() + ": no such configuration file");
        }
        cached = loader.load(file.get());
        cache.put(file.get(), cached);
      }
      return cached;
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private List<Output> outputs() throws UsageException {
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
                + java.util.Arrays.stream(ReportFormat.values())
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
    if (output != null && outputs.stream().noneMatch(o -> o.file().isEmpty())) {
      throw new UsageException("--output: every --format already names its file");
    }
    return outputs;
  }

  private static <T> T choose(String option, String value, Map<String, T> choices)
      throws UsageException {
    T chosen = choices.get(value.toLowerCase(Locale.ROOT));
    if (chosen == null) {
      throw new UsageException(
          option
              + " "
              + value
              + ": use one of "
              + String.join(", ", new java.util.TreeSet<>(choices.keySet())));
    }
    return chosen;
  }

  /** An I/O failure in plain words (the JDK's messages for these are just the path again). */
  private static String problem(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "its folder does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  private static String versionOrUnknown() {
    try {
      return Main.Version.version();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** A mistake in how pqcert was called: one line on stderr, exit code 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
