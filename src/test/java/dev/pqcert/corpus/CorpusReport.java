package dev.pqcert.corpus;

import dev.pqcert.bundle.BundleReader;
import dev.pqcert.check.Checker;
import dev.pqcert.check.TargetResult;
import dev.pqcert.config.Config;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Development harness, not a test: runs the check over the development corpus (the connectors
 * listed in {@code ../shared/corpus/DEV-REPOS.tsv}, fetched to a folder as that corpus's README
 * says) and prints, per rule, how many findings it gives and on how many connectors, its longest
 * message and the most findings of it in one target. It is how a change is measured on code nobody
 * here wrote.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.pqcert.corpus.CorpusReport \
 *   -Dexec.args="../shared/corpus/DEV-REPOS.tsv /tmp/devcorpus [options]"
 * </pre>
 *
 * Options:
 *
 * <ul>
 *   <li>{@code --sample FILE}: also write a random sample of findings for a hand check (one per
 *       connector and rule first, at most {@code --per-rule N}, default 8, per rule; {@code --seed
 *       S}), as the verdicts file's columns with the verdict left empty;
 *   <li>{@code --verdicts FILE}: read hand-check verdicts ({@code
 *       src/test/resources/corpus/verdicts.tsv}) and print each rule's precision over the findings
 *       that still fire, and the verdicts whose finding is gone (a wrong one fixed, or a right one
 *       lost);
 *   <li>{@code --findings FILE}: write every finding, one line each (for diffs between runs).
 * </ul>
 *
 * A verdict names its finding by rule, repository, repository-relative file and line, never by the
 * corpus's code.
 */
public final class CorpusReport {
  private CorpusReport() {}

  /** One finding, located in the corpus by repository and repository-relative path. */
  record CorpusFinding(
      String repo, String target, String file, int line, String rule, String level, String message)
      implements Comparable<CorpusFinding> {
    String key() {
      return rule + "\t" + repo + "\t" + file + "\t" + line;
    }

    @Override
    public int compareTo(CorpusFinding other) {
      return key().compareTo(other.key());
    }
  }

