package dev.pqcert.cli;

import dev.pqcert.check.CheckRun;
import dev.pqcert.check.UsageException;
import dev.pqcert.config.DocsUrl;
import dev.pqcert.config.FailOn;
import dev.pqcert.config.Spellings;
import dev.pqcert.report.Reports;
import dev.pqcert.report.TextStyle;
import dev.pqcert.rules.CheckSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code pqcert check}: the main job. This class is the command line only: the options, read into a
 * {@link CheckRun} (the check itself: targets, configuration, baseline, exit policy) and the {@link
 * Reports} it hands its results to.
 *
 * <p>The options are declared through picocli's programmatic API, not its annotations: reading
 * annotations makes the JDK generate a proxy class for each annotation type at run time, which Java
 * 17 cannot keep in the class-data archive; that was about 40 ms of every cold check.
 */
final class CheckCommand implements Callable<Integer> {
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

  private List<Path> targets;
  private List<String> formats;
  private Path output;
  private CheckSettings.Release release;
  private FailOn failOn;
  private Path configFile;
  private Path sourceRoot;
  private Path baselineFile;
  private Path writeBaseline;
  private boolean quiet;
  private ColourChoice colour;
  private boolean fix;
  private boolean diff;
  private String docsUrl;

  CheckCommand() {
    spec.name("check").versionProvider(new Main.Version());
    spec.usageMessage()
        .description(
            "Checks connectors against the certification requirements.",
            "PATH is a .mez or .pqx package, a connector source folder (read as its .proj or .mproj"
                + " packages it; without one, X.pq, *.pqm, resources.resx, icons), a folder holding"
                + " connector folders (a repository root: each is checked as its own target), or a"
                + " single .pq/.m file (the rules about package contents are then left out).",
            "The report goes to standard output (or --output); progress and the summary line go to"
                + " standard error. A pqcert.json or pqcert.yaml next to a target (or in a parent"
                + " folder up to the repository root or the home folder) configures the check.")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(
            StandardOptions.exitCodes(
                "0:no finding at the --fail-on level (default: no MUST violation)",
                "1:at least one finding at the --fail-on level (default: a MUST violation)",
                "2:usage error, a bad configuration or baseline, or an input that cannot be read"));
    spec.addPositional(
        PositionalParamSpec.builder()
            .arity("1..*")
            .required(true)
            .paramLabel("PATH")
            .type(List.class)
            .auxiliaryTypes(Path.class)
            .description("What to check.")
            .build());
    spec.addOption(
        OptionSpec.builder("--format")
            .paramLabel("FORMAT[=FILE]")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .description(
                "Report format: text (default), json, sarif, junit, github, azure, markdown. Repeat"
                    + " for several reports in one run; FORMAT=FILE writes that report to FILE"
                    + " (--format sarif=pqcert.sarif --format text).")
            .build());
    spec.addOption(
        OptionSpec.builder("-o", "--output")
            .paramLabel("FILE")
            .type(Path.class)
            .description("Write the report that has no =FILE to FILE instead of standard output.")
            .build());
    spec.addOption(
        OptionSpec.builder("--release")
            .paramLabel("KIND")
            .type(CheckSettings.Release.class)
            .converters(new ReleaseConverter())
            .description(
                "initial (default): a first certification, which must be Beta; update: a new"
                    + " version of a certified connector.")
            .build());
    spec.addOption(
        OptionSpec.builder("--fail-on")
            .paramLabel("LEVEL")
            .type(FailOn.class)
            .converters(new FailOnConverter())
            .description(
                "The least severe finding that makes the exit code 1: must (default), should,"
                    + " review, or never.")
            .build());
    spec.addOption(
        OptionSpec.builder("--config")
            .paramLabel("FILE")
            .type(Path.class)
            .description(
                "Use this configuration file instead of looking for one next to each target.")
            .build());
    spec.addOption(
        OptionSpec.builder("--source-root")
            .paramLabel("DIR")
            .type(Path.class)
            .description(
                "The source folder a .mez was built from: the text report, SARIF, GitHub"
                    + " annotations and Azure issues then point at files in it instead of inside"
                    + " the package. Without it, the folder beside the package named as it is used"
                    + " when it holds the same files.")
            .build());
    spec.addOption(
        OptionSpec.builder("--baseline")
            .paramLabel("FILE")
            .type(Path.class)
            .description("Report only findings that are not in this baseline.")
            .build());
    spec.addOption(
        OptionSpec.builder("--write-baseline")
            .paramLabel("FILE")
            .type(Path.class)
            .description(
                "Record every current finding in FILE as the accepted baseline, and exit 0.")
            .build());
    spec.addOption(
        OptionSpec.builder("-q", "--quiet")
            .type(boolean.class)
            .description(
                "Report only the findings that fail the run (at the --fail-on level or above);"
                    + " standard error then says only what went wrong: no notes, progress or"
                    + " summary line.")
            .build());
    spec.addOption(
        OptionSpec.builder("--color")
            .paramLabel("WHEN")
            .type(ColourChoice.class)
            .defaultValue("auto")
            .description(
                "Colour the level words of the text report: ${COMPLETION-CANDIDATES}. auto"
                    + " (default): on a terminal, unless NO_COLOR is set or TERM is dumb. Never in"
                    + " a file.")
            .build());
    spec.addOption(
        OptionSpec.builder("--fix")
            .type(boolean.class)
            .description(
                "Apply the safe fixes of the findings to the source files of a folder or .pq"
                    + " target (never to a package), then check again and report what is left.")
            .build());
    spec.addOption(
        OptionSpec.builder("--diff")
            .type(boolean.class)
            .description(
                "Write the unified diff --fix would apply to standard output, instead of the"
                    + " report meant for it, and change nothing. The exit code is as without it.")
            .build());
    spec.addOption(
        OptionSpec.builder("--docs-url")
            .paramLabel("URL")
            .type(String.class)
            .description(
                "Where the rule documents are published, for the links of the SARIF and Markdown"
                    + " reports: a URL with {rule} where the rule id goes, or the folder holding"
                    + " PQnnn.md. Without it (or docsUrl in the configuration) they link nowhere.")
            .build());
    // After the command's own, where the annotation's mixin puts them (the completion script
    // lists options in this order).
    StandardOptions.add(spec);
  }

