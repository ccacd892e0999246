package dev.pqcert.check;

import dev.pqcert.config.FailOn;
import dev.pqcert.rules.Level;
import java.util.List;
import java.util.Locale;

/**
 * The last line of a {@code pqcert check} run, on standard error: what was found, and why the exit
 * code is what it is: {@code 2 MUST, 1 SHOULD, 3 REVIEW in 1 target; exit 1: 2 findings at MUST or
 * above (--fail-on must)}.
 */
public final class RunSummary {
  private RunSummary() {}

  /**
   * The exit policy as the summary names it.
   *
   * @param failOn the policy of every target; empty when they differ
   * @param configured whether it is the {@code failOn} of the configuration every target used,
   *     rather than {@code --fail-on} or its default
   */
  public record Policy(java.util.Optional<FailOn> failOn, boolean configured) {
    /** {@code --fail-on}, or its default. */
    public static Policy option(FailOn failOn) {
      return new Policy(java.util.Optional.of(failOn), false);
    }

    /** The {@code failOn} of the one configuration file every target used. */
    public static Policy configured(FailOn failOn) {
      return new Policy(java.util.Optional.of(failOn), true);
    }

    /** Each target's own, from configuration files that differ. */
    public static Policy perTarget() {
      return new Policy(java.util.Optional.empty(), true);
    }

    private String source() {
      String word = failOn.map(f -> f.name().toLowerCase(Locale.ROOT)).orElse("");
      return configured ? "failOn " + word + " in the configuration" : "--fail-on " + word;
    }
  }

  /** Why the run ends as it does. */
  public enum Ending {
    /** Exit 0 or 1 by the exit policy. */
    BY_POLICY,
    /** Exit 0: {@code --write-baseline} accepted every finding. */
    BASELINE_WRITTEN,
    /** Exit 2: a target could not be read. */
    UNREADABLE,
    /** Exit 2: every target was read, but a test report named with them could not be. */
    REPORT_UNREADABLE,
    /** Exit 2: the baseline could not be written. */
    BASELINE_NOT_WRITTEN,
    /** Exit 2: {@code --fix} could not write a fixed file. */
    FIX_NOT_WRITTEN
  }

  /**
   * The summary line.
   *
   * @param results each target's result, without the findings the baseline accepted
   * @param failing how many of their findings fail the run, each by its target's policy
   * @param absentFromBaseline how many baseline entries no longer occur
   */
  public static String line(
      List<TargetResult> results,
      long failing,
      int absentFromBaseline,
      Policy policy,
      Ending ending) {
    long must = 0;
    long should = 0;
    long review = 0;
    long unreadable = 0;
    long suppressed = 0;
    long baselined = 0;
    for (TargetResult result : results) {
      must += result.count(Level.MUST);
      should += result.count(Level.SHOULD);
      review += result.count(Level.REVIEW);
      unreadable += result.error().isPresent() ? 1 : 0;
      suppressed += result.suppressed().size();
      baselined += result.baselined().size();
    }
    // Concatenated, not formatted: a cold Formatter sets up the JDK's locale data, a few
    // milliseconds of every run.
    StringBuilder line =
        new StringBuilder()
            .append(must)
            .append(" MUST, ")
            .append(should)
            .append(" SHOULD, ")
            .append(review)
            .append(" REVIEW in ")
            .append(count(results.size(), "target", "targets"));
    if (suppressed > 0 || baselined > 0) {
      line.append(" (not shown: ")
          .append(suppressed)
          .append(" suppressed, ")
          .append(baselined)
          .append(" in baseline)");
    }
    if (absentFromBaseline > 0) {
      line.append("; ")
          .append(count(absentFromBaseline, "baseline entry", "baseline entries"))
          .append(" no longer found");
    }
    line.append("; ");
    switch (ending) {
      case UNREADABLE ->
          line.append("exit 2: ")
              .append(count(unreadable, "target", "targets"))
              .append(" could not be read");
      case REPORT_UNREADABLE -> line.append("exit 2: a test report could not be read");
      case BASELINE_NOT_WRITTEN -> line.append("exit 2: the baseline could not be written");
      case FIX_NOT_WRITTEN -> line.append("exit 2: a fixed file could not be written");
      case BASELINE_WRITTEN -> line.append("exit 0: --write-baseline accepts every finding");
      case BY_POLICY -> line.append(byPolicy(failing, policy));
    }
    return line.toString();
  }

  private static String byPolicy(long failing, Policy policy) {
    if (policy.failOn().isEmpty()) {
      String level = "its target's failOn level";
      return failing == 0
          ? "exit 0: nothing at " + level
          : "exit 1: " + count(failing, "finding", "findings") + " at " + level;
    }
    FailOn failOn = policy.failOn().get();
    if (failOn == FailOn.NEVER) {
      return "exit 0: " + policy.source();
    }
    String level = failOn.name() + " or above (" + policy.source() + ")";
    return failing == 0
        ? "exit 0: nothing at " + level
        : "exit 1: " + count(failing, "finding", "findings") + " at " + level;
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
