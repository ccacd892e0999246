package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Sink;
import dev.pqcert.model.Taint;

/**
 * PQ050: where credentials go. Each place a credential reaches (a request's URL, header, query or
 * body, a connection string, a trace) with the path it took: the reviewer's "where do the
 * credentials get sent to?", answered before they ask.
 */
final class CredentialSinksRule implements Rule {
  @Override
  public String id() {
    return "PQ050";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (Sink sink : model.sinks()) {
      if (sink.flow().source().kind() == Taint.SourceKind.CREDENTIAL) {
        findings.report(sink.file(), sink.span(), "where credentials go: " + Flows.describe(sink));
      }
    }
  }
}
