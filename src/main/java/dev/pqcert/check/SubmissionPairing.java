package dev.pqcert.check;

import dev.pqcert.model.ParsedReport;
import dev.pqcert.model.ReportFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which test reports go with which connector target of a run. A report goes with the connectors
 * whose exported functions its queries call. One that calls none of them goes with every connector
 * no other report goes with (all of them, when each has its own), where the submission rules say it
 * tests nothing. With a single connector in the run, every report goes with it.
 */
final class SubmissionPairing {
  private SubmissionPairing() {}

  /** Per target, in order, its reports; targets with a problem get none. */
  static List<List<ParsedReport>> pair(
      List<Targets.Target> targets, List<ParsedReport> reports, Checker checker) {
    List<List<ParsedReport>> paired = new ArrayList<>();
    List<Integer> connectors = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      paired.add(new ArrayList<>());
      if (targets.get(i).problem().isEmpty()) {
        connectors.add(i);
      }
    }
    if (reports.isEmpty() || connectors.isEmpty()) {
      return paired;
    }
    if (connectors.size() == 1) {
      paired.get(connectors.get(0)).addAll(reports);
      return paired;
    }
    // Several connectors: each one's exported functions decide (its model is kept for the check).
    List<Set<String>> exports = new ArrayList<>();
    for (int index : connectors) {
      exports.add(checker.exportNames(targets.get(index).path()));
    }
    List<ParsedReport> unpaired = new ArrayList<>();
    for (ParsedReport report : reports) {
      boolean linked = false;
      for (int c = 0; c < connectors.size(); c++) {
        if (!ReportFacts.read(report, exports.get(c)).calls().isEmpty()) {
          paired.get(connectors.get(c)).add(report);
          linked = true;
        }
      }
      if (!linked) {
        unpaired.add(report);
      }
    }
    Set<Integer> alone = new HashSet<>();
    for (int index : connectors) {
      if (paired.get(index).isEmpty()) {
        alone.add(index);
      }
    }
    for (int index : connectors) {
      if (alone.isEmpty() || alone.contains(index)) {
        paired.get(index).addAll(unpaired);
      }
    }
    return paired;
  }
}
