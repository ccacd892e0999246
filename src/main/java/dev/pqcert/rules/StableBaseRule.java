package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Sink;
import dev.pqcert.model.SinkRole;
import dev.pqcert.model.Taint;
import java.util.ArrayList;
import java.util.List;

/**
 * PQ058: Web.Contents gets a base URL that stays the same for a data source (a constant, or the URL
 * the user entered, as it is) and the varying parts in {@code RelativePath} and {@code Query}. A
 * first argument computed from parameters ({@code url & "/items/" & id}) makes the service treat
 * every request as a new data source, and scheduled refresh fails.
 */
final class StableBaseRule implements Rule {
  @Override
  public String id() {
    return "PQ058";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    List<Sink> computed = new ArrayList<>();
    for (Sink sink : model.sinks()) {
      Taint.Flow flow = sink.flow();
      if (sink.call().is(LibraryFunction.WEB_CONTENTS)
          && sink.role() == SinkRole.URL
          && flow.source().kind() == Taint.SourceKind.USER_INPUT
          && flow.computed()) {
        computed.add(sink);
      }
    }
    for (List<Sink> site : Flows.bySite(computed).values()) {
      Sink first = site.get(0);
      findings.report(
          first.file(),
          first.span(),
          Flows.describe(site)
              + ", in a URL computed from it ("
              + first
                  .flow()
                  .computation()
                  .map(c -> c.description() + " at " + c.file() + ":" + c.span().start().line())
                  .orElse("")
              + "); the service refreshes a data"
              + " source only when the first argument of Web.Contents stays the same: pass a"
              + " constant base (or the user's URL as it is) and move the varying parts to"
              + " RelativePath and Query");
    }
  }
}
