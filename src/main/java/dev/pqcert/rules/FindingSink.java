package dev.pqcert.rules;

import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects one rule's findings, at the rule's level unless a finding says otherwise. */
public final class FindingSink {
  /** The order of a group's places; the first is where the finding is reported. */
  static final Comparator<Finding.Related> PLACE_ORDER =
      Comparator.comparing((Finding.Related p) -> p.location().file())
          .thenComparingInt(p -> p.location().span().startOffset());

  private final String ruleId;
  private final Level defaultLevel;
  private final List<Finding> findings;
  private final CheckSettings settings;

  FindingSink(String ruleId, Level defaultLevel, List<Finding> findings, CheckSettings settings) {
    this.ruleId = ruleId;
    this.defaultLevel = defaultLevel;
    this.findings = findings;
    this.settings = settings;
  }

  /** What the user asked for (the kind of release). */
  public CheckSettings settings() {
    return settings;
  }

  public void report(String file, Span span, String message) {
    report(defaultLevel, file, span, message);
  }

  /** A finding at the rule's level with its remedy, when the rule could make one. */
  public void report(String file, Span span, String message, Optional<Fix> fix) {
    report(defaultLevel, file, span, message, fix);
  }

  /** As {@link #report(String, Span, String, Optional)}, at another level than the rule's own. */
  public void report(Level level, String file, Span span, String message, Optional<Fix> fix) {
    findings.add(located(level, new Location(file, span), message, List.of(), List.of(), fix));
  }

  /**
   * Reports a finding unless this rule already reported the same message at the same place (one
   * value reached through several records, such as an icon record shared by two fields).
   */
  public void reportOnce(String file, Span span, String message) {
    reportOnce(defaultLevel, file, span, message);
  }

  /** As {@link #reportOnce(Level, String, Span, String)}, with the finding's remedy if any. */
  public void reportOnce(Level level, String file, Span span, String message, Optional<Fix> fix) {
    if (!reported(new Location(file, span), Messages.oneLine(message))) {
      report(level, file, span, message, fix);
    }
  }

  private boolean reported(Location location, String oneLineMessage) {
    return findings.stream()
        .anyMatch(
            f ->
                f.ruleId().equals(ruleId)
                    && f.message().equals(oneLineMessage)
                    && f.location().filter(location::equals).isPresent());
  }

  /** As {@link #reportOnce(String, Span, String)}, at another level than the rule's own. */
  public void reportOnce(Level level, String file, Span span, String message) {
    if (!reported(new Location(file, span), Messages.oneLine(message))) {
      report(level, file, span, message);
    }
  }

  public void report(Level level, String file, Span span, String message) {
    findings.add(
        located(level, new Location(file, span), message, List.of(), List.of(), Optional.empty()));
  }

  /**
   * A finding with the other places of its root cause ({@code related}) and, for a flow, its path
   * from the source.
   */
  public void report(
      Level level,
      String file,
      Span span,
      String message,
      List<Finding.Related> related,
      List<Finding.Related> path) {
    findings.add(
        located(level, new Location(file, span), message, related, path, Optional.empty()));
  }

  /** A finding with the other places of its root cause, and its remedy when the rule has one. */
  public void report(
      Level level,
      String file,
      Span span,
      String message,
      List<Finding.Related> related,
      Optional<Fix> fix) {
    findings.add(located(level, new Location(file, span), message, related, List.of(), fix));
  }

  /**
   * One finding for several places of one problem (the uses of a missing key, the files of one
   * missing icon set): reported at the first place in reading order, each other place related with
   * its own words, their number added to the message ({@code (and 3 more uses)}).
   */
  public void reportGroup(Level level, List<Finding.Related> places, String message, String noun) {
    reportGroup(level, places, message, noun, Optional.empty());
  }

  /** As {@link #reportGroup(Level, List, String, String)}, with the finding's remedy if any. */
  public void reportGroup(
      Level level, List<Finding.Related> places, String message, String noun, Optional<Fix> fix) {
    List<Finding.Related> ordered = new ArrayList<>(places);
    ordered.sort(PLACE_ORDER);
    Finding.Related first = ordered.get(0);
    List<Finding.Related> others = ordered.subList(1, ordered.size());
    String more =
        others.isEmpty() || noun.isEmpty()
            ? ""
            : " (and " + others.size() + " more " + noun + (others.size() == 1 ? ")" : "s)");
    findings.add(located(level, first.location(), message + more, others, List.of(), fix));
  }

  /** The rule's own level. */
  public Level level() {
    return defaultLevel;
  }

  /** A finding about the package as a whole, with no position in any file. */
  public void reportPackage(String message) {
    findings.add(new Finding(ruleId, defaultLevel, Messages.oneLine(message), Optional.empty()));
  }

  /** Every located finding is made here: its message on one line. */
  private Finding located(
      Level level,
      Location location,
      String message,
      List<Finding.Related> related,
      List<Finding.Related> path,
      Optional<Fix> fix) {
    return new Finding(
        ruleId, level, Messages.oneLine(message), Optional.of(location), related, path, fix);
  }

  static List<Finding> newList() {
    return new ArrayList<>();
  }
}
