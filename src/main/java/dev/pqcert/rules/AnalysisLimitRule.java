package dev.pqcert.rules;

import dev.pqcert.model.AnalysisLimit;
import dev.pqcert.model.ConnectorModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * PQ004: a bound on the analysis cut it short, so a clean report does not hide code pqcert could
 * not follow. One finding per bound, at the first member or function (in reading order) whose
 * analysis it stopped; the others (usually its callers, stopped by the same code) are related.
 */
final class AnalysisLimitRule implements Rule {
  static final String ID = "PQ004";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Map<AnalysisLimit.Kind, List<AnalysisLimit>> byKind = new EnumMap<>(AnalysisLimit.Kind.class);
    for (AnalysisLimit limit : model.analysisLimits()) {
      byKind.computeIfAbsent(limit.kind(), k -> new ArrayList<>()).add(limit);
    }
    byKind.forEach(
        (kind, limits) -> {
          List<Finding.Related> places = new ArrayList<>();
          for (AnalysisLimit limit : limits) {
            places.add(new Finding.Related(limit.task().description(), taskPlace(limit)));
          }
          places.sort(FindingSink.PLACE_ORDER);
          AnalysisLimit first =
              limits.stream()
                  .filter(l -> taskPlace(l).equals(places.get(0).location()))
                  .findFirst()
                  .orElseThrow();
          findings.reportGroup(
              findings.level(),
              places,
              "the analysis of "
                  + first.task().description()
                  + " stopped at "
                  + first.file()
                  + ":"
                  + first.span().start().line()
                  + ": "
                  + cause(kind)
                  + ", so what it computes from there on is unknown and findings that depend on it"
                  + " may be missing; check this code by hand, or simplify it",
              "place");
        });
  }

  /** Where the finding points for a limit: the name of what was analysed, when it has one. */
  private static Location taskPlace(AnalysisLimit limit) {
    AnalysisLimit.Task task = limit.task();
    return task.file().isEmpty()
        ? new Location(limit.file(), limit.span())
        : new Location(task.file(), task.span());
  }

  private static String cause(AnalysisLimit.Kind kind) {
    return switch (kind) {
      case STEP_BUDGET -> "it took more than " + AnalysisLimit.describe(kind) + " evaluation steps";
      case CALL_DEPTH -> "calls nest more than " + AnalysisLimit.describe(kind) + " deep";
    };
  }
}
