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
 * PQ051: requests that can carry credentials go over HTTPS. A URL from user input must pass an
 * HTTPS check before the request (or be joined onto a constant {@code https://} base); a request to
 * a constant {@code http://} URL is reported at the constant: a violation when the request can
 * carry credentials, a recommendation otherwise.
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
      if (flow.source().kind() != Taint.SourceKind.USER_INPUT) {
        continue; // a next-page link from the service is the service's URL, not the user's
      }
      unchecked.add(sink);
    }
    for (List<Sink> site : Flows.bySite(unchecked).values()) {
      Optional<String> credentials =
          credentials(model, site.get(0).call(), model.exportOf(site.get(0).flow().source()));
      if (credentials.isPresent()) {
        findings.report(
            site.get(0).file(),
            site.get(0).span(),
            Flows.describe(site)
                + " with no HTTPS check, and the request "
                + credentials.get()
                + ": check the scheme before the request (if Uri.Parts(url)[Scheme] <> \"https\""
                + " then error ... else url, as a ValidateUrlScheme helper does) or join the"
                + " input onto a constant https:// base");
      }
    }
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
                k -> new PlainUrl("the constant \"" + text.value() + "\"", file, text.span()))
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
    CallSite first = url.calls.get(0);
    Optional<String> credentials = Optional.empty();
    for (CallSite call : url.calls) {
      credentials = credentials(model, call, Optional.empty());
      if (credentials.isPresent()) {
        first = call;
        break;
      }
    }
    String request =
        first.function() + " (" + first.file() + ":" + first.span().start().line() + ")";
    if (credentials.isPresent()) {
      findings.report(
          Level.MUST,
          url.file,
          url.span,
          request
              + " requests a URL on "
              + url.description
              + ", plain HTTP, and the request "
              + credentials.get()
              + ": use https://");
    } else {
      findings.report(
          Level.SHOULD,
          url.file,
          url.span,
          request
              + " requests a URL on "
              + url.description
              + ", plain HTTP; use https:// so that responses cannot be read or changed on the way");
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
   * Why a request may carry credentials: a credential reaches it, or the engine adds the
   * connector's credential (any authentication but Anonymous) unless {@code ManualCredentials =
   * true} leaves that to the connector. Empty when it cannot. A request reached from an export
   * carries its kind's credential; one reached from nowhere known, any kind's.
   */
  static Optional<String> credentials(
      ConnectorModel model, CallSite call, Optional<ExportedFunction> from) {
    for (Sink sink : model.sinks()) {
      if (sink.flow().source().kind() == Taint.SourceKind.CREDENTIAL
          && sink.file().equals(call.file())
          && sink.span().equals(call.span())) {
        return Optional.of(
            "sends a credential from "
                + sink.flow().source().description()
                + " ("
                + sink.flow().source().file()
                + ":"
                + sink.flow().source().span().start().line()
                + ") in "
                + Flows.where(sink));
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
    return Optional.of(
        "carries the " + String.join(" or ", kinds) + " credential Power Query adds to it");
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
