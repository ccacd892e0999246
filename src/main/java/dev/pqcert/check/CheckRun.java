package dev.pqcert.check;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.ContentDigest;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TestReportReader;
import dev.pqcert.config.Config;
import dev.pqcert.config.ConfigLoader;
import dev.pqcert.config.DocsUrl;
import dev.pqcert.config.FailOn;
import dev.pqcert.model.ParsedReport;
import dev.pqcert.rules.CheckSettings;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Fix;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One run of {@code pqcert check}, once the command line is read: expands the targets (see {@link
 * Targets}), checks each with the configuration that applies to it (see {@link Configurations}),
 * applies the baseline, hands the results to the reports, writes the baseline when asked, and
 * decides the exit code by the exit policy ({@link FailOn}) of each target. Unreadable targets,
 * what reading a target noticed and progress go to standard error as they happen.
 */
public final class CheckRun {
  private final Options options;
  private final PrintWriter out;
  private final PrintWriter err;

  /** Per target of the run, the test reports paired with it. */
  private List<List<ParsedReport>> paired = List.of();

  /**
   * What to check and how, as the command line gives it.
   *
   * @param release {@code --release}: wins over every configuration file
   * @param failOn {@code --fail-on}: wins over every configuration file
   * @param configFile {@code --config}: the configuration for every target, instead of the one
   *     found for each
   * @param baseline {@code --baseline}: report only the findings it does not accept
   * @param writeBaseline {@code --write-baseline}: accept every current finding, and exit 0
   * @param rememberPackageContents for which packages the reports will look for sources on disk
   *     (see {@link Checker#packageContents})
   * @param showProgress whether standard error is a terminal a person watches: then a progress line
   *     names each target while many are checked (see {@link ProgressLine})
   * @param quiet {@code --quiet}: the reports hold only the findings that fail the run, and
   *     standard error only errors (no notes, progress or summary)
   * @param workingDirectory what relative paths are relative to (for the baseline's targets)
   * @param docsUrl {@code --docs-url}: wins over every configuration file
   * @param fixes {@code --fix} or {@code --diff}: what to do with the fixes of the findings
   */
  public record Options(
      List<Path> targets,
      Optional<CheckSettings.Release> release,
      Optional<FailOn> failOn,
      Optional<Path> configFile,
      Optional<Path> baseline,
      Optional<Path> writeBaseline,
      Predicate<Path> rememberPackageContents,
      boolean showProgress,
      boolean quiet,
      Path workingDirectory,
      Optional<DocsUrl> docsUrl,
      Fixes fixes) {
    public Options {
      targets = List.copyOf(targets);
    }
  }

  /** What to do with the fixes the findings carry. */
  public enum Fixes {
    /** Only report them. */
    REPORT,
    /** {@code --fix}: apply them to the source files, check again, and report what is left. */
    APPLY,
    /** {@code --diff}: write the diff applying them would make, and change nothing. */
    DIFF
  }

  /** How a run ends: exit code 0, 1 or 2 (see the README's "Exit codes"). */
  public enum Verdict {
    /** No finding at the {@code --fail-on} level, or a baseline was written. */
    OK,
    /** A finding at the {@code --fail-on} level. */
    VIOLATIONS,
    /** A target could not be read, or a report or the baseline could not be written. */
    INPUT_ERROR
  }

  /**
   * What the reports of a run are made of.
   *
   * @param results each target's result, in the order checked, without the findings the baseline
   *     accepted
   * @param baselineFile {@code --baseline} as given; empty without it
   * @param absentFromBaseline the baseline's entries that no longer occur
   * @param failOn the exit policy reports state: {@code --fail-on}, else that of the one
   *     configuration every target used, else {@code must}
   * @param packageContents what was in each package target (see {@link Checker#packageContents})
   * @param docsUrl where the reports link rule documents to: {@code --docs-url}, else the first one
   *     a target's configuration names; empty for no links
   */
  public record Outcome(
      List<TargetResult> results,
      RuleRegistry rules,
      Optional<String> baselineFile,
      List<Baseline.Entry> absentFromBaseline,
      FailOn failOn,
      Function<String, Optional<Map<String, ContentDigest>>> packageContents,
      Optional<DocsUrl> docsUrl) {
    public Outcome {
      results = List.copyOf(results);
      absentFromBaseline = List.copyOf(absentFromBaseline);
    }
  }

  /** Writes the reports of a run: false when one could not be written (said on standard error). */
  @FunctionalInterface
  public interface Reporter {
    boolean report(Outcome outcome);
  }