  /** A hand-check verdict on one finding. */
  record Verdict(
      String key, String rule, String level, String verdict, String reason, String message) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: CorpusReport DEV-REPOS.tsv CORPUS_FOLDER [--sample FILE] [--per-rule N]"
              + " [--seed S] [--verdicts FILE] [--findings FILE]");
      System.exit(2);
    }
    Path list = Path.of(args[0]);
    Path corpus = Path.of(args[1]);
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 2; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<CorpusFinding> findings = new ArrayList<>();
    int targets = 0;
    List<String> unreadable = new ArrayList<>();
    long started = System.nanoTime();
    Checker checker = new Checker(new BundleReader(), RuleRegistry.builtIn(), path -> false);
    Map<String, Long> slowest = new TreeMap<>();
    for (Map.Entry<Path, String> target : targets(list, corpus).entrySet()) {
      targets++;
      long start = System.nanoTime();
      TargetResult result = checker.check(target.getKey(), Config.DEFAULTS);
      slowest.put(target.getKey().toString(), (System.nanoTime() - start) / 1_000_000);
      result.error().ifPresent(e -> unreadable.add(target.getKey() + ": " + e));
      String repo = target.getValue();
      Path repoFolder = corpus.resolve(repo.replace('/', '+'));
      String targetPath = slashes(repoFolder.relativize(target.getKey()).toString());
      for (Finding finding : result.findings()) {
        String file =
            finding
                .file()
                .map(f -> targetPath.isEmpty() ? f : targetPath + "/" + f)
                .orElse(targetPath + "/(package)");
        int line = finding.location().map(l -> l.span().start().line()).orElse(0);
        findings.add(
            new CorpusFinding(
                repo,
                targetPath,
                file,
                line,
                finding.ruleId(),
                finding.level().name(),
                finding.message()));
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    printTable(out, findings, targets, millis);
    slowest.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(3)
        .forEach(e -> out.printf(Locale.ROOT, "slow: %d ms %s%n", e.getValue(), e.getKey()));
    unreadable.forEach(u -> out.println("unreadable: " + u));
    if (options.containsKey("--findings")) {
      List<String> lines = new ArrayList<>();
      for (CorpusFinding f : findings) {
        lines.add(f.key() + "\t" + f.level() + "\t" + oneLine(f.message()));
      }
      Collections.sort(lines);
      Files.write(Path.of(options.get("--findings")), lines, StandardCharsets.UTF_8);
    }
    if (options.containsKey("--sample")) {
      int perRule = Integer.parseInt(options.getOrDefault("--per-rule", "8"));
      long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
      writeSample(Path.of(options.get("--sample")), findings, perRule, seed);
    }
    if (options.containsKey("--verdicts")) {
      printPrecision(out, Path.of(options.get("--verdicts")), findings);
    }
  }

  /** Each connector's folder (the folder of a listed section document) and its repository. */
  private static Map<Path, String> targets(Path list, Path corpus) throws IOException {
    Map<Path, String> targets = new TreeMap<>();
    List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] columns = line.split("\t", -1);
      if (columns.length < 3) {
        continue;
      }
      String repo = columns[0];
      for (String main : columns[2].split(";", -1)) {
        if (main.isBlank()) {
          continue;
        }
        Path file = corpus.resolve(repo.replace('/', '+')).resolve(main);
        Path folder = Optional.ofNullable(file.getParent()).orElse(corpus);
        targets.put(folder, repo);
      }
    }
    return targets;
  }

  private static void printTable(
      PrintStream out, List<CorpusFinding> findings, int targets, long millis) {
    Map<String, List<CorpusFinding>> byRule = new TreeMap<>();
    findings.forEach(f -> byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f));
    out.printf(
        Locale.ROOT,
        "%d targets, %d findings, %d ms%n%n%-6s %-7s %8s %10s %7s %8s  %s%n",
        targets,
        findings.size(),
        millis,
        "rule",
        "levels",
        "findings",
        "connectors",
        "longest",
        "max/tgt",
        "target with the most");
    for (Map.Entry<String, List<CorpusFinding>> rule : byRule.entrySet()) {
      List<CorpusFinding> ofRule = rule.getValue();
      Map<String, Integer> perTarget = new TreeMap<>();
      ofRule.forEach(f -> perTarget.merge(f.repo() + "/" + f.target(), 1, Integer::sum));
      Map.Entry<String, Integer> most =
          perTarget.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
      TreeSet<String> levels = new TreeSet<>();
      ofRule.forEach(f -> levels.add(f.level().substring(0, 1)));
      out.printf(
          Locale.ROOT,
          "%-6s %-7s %8d %10d %7d %8d  %s%n",
          rule.getKey(),
          String.join("", levels),
          ofRule.size(),
          perTarget.size(),
          ofRule.stream().mapToInt(f -> f.message().length()).max().orElse(0),
          most.getValue(),
          most.getKey());
    }
  }

  /**
   * One finding per connector and rule, in random order, up to {@code perRule} per rule; then more
   * from the same connectors when a rule fires on fewer.
   */
  private static void writeSample(Path file, List<CorpusFinding> findings, int perRule, long seed)
      throws IOException {
    Random random = new Random(seed);
    Map<String, List<CorpusFinding>> byRule = new TreeMap<>();
    findings.forEach(f -> byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f));
    List<String> lines = new ArrayList<>();
    lines.add("rule\trepo\tfile\tline\tlevel\tverdict\treason\tmessage");
    for (List<CorpusFinding> ofRule : byRule.values()) {
      List<CorpusFinding> shuffled = new ArrayList<>(ofRule);
      Collections.sort(shuffled);
      Collections.shuffle(shuffled, random);
      List<CorpusFinding> picked = new ArrayList<>();
      TreeSet<String> connectors = new TreeSet<>();
      for (CorpusFinding f : shuffled) {
        if (picked.size() < perRule && connectors.add(f.repo() + "/" + f.target())) {
          picked.add(f);
        }
      }
      for (CorpusFinding f : shuffled) {
        if (picked.size() < perRule && !picked.contains(f)) {
          picked.add(f);
        }
      }
      picked.sort(Comparator.naturalOrder());
      for (CorpusFinding f : picked) {
        lines.add(f.key() + "\t" + f.level() + "\t\t\t" + oneLine(f.message()));
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** Each rule's precision over the verdicts whose finding still fires, and what went away. */
  private static void printPrecision(PrintStream out, Path file, List<CorpusFinding> findings)
      throws IOException {
    // Two findings of one rule can share a line: a verdict is about the one with its message.
    Map<String, List<CorpusFinding>> current = new LinkedHashMap<>();
    findings.forEach(f -> current.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
    List<Verdict> verdicts = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length < 7 || c[5].isBlank()) {
        continue;
      }
      String key = c[0] + "\t" + c[1] + "\t" + c[2] + "\t" + c[3];
      verdicts.add(new Verdict(key, c[0], c[4], c[5], c[6], c.length > 7 ? c[7] : ""));
    }
    // Per rule and the level its finding has now: a finding moved to REVIEW no longer counts
    // against a SHOULD rule's precision, and one raised since it was judged is said.
    Map<String, int[]> perRule = new TreeMap<>();
    List<String> gone = new ArrayList<>();
    List<String> relevelled = new ArrayList<>();
    for (Verdict v : verdicts) {
      CorpusFinding finding =
          current.getOrDefault(v.key(), List.of()).stream()
              .filter(f -> oneLine(f.message()).equals(v.message()))
              .findFirst()
              .orElse(current.getOrDefault(v.key(), List.of()).stream().findFirst().orElse(null));
      if (finding == null) {
        perRule.computeIfAbsent(v.rule() + "\t-", r -> new int[4])[3]++;
        gone.add(v.verdict() + "\t" + v.key().replace('\t', ' '));
        continue;
      }
      if (!oneLine(finding.message()).equals(v.message())) {
        relevelled.add(
            "message changed since judged\t" + v.verdict() + "\t" + v.key().replace('\t', ' '));
      }
      if (!finding.level().equals(v.level())) {
        relevelled.add(
            v.level()
                + " -> "
                + finding.level()
                + "\t"
                + v.verdict()
                + "\t"
                + v.key().replace('\t', ' '));
      }
      int[] counts = perRule.computeIfAbsent(v.rule() + "\t" + finding.level(), r -> new int[4]);
      counts[0]++;
      switch (v.verdict()) {
        case "correct" -> counts[1]++;
        case "wrong" -> counts[2]++;
        default -> {}
      }
    }
    out.printf(
        Locale.ROOT,
        "%nprecision over hand-checked findings that still fire, by rule and level now%n"
            + "%-6s %-6s %7s %7s %5s %6s %5s%n",
        "rule",
        "level",
        "judged",
        "correct",
        "wrong",
        "prec",
        "gone");
    for (Map.Entry<String, int[]> rule : perRule.entrySet()) {
      int[] c = rule.getValue();
      String[] ruleLevel = rule.getKey().split("\t", -1);
      out.printf(
          Locale.ROOT,
          "%-6s %-6s %7d %7d %5d %5.0f%% %5d%n",
          ruleLevel[0],
          ruleLevel[1],
          c[0],
          c[1],
          c[2],
          c[0] == 0 ? 100.0 : 100.0 * c[1] / c[0],
          c[3]);
    }
    // A verdict is about what a user saw: one whose finding changed is to be judged again.
    relevelled.forEach(out::println);
    gone.forEach(g -> out.println("gone: " + g));
  }

  private static String oneLine(String message) {
    return message.replace("\t", " ").replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String slashes(String path) {
    return path.replace('\\', '/');
  }
}