  /** The command's options, for picocli to parse into. */
  CommandSpec spec() {
    return spec;
  }

  /** {@code --color}: when to colour. */
  enum ColourChoice {
    auto,
    always,
    never;

    /** Whether to colour standard output in this environment. */
    boolean colours(Environment environment) {
      return switch (this) {
        case always -> true;
        case never -> false;
        case auto ->
            environment.terminal()
                // https://no-color.org: set to anything but the empty string
                && environment.variable("NO_COLOR").filter(v -> !v.isEmpty()).isEmpty()
                && !environment.variable("TERM").equals(Optional.of("dumb"));
      };
    }
  }

  /** Takes the parsed values out of the options. */
  private void readOptions() {
    targets = list(spec.positionalParameters().get(0).getValue(), Path.class);
    formats = list(value("--format", List.class), String.class);
    output = value("--output", Path.class);
    release = value("--release", CheckSettings.Release.class);
    failOn = value("--fail-on", FailOn.class);
    configFile = value("--config", Path.class);
    sourceRoot = value("--source-root", Path.class);
    baselineFile = value("--baseline", Path.class);
    writeBaseline = value("--write-baseline", Path.class);
    quiet = Boolean.TRUE.equals(value("--quiet", Boolean.class));
    colour = value("--color", ColourChoice.class);
    fix = Boolean.TRUE.equals(value("--fix", Boolean.class));
    diff = Boolean.TRUE.equals(value("--diff", Boolean.class));
    docsUrl = value("--docs-url", String.class);
  }

  /** An option's value; null when it was not given and has no default. */
  private <T> T value(String option, Class<T> type) {
    return type.cast(spec.findOption(option).getValue());
  }

