package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.Sink;
import dev.pqcert.model.SinkRole;
import dev.pqcert.model.Site;
import dev.pqcert.model.Taint;
import dev.pqcert.model.Urls;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PQ051: requests go over HTTPS. A URL the user entered must pass an HTTPS check before the request
 * (or be joined onto a constant {@code https://} base): Microsoft's helper functions documentation
 * calls this required for user-entered URLs in certified connectors. A request to a constant {@code
 * http://} URL is reported at the constant when the request can carry credentials (the requirement
 * page asks whether requests made with credentials are guaranteed to use HTTPS).
 */
final class HttpsRule implements Rule {
  private static final Set<String> NO_CREDENTIAL = Set.of("Anonymous", "Implicit");

  @Override
  public String id() {
    return "PQ051";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    List<Sink> unchecked = new ArrayList<>();
    Map<Site, PlainUrl> plain = new LinkedHashMap<>();
    for (Sink sink : model.sinks()) {
      if (!sink.isRequest() || sink.role() != SinkRole.URL) {
        continue;
      }
      Taint.Flow flow = sink.flow();
      if (flow.scheme().isPresent()) {
        // Joined onto a constant: an https:// one settles it, an http:// one is reported there.
        Taint.Scheme scheme = flow.scheme().get();
        if (scheme.kind() == Taint.SchemeKind.HTTP) {
          plain
              .computeIfAbsent(
                  Site.of(scheme.file(), scheme.span()),
                  k -> new PlainUrl(scheme.description(), scheme.file(), scheme.span()))
              .calls
              .add(sink.call());
        }
        continue;
      }
      if (flow.source().kind() == Taint.SourceKind.USER_INPUT) {
        unchecked.add(
            sink); // a next-page link from the service is the service's URL, not the user's
      }
    }
    Flows.report(
        findings,
        Level.MUST,
        unchecked,
        sink ->
            Flows.describe(sink)
                + " with no HTTPS check"
                + credentials(
                        model,
                        sink.call(),
                        model.exportOf(sink.flow().source()),
                        Flows.reportedAt(sink).file())
                    .map(c -> ", and the request carries " + c)
                    .orElse("")
                + "; check its scheme first");
    for (CallSite call : model.calls()) {
      if (!call.isRequest()) {
        continue;
      }
      Optional<Value.Text> constant = call.argument(0).flatMap(HttpsRule::constant);
      if (constant.isPresent()
          && Urls.scheme(constant.get().value()).filter("http"::equals).isPresent()) {
        Value.Text text = constant.get();
        String file = text.file().isEmpty() ? call.file() : text.file();
        plain
            .computeIfAbsent(
                Site.of(file, text.span()),
                k ->
                    new PlainUrl("the constant " + Messages.quote(text.value()), file, text.span()))
            .calls
            .add(call);
      }
    }
    for (PlainUrl url : plain.values()) {
      report(model, url, findings);
    }
  }

  private static void report(ConnectorModel model, PlainUrl url, FindingSink findings) {
    if (isLoopback(url.description)) {
      return; // a request to this machine never crosses the network
    }
    for (CallSite call : url.calls) {
      Optional<String> credentials = credentials(model, call, Optional.empty(), url.file);
      if (credentials.isPresent()) {
        List<Finding.Related> others = new ArrayList<>();
        for (CallSite other : url.calls) {
          if (!other.site().equals(call.site())) {
            others.add(
                new Finding.Related(
                    "also requested by " + other.function(),
                    new Location(other.file(), other.span())));
          }
        }
        findings.report(
            Level.MUST,
            url.file,
            url.span,
            call.function()
                + " ("
                + Flows.at(call.file(), call.span())
                + ") requests a URL on "
                + url.description
                + ", plain HTTP, with "
                + credentials.get()
                + ": use https://"
                + Flows.more(others.size()),
            others,
            List.of());
        return;
      }
    }
  }

  /** The constant a request URL is, or is built on. */
  private static Optional<Value.Text> constant(Value url) {
    Value plain = Values.plain(url);
    if (plain instanceof Value.Text text) {
      return Optional.of(text);
    }
    return plain instanceof Value.Unknown unknown ? unknown.base() : Optional.empty();
  }

  /**
   * What credential a request may carry: a secret that reaches it, or the credential the engine
   * adds (any authentication but Anonymous) unless {@code ManualCredentials = true} leaves that to
   * the connector. Empty when none. A request reached from an export carries its kind's credential;
   * one reached from nowhere known, any kind's.
   */
  static Optional<String> credentials(
      ConnectorModel model, CallSite call, Optional<ExportedFunction> from, String here) {
    for (Sink sink : model.sinks()) {
      if (sink.flow().source().kind().isSecret() && sink.site().equals(call.site())) {
        Taint.Source source = sink.flow().source();
        return Optional.of(
            "the "
                + source.kind().description()
                + " "
                + source
                    .description()
                    .replaceFirst(" of Extension\\.CurrentCredentials?\\(\\)$", "")
                + " ("
                + Flows.at(source.file(), source.span(), here)
                + ")");
      }
    }
    if (call.requestOption("ManualCredentials").flatMap(Values::logical).orElse(false)) {
      return Optional.empty(); // the connector places credentials itself, and places none here
    }
    List<String> kinds = new ArrayList<>();
    for (DataSourceKind kind : model.kinds()) {
      if (from.isPresent() && !from.get().kind().equals(kind.name())) {
        continue;
      }
      Optional<Value.RecordValue> authentication = kind.authentication();
      if (authentication.isEmpty()) {
        if (kind.recordValue().isPresent() || !Values.isKnown(kind.record())) {
          kinds.add("'" + kind.name() + "'"); // authentication the model cannot read
        }
        continue;
      }
      for (String name : authentication.get().fields().keySet()) {
        if (!NO_CREDENTIAL.contains(name) && !kinds.contains(name)) {
          kinds.add(name);
        }
      }
    }
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("the " + String.join(" or ", kinds) + " credential");
  }

  private static boolean isLoopback(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.contains("://localhost")
        || lower.contains("://127.")
        || lower.contains("://[::1]");
  }

  /** A constant http:// URL and the requests that go to it. */
  private static final class PlainUrl {
    final String description;
    final String file;
    final Span span;
    final List<CallSite> calls = new ArrayList<>();

    PlainUrl(String description, String file, Span span) {
      this.description = description;
      this.file = file;
      this.span = span;
    }
  }
}