  /**
   * @param err standard error
   */
  public CheckRun(Options options, PrintWriter err) {
    this(options, err, err);
  }

  /**
   * @param out standard output, for the diff of {@code --diff}
   * @param err standard error
   */
  public CheckRun(Options options, PrintWriter out, PrintWriter err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /**
   * Checks the targets and reports them.
   *
   * @throws UsageException when the baseline or a configuration file cannot be used; the targets
   *     checked before a bad configuration was found have been said on standard error
   */
  public Verdict run(Reporter reporter) throws UsageException {
    RuleRegistry registry = Warmup.rules();
    Configurations configurations =
        new Configurations(new ConfigLoader(registry.ids()), options.configFile());
    Optional<Baseline> baseline = readBaseline();
    Checker checker = new Checker(new BundleReader(), registry, options.rememberPackageContents());

    Set<Config> used = new HashSet<>();
    List<TargetResult> results = new ArrayList<>();
    List<FailOn> policies = new ArrayList<>(); // each target's, in order
    List<Optional<Config>> configs = new ArrayList<>(); // each target's; empty when unreadable
    List<String> singleFiles = new ArrayList<>();
    Set<String> leftOut = new TreeSet<>();
    Optional<DocsUrl> docsUrl = options.docsUrl();
    Targets.Run run = Targets.split(options.targets());
    List<Targets.Target> expanded = run.targets();
    List<ParsedReport> reports = new ArrayList<>();
    boolean reportUnreadable = !readReports(run.reports(), reports);
    if (!reports.isEmpty() && expanded.stream().allMatch(t -> t.problem().isPresent())) {
      throw new UsageException(
          reports.get(0).report().displayName()
              + ": a test report is checked with the connector it tests; name the connector too"
              + " (pqcert check Contoso.mez "
              + reports.get(0).report().displayName()
              + ")");
    }
    paired = SubmissionPairing.pair(expanded, reports, checker);
    ProgressLine progress =
        new ProgressLine(err, options.showProgress() && !options.quiet(), expanded.size());
    for (int index = 0; index < expanded.size(); index++) {
      Targets.Target found = expanded.get(index);
      Path target = found.path();
      if (found.problem().isPresent()) {
        progress.clear();
        err.println("pqcert: " + target + ": " + found.problem().get());
        results.add(TargetResult.unreadable(target.toString(), found.problem().get()));
        policies.add(FailOn.MUST);
        configs.add(Optional.empty());
        continue;
      }
      progress.show(index + 1, expanded.size(), target.toString());
      Config config =
          configurations.forTarget(target).override(options.release(), options.failOn());
      used.add(config);
      docsUrl = docsUrl.or(config::docsUrl);
      policies.add(config.effectiveFailOn());
      configs.add(Optional.of(config));
      TargetResult result = checker.check(target, config, paired.get(index));
      if (result.error().isPresent()) {
        progress.clear();
        err.println("pqcert: " + result.path() + ": " + result.error().get());
      }
      if (!options.quiet() && !result.notes().isEmpty()) {
        progress.clear();
        result.notes().forEach(note -> err.println("pqcert: " + result.path() + ": " + note));
      }
      if (result.kind().equals(Optional.of(BundleKind.FILE))) {
        singleFiles.add(result.path());
        leftOut.addAll(checker.leftOut(BundleKind.FILE, config));
      }
      results.add(result);
    }
    progress.clear();
    if (!leftOut.isEmpty() && !options.quiet()) {
      err.println(leftOutNote(singleFiles, leftOut));
    }

    boolean fixNotWritten = false;
    if (options.fixes() != Fixes.REPORT) {
      fixNotWritten = !fix(expanded, results, configs, baseline, checker);
    }

    List<TargetResult> reported = results;
    List<Baseline.Entry> absent = List.of();
    if (baseline.isPresent()) {
      Baseline.Applied applied =
          baseline
              .get()
              .apply(results, options.baseline().orElseThrow(), options.workingDirectory());
      reported = applied.results();
      absent = applied.absent();
    }
    // The exit policy: each target's own, from its configuration or --fail-on.
    long failing = 0;
    List<TargetResult> failingOnly = new ArrayList<>();
    for (int i = 0; i < reported.size(); i++) {
      FailOn policy = policies.get(i);
      TargetResult result = reported.get(i);
      List<Finding> fails =
          result.findings().stream().filter(f -> policy.fails(f.level())).toList();
      failing += fails.size();
      failingOnly.add(result.withFindings(fails));
    }
    FailOn reportPolicy =
        options
            .failOn()
            .orElse(used.size() == 1 ? used.iterator().next().effectiveFailOn() : FailOn.MUST);
    Outcome outcome =
        new Outcome(
            options.quiet() ? failingOnly : reported,
            registry,
            options.baseline().map(Path::toString),
            absent,
            reportPolicy,
            checker::packageContents,
            docsUrl);
    if (!reporter.report(outcome)) {
      return Verdict.INPUT_ERROR;
    }

    boolean unreadable = reportUnreadable || results.stream().anyMatch(r -> r.error().isPresent());
    Optional<Path> writeBaseline = options.writeBaseline();
    RunSummary.Ending ending;
    Verdict verdict;
    if (unreadable) {
      if (writeBaseline.isPresent()) {
        // A baseline without the unreadable target's findings would report them all as new later.
        err.println("pqcert: " + writeBaseline.get() + ": not written, a target could not be read");
      }
      boolean targetUnreadable = results.stream().anyMatch(r -> r.error().isPresent());
      ending =
          targetUnreadable ? RunSummary.Ending.UNREADABLE : RunSummary.Ending.REPORT_UNREADABLE;
      verdict = Verdict.INPUT_ERROR;
    } else if (fixNotWritten) {
      ending = RunSummary.Ending.FIX_NOT_WRITTEN;
      verdict = Verdict.INPUT_ERROR;
    } else if (writeBaseline.isPresent()) {
      boolean written = writeBaseline(writeBaseline.get(), results);
      ending =
          written ? RunSummary.Ending.BASELINE_WRITTEN : RunSummary.Ending.BASELINE_NOT_WRITTEN;
      // Adopting a baseline accepts what is there.
      verdict = written ? Verdict.OK : Verdict.INPUT_ERROR;
    } else {
      ending = RunSummary.Ending.BY_POLICY;
      verdict = failing > 0 ? Verdict.VIOLATIONS : Verdict.OK;
    }
    // When nothing could be read, each target's one-line error says it all.
    if (!options.quiet() && results.stream().anyMatch(r -> r.error().isEmpty())) {
      err.println(RunSummary.line(reported, failing, absent.size(), policy(used), ending));
    }
    return verdict;
  }

  /**
   * {@code --fix} or {@code --diff}: the fixes of the findings each source target reports (after
   * the baseline), applied to its files, or written as a diff. A target that was fixed is checked
   * again, in place in {@code results}.
   *
   * @return false when a fixed file could not be written (said on standard error)
   */
  private boolean fix(
      List<Targets.Target> expanded,
      List<TargetResult> results,
      List<Optional<Config>> configs,
      Optional<Baseline> baseline,
      Checker checker) {
    List<TargetResult> reported =
        baseline.isPresent()
            ? baseline
                .get()
                .apply(results, options.baseline().orElseThrow(), options.workingDirectory())
                .results()
            : results;
    boolean allWritten = true;
    int fixes = 0;
    int files = 0;
    for (int i = 0; i < results.size(); i++) {
      TargetResult result = reported.get(i);
      Path target = expanded.get(i).path();
      long fixable = result.findings().stream().filter(f -> f.fix().isPresent()).count();
      if (result.error().isPresent() || result.kind().isEmpty() || fixable == 0) {
        continue;
      }
      if (result.kind().get().isPackage()) {
        note(
            result.path()
                + ": "
                + fixable
                + (fixable == 1 ? " finding has a fix" : " findings have fixes")
                + ", not applied: fixes apply to source files, not to a package; run --fix on the"
                + " connector's source folder");
        continue;
      }
      SourceFixer.Plan plan = SourceFixer.plan(target, result);
      plan.leftAlone().forEach(this::note);
      boolean changed = false;
      // A fix that edits several files, one of which could not be written, is not written into
      // the others (resources.resx comes first, the M file reading its strings after).
      Set<Fix> unwritten = new HashSet<>();
      for (SourceFixer.Change change : plan.changes()) {
        FileEdits.Edited edited = change.edited();
        if (options.fixes() == Fixes.DIFF) {
          out.print(
              UnifiedDiff.of(change.shownAs(), edited.before(), edited.after(), change.created()));
        } else {
          if (change.applied().stream().anyMatch(unwritten::contains)) {
            err.println(
                "pqcert: "
                    + change.shownAs()
                    + ": not written: a fix it shares with a file that could not be written");
            allWritten = false;
            continue;
          }
          try {
            SourceFixer.write(change, permissionsOf(change, plan));
          } catch (IOException e) {
            err.println(
                "pqcert: "
                    + change.shownAs()
                    + ": cannot write the fixed file: "
                    + IoProblem.of(e));
            unwritten.addAll(change.applied());
            allWritten = false;
            continue;
          }
          changed = true;
          note(
              change.shownAs()
                  + (change.created() ? ": created, " : ": ")
                  + "fixed "
                  + count(change.applied().size(), "finding")
                  + " ("
                  + String.join(", ", change.rules(plan.ruleOfFix()))
                  + ")"
                  + (change.skipped().isEmpty()
                      ? ""
                      : "; "
                          + count(change.skipped().size(), "more fix")
                          + " overlapped them: run --fix again"));
        }
        files++;
      }
      fixes += plan.fixes();
      if (changed) {
        results.set(i, checker.check(target, configs.get(i).orElseThrow(), paired.get(i)));
      }
    }
    out.flush();
    if (options.fixes() == Fixes.DIFF) {
      note(
          "--diff: "
              + count(fixes, "fix")
              + " in "
              + count(files, "file")
              + (fixes == 0 ? "" : "; nothing was changed, --fix applies them"));
    } else if (fixes == 0) {
      note("--fix: nothing to fix");
    }
    return allWritten;
  }

  /** A file the same fixes edit that exists, whose permissions a file they create takes. */
  private static Optional<Path> permissionsOf(SourceFixer.Change change, SourceFixer.Plan plan) {
    return plan.changes().stream()
        .filter(c -> !c.created() && c.applied().stream().anyMatch(change.applied()::contains))
        .map(SourceFixer.Change::file)
        .findFirst();
  }

  private static String count(int n, String noun) {
    String plural = noun.endsWith("x") ? noun + "es" : noun + "s";
    return n + " " + (n == 1 ? noun : plural);
  }

  /** A note on standard error, unless {@code --quiet}. */
  private void note(String line) {
    if (!options.quiet()) {
      err.println("pqcert: " + line);
    }
  }

  /** The exit policy as the summary names it: the option's, the configuration's, or each one's. */
  private RunSummary.Policy policy(Set<Config> used) {
    if (options.failOn().isPresent()) {
      return RunSummary.Policy.option(options.failOn().get());
    }
    Set<FailOn> policies = new HashSet<>();
    boolean configured = false;
    for (Config config : used) {
      policies.add(config.effectiveFailOn());
      configured |= config.failOn().isPresent();
    }
    if (policies.size() > 1) {
      return RunSummary.Policy.perTarget();
    }
    FailOn only = policies.isEmpty() ? FailOn.MUST : policies.iterator().next();
    return configured ? RunSummary.Policy.configured(only) : RunSummary.Policy.option(only);
  }

  /**
   * Reads the test reports of the run into {@code reports}; one that cannot be read is said on
   * standard error, and the run ends with exit code 2 as for an unreadable package (a report is not
   * a target of its own: its connectors are checked without it).
   *
   * @return false when a report could not be read
   */
  private boolean readReports(List<Path> paths, List<ParsedReport> reports) {
    boolean allRead = true;
    TestReportReader reader = new TestReportReader();
    for (Path path : paths) {
      try {
        reports.add(ParsedReport.of(reader.read(path, path.toString())));
      } catch (InputException unreadable) {
        err.println("pqcert: " + unreadable.getMessage());
        allRead = false;
      }
    }
    return allRead;
  }

  private Optional<Baseline> readBaseline() throws UsageException {
    if (options.baseline().isEmpty()) {
      return Optional.empty();
    }
    Path file = options.baseline().get();
    try {
      return Optional.of(Baseline.read(file));
    } catch (IOException e) {
      throw new UsageException(file + ": " + e.getMessage());
    }
  }

  /** Writes a baseline accepting every finding of these results; false when it cannot. */
  private boolean writeBaseline(Path file, List<TargetResult> results) {
    Baseline written = Baseline.of(results, file, options.workingDirectory());
    try {
      written.write(file);
    } catch (IOException e) {
      err.println("pqcert: " + file + ": cannot write the baseline: " + IoProblem.of(e));
      return false;
    }
    if (options.quiet()) {
      return true;
    }
    err.println(
        "pqcert: wrote "
            + written.findings().size()
            + " accepted finding"
            + (written.findings().size() == 1 ? "" : "s")
            + " to "
            + file);
    return true;
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
}
