package dev.pqcert.check;

import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.BundleKind;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.ContentDigest;
import dev.pqcert.bundle.InputException;
import dev.pqcert.config.Config;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ConnectorModelBuilder;
import dev.pqcert.model.ParsedReport;
import dev.pqcert.model.Submission;
import dev.pqcert.parse.DeepStack;
import dev.pqcert.rules.Editable;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import dev.pqcert.rules.RuleIndex;
import dev.pqcert.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The pipeline for one target: bundle, parse and model, the enabled rules, then what the user
 * configured: inline suppressions, per-file ignores and rule levels.
 */
public final class Checker {
  private final BundleReader reader;
  private final RuleRegistry rules;

  // Only for a package whose sources a report will look for on disk, and only where they can be:
  // hashing costs a cold JVM some 40 ms. Written on the deep-stack thread that checks a target,
  // read afterwards by reports.
  private final Predicate<Path> rememberPackageContents;
  private final Map<String, Map<String, ContentDigest>> packageContents = new ConcurrentHashMap<>();

  /**
   * @param rememberPackageContents for which packages (by their paths as given) to keep a digest of
   *     each entry, for {@link #packageContents}
   */
  public Checker(BundleReader reader, RuleRegistry rules, Predicate<Path> rememberPackageContents) {
    this.reader = reader;
    this.rules = rules;
    this.rememberPackageContents = rememberPackageContents;
  }

  /**
   * What was in a package this checker read (entry name to its digest), by the target's path as
   * given; empty for other targets, unread ones, and when this checker was not asked to remember
   * them. Reports use it to find the package's sources on disk without reading the package again.
   */
  public Optional<Map<String, ContentDigest>> packageContents(String targetPath) {
    return Optional.ofNullable(packageContents.get(targetPath));
  }

  /**
   * Models read ahead for pairing test reports ({@link #exportNames}), each used once by {@link
   * #check}; by the target's path as given.
   */
  private final Map<String, ConnectorModel> readAhead = new ConcurrentHashMap<>();

  public TargetResult check(Path target, Config config) {
    return check(target, config, List.of());
  }

  /**
   * Checks one target with the test reports paired with it (none: the submission rules stay
   * silent).
   */
  public TargetResult check(Path target, Config config, List<ParsedReport> reports) {
    String display = target.toString();
    try {
      // Rules walk the tree recursively; one deep stack serves parsing, the model and the rules.
      return DeepStack.call(() -> checkHere(target, display, config, reports));
    } catch (DeepStack.TooDeepException tooDeep) {
      return TargetResult.unreadable(display, "the M code is nested too deeply to analyse");
    } catch (DeepStack.TooLargeException tooLarge) {
      return TargetResult.unreadable(
          display, "too large to analyse in the available memory (raise it with -Xmx)");
    }
  }

  /**
   * The names of a target's exported functions, which a test report's queries call it by; empty
   * when it cannot be read (checking it says why). The model is kept for {@link #check}.
   */
  public java.util.Set<String> exportNames(Path target) {
    String display = target.toString();
    try {
      ConnectorModel model = DeepStack.call(() -> model(target, display));
      readAhead.put(display, model);
      return Submission.exportNames(model);
    } catch (IllegalStateException | DeepStack.TooDeepException | DeepStack.TooLargeException e) {
      return java.util.Set.of();
    }
  }

  /** A target's model: the one read ahead (for pairing, or by the warm-up), else built now. */
  private ConnectorModel model(Path target, String display) throws InputException {
    ConnectorModel ahead = readAhead.remove(display);
    if (ahead != null) {
      return ahead;
    }
    Optional<ConnectorModel> warmedUp = Warmup.modelReadAhead(display);
    return warmedUp.isPresent() ? warmedUp.get() : ConnectorModelBuilder.build(reader.read(target));
  }

  private TargetResult checkHere(
      Path target, String display, Config config, List<ParsedReport> reports) {
    try {
      ConnectorModel model = model(target, display);
      Bundle bundle = model.bundle();
      if (bundle.kind().isPackage() && rememberPackageContents.test(target)) {
        Map<String, ContentDigest> digests = new TreeMap<>();
        bundle.entries().forEach(e -> digests.put(e.name(), ContentDigest.of(e.bytes())));
        packageContents.put(display, Map.copyOf(digests));
      }
      Optional<Submission> submission =
          reports.isEmpty() ? Optional.empty() : Optional.of(Submission.of(model, reports));
      if (submission.isPresent()) {
        model = model.withSubmission(submission.get());
      }
      Analysis analysis = analyse(model, config);
      List<String> notes = new ArrayList<>(bundle.notes());
      submission.ifPresent(
          s ->
              s.reports()
                  .forEach(
                      r -> r.notes().forEach(n -> notes.add(r.report().displayName() + ": " + n))));
      return new TargetResult(
          display,
          Optional.of(bundle.kind()),
          analysis.findings(),
          Optional.empty(),
          analysis.suppressed(),
          List.of(),
          overrides(config),
          notes,
          submission);
    } catch (InputException unreadable) {
      return TargetResult.unreadable(display, unreadable.problem());
    }
  }

