package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Sink;
import dev.pqcert.model.SinkRole;
import dev.pqcert.model.Site;
import dev.pqcert.model.Taint;
import java.util.HashSet;
import java.util.Set;

/**
 * PQ052: a credential sent in the query string of a GET request goes through the {@code
 * CredentialQuery} option (the requirement page calls it CredentialQueryString), not {@code Query}
 * or the URL, where it ends up in logs and caches. A request with {@code Content} is a POST.
 */
final class CredentialQueryRule implements Rule {
  private record SiteRole(Site site, SinkRole role) {}

  @Override
  public String id() {
    return "PQ052";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Set<SiteRole> reported = new HashSet<>();
    for (Sink sink : model.sinks()) {
      boolean credential = sink.flow().source().kind() == Taint.SourceKind.CREDENTIAL;
      boolean inQueryString = sink.role() == SinkRole.QUERY || sink.role() == SinkRole.URL;
      if (!credential || !inQueryString || !sink.call().is(LibraryFunction.WEB_CONTENTS)) {
        continue;
      }
      if (sink.call().option(1, "Content").isPresent()) {
        continue; // a POST: the body carries the request
      }
      if (reported.add(new SiteRole(sink.site(), sink.role()))) {
        findings.report(
            sink.file(),
            sink.span(),
            Flows.describe(sink)
                + " of a GET request; send it in a header, turn the request into a"
                + " POST (Content = ...), or pass it with the CredentialQuery option ("
                + "CredentialQueryString on the requirement page) so it is kept out of logs");
      }
    }
  }
}
