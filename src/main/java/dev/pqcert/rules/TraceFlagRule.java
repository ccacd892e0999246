package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.TraceFlag;

/** PQ053: the feature flag that switches tracing on is off in the submitted connector. */
final class TraceFlagRule implements Rule {
  @Override
  public String id() {
    return "PQ053";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (TraceFlag flag : model.traceFlags()) {
      if (flag.value()) {
        findings.report(
            flag.member().file(),
            flag.valueSpan(),
            "tracing flag '"
                + flag.member().name()
                + "' is true; set it to false before"
                + " submitting (it switches Diagnostics tracing on at line "
                + flag.guards().get(0).start().line()
                + ")");
      }
    }
  }
}
