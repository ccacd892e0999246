package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Sink;
import dev.pqcert.model.SinkRole;
import java.util.List;

/**
 * PQ052: a secret sent in the query string of a GET request goes through the {@code
 * CredentialQuery} option (the requirement page calls it CredentialQueryString), not {@code Query}
 * or the URL, where it ends up in logs and caches. A request with {@code Content} is a POST. The
 * user name alone is not a secret.
 */
final class CredentialQueryRule implements Rule {
  @Override
  public String id() {
    return "PQ052";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    List<Sink> inQuery =
        model.sinks().stream()
            .filter(sink -> sink.flow().source().kind().isSecret())
            .filter(sink -> sink.role() == SinkRole.QUERY || sink.role() == SinkRole.URL)
            .filter(sink -> sink.call().is(LibraryFunction.WEB_CONTENTS))
            .filter(sink -> sink.call().option(1, "Content").isEmpty()) // a POST carries a body
            .toList();
    Flows.report(
        findings,
        findings.level(),
        inQuery,
        sink ->
            Flows.describe(sink)
                + " of a GET request; pass it with CredentialQuery, in a header, or in a POST body");
  }
}
