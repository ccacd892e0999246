package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PQ059: tracing can be switched off: the connector's traces sit behind a feature flag. Only calls
 * that write a trace count ({@code Diagnostics.Trace}; not {@code Diagnostics.ActivityId}). The
 * finding is where the tracing is bound: the connector's load of the module that traces (the stock
 * {@code Diagnostics.pqm}), or the first trace in the section. A connector that traces only on its
 * error paths ({@code TraceLevel.Error}, {@code Critical}) or only structured {@code SafeData}
 * telemetry is a question for the reviewer, not a missing switch.
 */
final class UnguardedTraceRule implements Rule {
  private static final Set<String> ERROR_LEVELS = Set.of("TraceLevel.Error", "TraceLevel.Critical");

  @Override
  public String id() {
    return "PQ059";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    // Only traces the connector reaches: a helper nothing calls traces nothing.
    List<CallSite> traces =
        model.calls(LibraryFunction.DIAGNOSTICS_TRACE).stream()
            .filter(c -> !c.withoutCaller())
            .sorted(Comparator.comparing(CallSite::site))
            .toList();
    if (!model.traceFlags().isEmpty()) {
      // With a flag, what matters is a trace in the section that no flag covers.
      Optional<CallSite> unguarded =
          traces.stream()
              .filter(c -> model.sectionFile().filter(f -> f.name().equals(c.file())).isPresent())
              .filter(c -> !errorOrSafe(c))
              .filter(c -> model.traceFlags().stream().noneMatch(f -> f.covers(c.file(), c.span())))
              .findFirst();
      unguarded.ifPresent(
          trace ->
              findings.report(
                  trace.file(),
                  trace.span(),
                  "Diagnostics.Trace ("
                      + Flows.at(trace.file(), trace.span())
                      + ") is not behind the feature flag '"
                      + model.traceFlags().get(0).member().name()
                      + "' that switches the other tracing off; trace through the guarded"
                      + " helpers"));
      return;
    }
    if (traces.isEmpty()) {
      return;
    }
    Optional<CallSite> everyday = traces.stream().filter(c -> !errorOrSafe(c)).findFirst();
    if (everyday.isEmpty()) {
      CallSite first = traces.get(0);
      findings.report(
          Level.REVIEW,
          first.file(),
          first.span(),
          "the connector traces only on its error paths or as SafeData telemetry, with no"
              + " feature flag; a reviewer will ask whether that tracing should stay on");
      return;
    }
    CallSite trace = everyday.get();
    String message =
        "Diagnostics.Trace ("
            + Flows.at(trace.file(), trace.span())
            + ") traces with no feature flag to switch it off; guard the tracing helpers with a"
            + " flag (EnableTraceOutput = false; ... = if EnableTraceOutput then"
            + " Diagnostics[LogValue] else (prefix, value) => value)";
    Optional<Value.Text> load = moduleLoad(model, trace.file());
    if (load.isPresent()) {
      findings.report(load.get().file(), load.get().span(), message);
    } else {
      findings.report(trace.file(), trace.span(), message);
    }
  }

  /**
   * Whether a trace is error-path or SafeData telemetry: reached only when something failed, at an
   * error level, or with a record message.
   */
  private static boolean errorOrSafe(CallSite trace) {
    if (trace.onErrorPath()) {
      return true;
    }
    boolean errorLevel =
        trace
            .argument(0)
            .map(Values::plain)
            .filter(Value.Library.class::isInstance)
            .map(v -> ERROR_LEVELS.contains(((Value.Library) v).name()))
            .orElse(false);
    boolean safeData =
        trace
            .argument(1)
            .flatMap(Values::record)
            .map(r -> r.field("SafeData").isPresent())
            .orElse(false);
    return errorLevel || safeData;
  }

  /**
   * Where the connector's own code names the module a trace is in ({@code
   * Extension.LoadFunction("Diagnostics.pqm")}): empty when the trace is not in a module.
   */
  private static Optional<Value.Text> moduleLoad(ConnectorModel model, String traceFile) {
    if (!traceFile.toLowerCase(Locale.ROOT).endsWith(".pqm")) {
      return Optional.empty();
    }
    return model.calls(LibraryFunction.EXTENSION_CONTENTS).stream()
        .flatMap(c -> c.argument(0).map(Values::plain).stream())
        .filter(Value.Text.class::isInstance)
        .map(Value.Text.class::cast)
        .filter(t -> t.value().equalsIgnoreCase(traceFile) && !t.file().isEmpty())
        .findFirst();
  }
}
