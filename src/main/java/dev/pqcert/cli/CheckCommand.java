package dev.pqcert.cli;

import dev.pqcert.bundle.BundleReader;
import dev.pqcert.check.Checker;
import dev.pqcert.check.TargetResult;
import dev.pqcert.report.JsonReport;
import dev.pqcert.report.ReportFormat;
import dev.pqcert.report.TextReport;
import dev.pqcert.rules.CheckSettings;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
      "PATH is a .mez or .pqx package, a connector source folder (X.pq, *.pqm, resources.resx,"
          + " icons), or a single .pq/.m file.",
      "The report goes to standard output (or --output); progress and the summary line go to"
          + " standard error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no MUST violation",
      "1:at least one MUST violation",
      "2:usage error, or an input that cannot be read"
    })
final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "What to check.")
  List<Path> targets;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--release",
      defaultValue = "initial",
      paramLabel = "KIND",
      description =
          "initial (default): a first certification, which must be Beta; update: a new version of"
              + " a certified connector.")
  String release;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CheckSettings.Release kind;
    switch (release) {
      case "initial" -> kind = CheckSettings.Release.INITIAL;
      case "update" -> kind = CheckSettings.Release.UPDATE;
      default -> {
        err.println("pqcert: --release " + release + ": use initial or update");
        return ExitCodes.INPUT_ERROR;
      }
    }
    Checker checker =
        new Checker(new BundleReader(), RuleRegistry.builtIn(), new CheckSettings(kind));
    @SuppressWarnings("SystemConsoleNull") // Java 17: null when not on a terminal
    boolean interactive = System.console() != null;
    List<TargetResult> results = new ArrayList<>();
    for (Path target : targets) {
      if (interactive && targets.size() > 1) {
        err.println("checking " + target);
      }
      TargetResult result = checker.check(target);
      result.error().ifPresent(problem -> err.println("pqcert: " + result.path() + ": " + problem));
      results.add(result);
    }
    boolean colour = output == null && interactive && System.getenv("NO_COLOR") == null;
    String report =
        switch (format) {
          case text -> TextReport.render(results, colour);
          case json -> JsonReport.render(results, Main.Version.version());
        };
    if (output != null) {
      try {
        Files.writeString(output, report, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("pqcert: " + output + ": cannot write the report: " + e.getMessage());
        return ExitCodes.INPUT_ERROR;
      }
    } else {
      out.print(report);
      out.flush();
    }
    err.println(TextReport.summary(results));
    if (results.stream().anyMatch(r -> r.error().isPresent())) {
      return ExitCodes.INPUT_ERROR;
    }
    return results.stream().anyMatch(r -> r.count(Level.MUST) > 0)
        ? ExitCodes.VIOLATIONS
        : ExitCodes.OK;
  }
}
