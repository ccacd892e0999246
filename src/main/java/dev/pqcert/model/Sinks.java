package dev.pqcert.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The library functions where sensitive or untrusted values matter, and which part of each call is
 * which role: a request's URL and options, a connection string, a trace, an evaluated expression.
 */
final class Sinks {
  /**
   * Functions that send web requests, each with the index of its options record; their first
   * argument is the URL. Functions that parse content ({@code Xml.Document}, {@code Web.Page},
   * {@code Json.Document}) are not requests: their first argument is what a request returned.
   */
  private static final Map<String, Integer> REQUESTS =
      Map.of("Web.Contents", 1, "OData.Feed", 2, "Web.BrowserContents", 1, "Web.Headers", 1);

  /** Functions whose first argument is a connection string or server. */
  private static final Set<String> CONNECTIONS =
      Set.of(
          "Odbc.DataSource",
          "Odbc.Query",
          "OleDb.DataSource",
          "OleDb.Query",
          "AdoDotNet.DataSource",
          "AdoDotNet.Query",
          "Sql.Database",
          "Sql.Databases");

  /** The options of Web.Contents that rules distinguish; others are reported as "options". */
  private static final Set<String> REQUEST_OPTIONS =
      Set.of(
          "Query",
          "Headers",
          "Content",
          "RelativePath",
          "CredentialQuery",
          "CredentialQueryString",
          "ApiKeyName");

  /** Other calls worth keeping as call sites for the rules. */
  private static final Set<String> RECORDED =
      Set.of(
          "Extension.Contents",
          "Extension.LoadString",
          "Extension.CurrentCredential",
          "Extension.CurrentCredentials",
          "Expression.Evaluate",
          "Value.NativeQuery",
          "Table.View",
          "Uri.Parts",
          "OpenApi.Document",
          "Value.ReplaceType",
          "Value.ReplaceMetadata",
          "Text.FromBinary");

  private Sinks() {}

  static boolean isRequest(String name) {
    return REQUESTS.containsKey(name);
  }

  /** The index of a request function's options record. */
  static int optionsIndex(String request) {
    return REQUESTS.getOrDefault(request, 1);
  }

  static boolean isConnection(String name) {
    return CONNECTIONS.contains(name);
  }

  static boolean isInteresting(String name) {
    return REQUESTS.containsKey(name)
        || CONNECTIONS.contains(name)
        || RECORDED.contains(name)
        || name.startsWith("Diagnostics.")
        || name.startsWith("Extension.")
        || name.startsWith("Cube.")
        || name.startsWith("Odbc.");
  }

  /** Records each flow carried by each sensitive part of the call. */
  static void record(Evaluator evaluator, CallSite call) {
    String name = call.function();
    if (REQUESTS.containsKey(name)) {
      call.argument(0).ifPresent(url -> flows(evaluator, call, "URL", url));
      int optionsIndex = optionsIndex(name);
      if (name.equals("OData.Feed")) {
        call.argument(1).ifPresent(headers -> flows(evaluator, call, "Headers", headers));
      }
      Optional<Value.RecordValue> options = call.argument(optionsIndex).flatMap(Values::record);
      if (options.isPresent()) {
        for (Map.Entry<String, Value.RecordField> option : options.get().fields().entrySet()) {
          String role = REQUEST_OPTIONS.contains(option.getKey()) ? option.getKey() : "options";
          flows(evaluator, call, role, option.getValue().value());
        }
      } else {
        call.argument(optionsIndex)
            .ifPresent(unknown -> flows(evaluator, call, "options", unknown));
      }
    } else if (CONNECTIONS.contains(name)) {
      call.argument(0).ifPresent(c -> flows(evaluator, call, "connection string", c));
      call.argument(1).ifPresent(o -> flows(evaluator, call, "connection options", o));
    } else if (name.startsWith("Diagnostics.")) {
      for (Value argument : call.arguments()) {
        flows(evaluator, call, "trace", argument);
      }
    } else if (name.equals("Expression.Evaluate")) {
      call.argument(0).ifPresent(e -> flows(evaluator, call, "expression", e));
    }
  }

  private static void flows(Evaluator evaluator, CallSite call, String role, Value value) {
    for (Taint.Flow flow : Taint.of(value).flows()) {
      evaluator.recordSink(new Sink(call.function(), role, call.file(), call.span(), flow, call));
    }
  }
}
