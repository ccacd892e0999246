package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import java.util.Comparator;
import java.util.Optional;

/** PQ059: tracing can be switched off: Diagnostics calls sit behind a feature flag. */
final class UnguardedTraceRule implements Rule {
  @Override
  public String id() {
    return "PQ059";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    if (!model.traceFlags().isEmpty()) {
      return;
    }
    Optional<CallSite> first =
        model.calls().stream()
            .filter(c -> c.function().startsWith("Diagnostics."))
            .min(
                Comparator.comparing(CallSite::file).thenComparing(c -> c.span().start().offset()));
    first.ifPresent(
        call ->
            findings.report(
                call.file(),
                call.span(),
                call.function()
                    + " traces with no feature flag to switch it off; guard the"
                    + " tracing helpers with a flag (EnableTraceOutput = false; ... = if"
                    + " EnableTraceOutput then Diagnostics[LogValue] else (prefix, value) => value)"));
  }
}
