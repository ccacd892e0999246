package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Sink;
import java.util.List;

/**
 * PQ050: where credentials go. Each secret or user name read from the credential, once, at the
 * first place it reaches (a request's URL, header, query or body, a connection string, a trace),
 * with every other place it reaches: the reviewer's "where do the credentials get sent to?",
 * answered before they ask.
 */
final class CredentialSinksRule implements Rule {
  @Override
  public String id() {
    return "PQ050";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    List<Sink> credential =
        model.sinks().stream().filter(s -> s.flow().source().kind().isCredential()).toList();
    Flows.report(
        findings,
        findings.level(),
        credential,
        sink -> "where credentials go: " + Flows.describe(sink));
  }
}
