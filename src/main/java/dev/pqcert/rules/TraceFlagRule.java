package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.TraceFlag;
import dev.pqcert.parse.SourceText;
import java.util.List;
import java.util.Optional;

/** PQ053: the feature flag that switches tracing on is off in the submitted connector. */
final class TraceFlagRule implements Rule {
  @Override
  public String id() {
    return "PQ053";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    // A flag switches tracing on only when a trace the connector reaches is under it: one that
    // guards helpers nothing calls changes nothing (PQ059 reports traces around the flag).
    List<CallSite> reached =
        model.calls(LibraryFunction.DIAGNOSTICS_TRACE).stream()
            .filter(c -> !c.withoutCaller())
            .toList();
    for (TraceFlag flag : model.traceFlags()) {
      boolean switchesTracing =
          reached.stream()
              .anyMatch(
                  c ->
                      flag.covers(c.file(), c.span())
                          || (!flag.guarded().isEmpty()
                              && c.file().toLowerCase(java.util.Locale.ROOT).endsWith(".pqm")));
      if (flag.value() && switchesTracing) {
        findings.report(
            flag.member().file(),
            flag.valueSpan(),
            "tracing flag '"
                + flag.member().name()
                + "' is true; set it to false before"
                + " submitting (it switches Diagnostics tracing on at line "
                + flag.guards().get(0).start().line()
                + ")",
            switchOff(model, flag));
      }
    }
  }

  /**
   * The literal {@code true} written in the flag's own definition becomes {@code false}; a value
   * computed, or taken from another member that other code may read, is not changed.
   */
  private static Optional<Fix> switchOff(ConnectorModel model, TraceFlag flag) {
    String file = flag.member().file();
    Optional<SourceText> source = Editable.source(model, file);
    if (source.isEmpty()
        || !Editable.within(flag.valueSpan(), flag.member().span())
        || !Editable.reads(source.get(), flag.valueSpan(), "true")) {
      return Optional.empty();
    }
    return Optional.of(
        Fix.of(
            "set " + flag.member().name() + " to false",
            new Location(file, flag.valueSpan()),
            "false"));
  }
}
