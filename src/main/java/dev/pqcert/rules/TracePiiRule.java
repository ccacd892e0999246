package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Sink;
import dev.pqcert.model.SinkRole;
import dev.pqcert.model.Taint;
import java.util.List;

/**
 * PQ054: traces hold no credentials or personal data. A secret or the user name read from the
 * credential in a trace message is a violation; what the user typed into a parameter (a server, an
 * endpoint, a DSN) is configuration, a question for the reviewer. Only what is written counts: the
 * message of {@code Diagnostics.Trace}, not the value it returns.
 */
final class TracePiiRule implements Rule {
  @Override
  public String id() {
    return "PQ054";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    List<Sink> traced = model.sinks().stream().filter(s -> s.role() == SinkRole.TRACE).toList();
    Flows.report(
        findings,
        Level.MUST,
        traced.stream().filter(s -> s.flow().source().kind().isCredential()).toList(),
        sink ->
            Flows.describe(sink)
                + "; traces must hold no credentials or personal data: trace a fixed message");
    Flows.report(
        findings,
        Level.REVIEW,
        traced.stream()
            .filter(s -> s.flow().source().kind() == Taint.SourceKind.USER_INPUT)
            .toList(),
        sink ->
            Flows.describe(sink)
                + "; a reviewer will ask whether it can identify a person (a server name or"
                + " endpoint is fine)");
  }
}
