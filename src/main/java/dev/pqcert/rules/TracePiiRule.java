package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Sink;
import dev.pqcert.model.SinkRole;
import dev.pqcert.model.Taint;

/** PQ054: no credential or user-entered value is written to a trace (it is PII). */
final class TracePiiRule implements Rule {
  @Override
  public String id() {
    return "PQ054";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (Sink sink : model.sinks()) {
      Taint.SourceKind kind = sink.flow().source().kind();
      if (sink.role() == SinkRole.TRACE
          && (kind == Taint.SourceKind.CREDENTIAL || kind == Taint.SourceKind.USER_INPUT)) {
        findings.report(
            sink.file(),
            sink.span(),
            Flows.describe(sink)
                + "; traces must not hold credentials or user data: trace a"
                + " fixed message, or a value that identifies nothing");
      }
    }
  }
}
