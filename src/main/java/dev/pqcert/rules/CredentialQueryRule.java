package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Sink;
import dev.pqcert.model.SinkRole;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/**
 * PQ052: a secret sent in the query string of a GET request goes through the {@code
 * CredentialQuery} option (the requirement page calls it CredentialQueryString), not {@code Query}
 * or the URL, where it ends up in logs and caches. A request with {@code Content} is a POST. The
 * user name alone is not a secret.
 */
final class CredentialQueryRule implements Rule {
  private static final String MISSPELT = "CredentialQueryString";
  private static final String OPTION = "CredentialQuery";

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
    for (CallSite call : model.calls(LibraryFunction.WEB_CONTENTS)) {
      call.argument(1)
          .flatMap(Values::record)
          .ifPresent(options -> misspelt(model, options, findings));
    }
  }

  /**
   * The requirement page's name for the option, {@code CredentialQueryString}: following the page
   * is no violation, but Web.Contents documents the option as {@code CredentialQuery}.
   */
  private static void misspelt(
      ConnectorModel model, Value.RecordValue options, FindingSink findings) {
    Optional<Value.RecordField> field = options.field(MISSPELT);
    if (field.isEmpty() || options.file().isEmpty()) {
      return;
    }
    Span name = field.get().nameSpan();
    Optional<SourceText> source = Editable.source(model, options.file());
    Optional<Fix> rename =
        source.isPresent()
                && options.field(OPTION).isEmpty()
                && Editable.within(name, options.span())
                && Editable.reads(source.get(), name, MISSPELT)
            ? Optional.of(
                Fix.of(
                    "rename the option " + MISSPELT + " to " + OPTION,
                    new Location(options.file(), name),
                    OPTION))
            : Optional.empty();
    // The requirement page spells the option this way, so following it is no violation; but
    // Web.Contents documents only CredentialQuery, and a reviewer will ask for it.
    findings.reportOnce(
        Level.REVIEW,
        options.file(),
        name,
        "'"
            + MISSPELT
            + "' is the requirement page's name for the option; Web.Contents documents it as "
            + OPTION
            + ": rename it",
        rename);
  }
}