  /** The rules the configuration switched off, and those it moved to a level not their own. */
  private RuleOverrides overrides(Config config) {
    List<String> disabled = new ArrayList<>();
    SortedMap<String, Level> levels = new TreeMap<>();
    for (String id : rules.ids()) {
      if (!config.enabled(id)) {
        disabled.add(id);
      }
      Optional<Level> own = rules.entry(id).map(RuleIndex.Entry::level);
      config
          .level(id)
          .filter(level -> !own.equals(Optional.of(level)))
          .ifPresent(level -> levels.put(id, level));
    }
    return new RuleOverrides(config.file().map(Path::toString), disabled, levels);
  }

  /**
   * The findings of one connector after the user's configuration and inline suppressions, and those
   * the suppressions removed (at the level the configuration gives them, as they would have been
   * reported).
   */
  public record Analysis(List<Finding> findings, List<SuppressedFinding> suppressed) {}

  public Analysis analyse(ConnectorModel model, Config config) {
    Set<String> leftOut = Set.copyOf(leftOut(model.bundle().kind(), config));
    List<Finding> raw =
        rules.check(model, config.settings(), id -> config.enabled(id) && !leftOut.contains(id));
    String suppressionRule = RuleRegistry.suppressionRuleId();
    Level unusedLevel =
        rules.entry(suppressionRule).map(RuleIndex.Entry::level).orElse(Level.SHOULD);
    Set<String> known = rules.ids();
    InlineSuppressions.Outcome outcome =
        InlineSuppressions.apply(
            raw,
            model.suppressions(),
            id -> known.contains(id) && config.enabled(id),
            suppressionRule,
            unusedLevel,
            name -> Editable.source(model, name));
    Bundle bundle = model.bundle();
    List<Finding> findings =
        outcome.kept().stream()
            .filter(f -> !ignored(f, bundle, config))
            .map(f -> configuredLevel(inSourceFolder(f, bundle), config))
            .sorted(Finding.ORDER)
            .toList();
    // An ignore in the configuration wins over an inline suppression: such a finding is not
    // reported at all, not even as suppressed.
    List<SuppressedFinding> suppressed =
        outcome.suppressed().stream()
            .filter(s -> !ignored(s.finding(), bundle, config))
            .map(
                s ->
                    new SuppressedFinding(
                        configuredLevel(inSourceFolder(s.finding(), bundle), config),
                        s.reason(),
                        inSourceFolder(s.directive(), bundle)))
            .sorted(Comparator.comparing(SuppressedFinding::finding, Finding.ORDER))
            .toList();
    return new Analysis(findings, suppressed);
  }

  /**
   * The rules left out for a target of this kind, of those the configuration enables: for a single
   * {@code .pq} file, the rules that judge package contents, which it cannot know.
   */
  public List<String> leftOut(BundleKind kind, Config config) {
    if (kind != BundleKind.FILE) {
      return List.of();
    }
    return rules.entries().stream()
        .filter(RuleIndex.Entry::judgesPackageContents)
        .map(RuleIndex.Entry::id)
        .filter(config::enabled)
        .toList();
  }

  /**
   * Rules judge the package; a folder whose build packages a file from a subfolder shows the
   * finding where the file is.
   */
  private static Finding inSourceFolder(Finding finding, Bundle bundle) {
    if (finding.location().isEmpty()) {
      return finding;
    }
    return new Finding(
        finding.ruleId(),
        finding.level(),
        finding.message(),
        finding.location().map(l -> inSourceFolder(l, bundle)),
        finding.related().stream().map(r -> inSourceFolder(r, bundle)).toList(),
        finding.path().stream().map(r -> inSourceFolder(r, bundle)).toList(),
        finding.fix().map(fix -> fix.withFiles(l -> inSourceFolder(l, bundle))));
  }

  private static Finding.Related inSourceFolder(Finding.Related place, Bundle bundle) {
    return new Finding.Related(place.label(), inSourceFolder(place.location(), bundle));
  }

  private static Location inSourceFolder(Location location, Bundle bundle) {
    String path = bundle.sourcePath(location.file());
    return path.equals(location.file()) ? location : new Location(path, location.span());
  }

  /** Ignored by the configuration, by the file's name in the package or its path in the folder. */
  private static boolean ignored(Finding finding, Bundle bundle, Config config) {
    return finding
        .file()
        .map(
            file ->
                config.ignored(file, finding.ruleId())
                    || config.ignored(bundle.sourcePath(file), finding.ruleId()))
        .orElse(false);
  }

  private static Finding configuredLevel(Finding finding, Config config) {
    return config.level(finding.ruleId()).map(finding::withLevel).orElse(finding);
  }
}