  /** A repeatable option's values, each of the type declared for it; empty when none was given. */
  private static <T> List<T> list(Object values, Class<T> type) {
    if (values == null) {
      return List.of();
    }
    return ((List<?>) values).stream().map(type::cast).toList();
  }

  @Override
  public Integer call() {
    readOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Environment environment = Main.environment(spec);
    boolean interactive = environment.terminal();
    TextStyle style =
        new TextStyle(colour.colours(environment), quiet, environment.workingDirectory());
    try {
      if (fix && diff) {
        throw new UsageException("--fix and --diff: use one (--diff shows what --fix would do)");
      }
      Reports reports =
          Reports.requested(formats, Optional.ofNullable(output), Optional.ofNullable(sourceRoot));
      CheckRun run =
          new CheckRun(
              new CheckRun.Options(
                  targets,
                  Optional.ofNullable(release),
                  Optional.ofNullable(failOn),
                  Optional.ofNullable(configFile),
                  Optional.ofNullable(baselineFile),
                  Optional.ofNullable(writeBaseline),
                  reports::needContentsOf,
                  interactive,
                  quiet,
                  environment.workingDirectory(),
                  docsUrl(),
                  fix ? CheckRun.Fixes.APPLY : diff ? CheckRun.Fixes.DIFF : CheckRun.Fixes.REPORT),
              out,
              err);
      // The diff takes standard output: a report that has no file of its own is not written.
      PrintWriter reportOut = diff ? new PrintWriter(Writer.nullWriter()) : out;
      CheckRun.Verdict verdict =
          run.run(
              outcome ->
                  reports.write(
                      outcome,
                      versionOrUnknown(),
                      style,
                      environment.variable("GITHUB_WORKSPACE"),
                      reportOut,
                      err));
      return switch (verdict) {
        case OK -> ExitCodes.OK;
        case VIOLATIONS -> ExitCodes.VIOLATIONS;
        case INPUT_ERROR -> ExitCodes.INPUT_ERROR;
      };
    } catch (UsageException usage) {
      err.println("pqcert: " + usage.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
  }

  private Optional<DocsUrl> docsUrl() throws UsageException {
    if (docsUrl == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(DocsUrl.parse(docsUrl));
    } catch (DocsUrl.Invalid invalid) {
      throw new UsageException("--docs-url " + docsUrl + ": " + invalid.getMessage());
    }
  }

  /** {@code --release}, spelled as in a configuration file; see {@link Main#run} for a mistake. */
  static final class ReleaseConverter implements ITypeConverter<CheckSettings.Release> {
    @Override
    public CheckSettings.Release convert(String value) throws Spellings.Unknown {
      return Spellings.RELEASE.parse(value);
    }
  }

  /** {@code --fail-on}, spelled as in a configuration file; see {@link Main#run} for a mistake. */
  static final class FailOnConverter implements ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) throws Spellings.Unknown {
      return Spellings.FAIL_ON.parse(value);
    }
  }

  /** The options that take a value, by every name; {@code CheckCommandTest} keeps it complete. */
  static final Set<String> VALUE_OPTIONS =
      Set.of(
          "--format",
          "-o",
          "--output",
          "--release",
          "--fail-on",
          "--config",
          "--source-root",
          "--baseline",
          "--write-baseline",
          "--color",
          "--docs-url");

  /**
   * The first path a {@code check} command line names, read without parsing it, for the warm-up to
   * read ahead: the first argument after the command that is neither an option nor an option's
   * value. Empty when the arguments come from a file ({@code @file}) or there is no such argument.
   * A wrong guess only costs the warm-up some work: its model is used only for a path the parsed
   * command line names.
   */
  static Optional<Path> firstPath(String[] args) {
    boolean optionsEnded = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!optionsEnded && arg.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && arg.startsWith("-") && !arg.equals("-")) {
        if (VALUE_OPTIONS.contains(arg)) {
          i++; // its value
        }
      } else if (arg.startsWith("@") || arg.equals("-")) {
        return Optional.empty();
      } else {
        try {
          return Optional.of(Path.of(arg));
        } catch (InvalidPathException notAPath) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String versionOrUnknown() {
    try {
      return Main.Version.version();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
