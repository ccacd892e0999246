package dev.pqcert.rules;

import dev.pqcert.model.Addresses;
import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Resources;
import dev.pqcert.model.Urls;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PQ035: {@code resources.resx} holds display strings only, not URLs or values: an entry whose
 * value is a URL or a host name, or that is passed to a request or a connection, is reported on its
 * {@code <data>} element.
 */
final class ResourceValuesRule implements Rule {
  @Override
  public String id() {
    return "PQ035";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Optional<String> resx = model.resources().file();
    if (resx.isEmpty()) {
      return;
    }
    Map<String, CallSite> usedIn = usedInRequests(model);
    java.util.Set<String> samples = sampleValues(model);
    for (Resources.Entry entry : model.resources().entries().values()) {
      if (!usedIn.containsKey(entry.key()) && samples.contains(entry.key())) {
        continue; // documentation shown as help (a sample, an example) is text users read
      }
      Optional<String> problem = problem(entry, usedIn.get(entry.key()));
      if (problem.isPresent()) {
        findings.report(
            resx.get(),
            entry.span(),
            "resources.resx entry '"
                + entry.key()
                + "' "
                + problem.get()
                + "; define it in the connector code instead: resources.resx is for text users"
                + " read");
      }
    }
  }

  private static Optional<String> problem(Resources.Entry entry, CallSite use) {
    String value = entry.value().strip();
    if (use != null) {
      return Optional.of(
          "("
              + Messages.quote(value)
              + ") is passed to "
              + use.function()
              + " ("
              + use.file()
              + ":"
              + use.span().start().line()
              + ")");
    }
    if (Addresses.isUrl(value)) {
      return Optional.of("holds a URL (" + Messages.quote(value) + ")");
    }
    if (Addresses.isHost(value)) {
      return Optional.of("holds a host name (" + Messages.quote(value) + ")");
    }
    return Optional.empty();
  }

  /**
   * The resource keys of the text in exported functions' documentation (sample values, examples and
   * their code): shown to users as help, even when it is a URL.
   */
  private static java.util.Set<String> sampleValues(ConnectorModel model) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    model.exports().stream()
        .flatMap(e -> e.signature().stream())
        .forEach(
            signature -> {
              signature.documentation().ifPresent(d -> keys(d, 0, keys::add));
              signature.parameters().stream()
                  .flatMap(p -> p.documentation().stream())
                  .forEach(d -> keys(d, 0, keys::add));
            });
    return keys;
  }

  /** Each resource key whose string reaches a request's or a connection's arguments: its call. */
  private static Map<String, CallSite> usedInRequests(ConnectorModel model) {
    Map<String, CallSite> used = new LinkedHashMap<>();
    for (CallSite call : model.calls()) {
      if (call.isRequest() || call.isConnection()) {
        for (Value argument : call.arguments()) {
          keys(argument, 0, key -> used.putIfAbsent(key, call));
        }
      }
    }
    return used;
  }

  /**
   * The resource keys of the text inside a value (options records, lists), joined into longer text
   * or not.
   */
  private static void keys(Value value, int depth, java.util.function.Consumer<String> found) {
    if (depth > 4) {
      return;
    }
    Value plain = Values.plain(value);
    if (plain instanceof Value.Text || plain instanceof Value.Unknown) {
      Urls.resources(plain).forEach(found);
    } else if (plain instanceof Value.RecordValue record) {
      record.fields().values().forEach(f -> keys(f.value(), depth + 1, found));
    } else if (plain instanceof Value.ListValue list) {
      list.items().forEach(i -> keys(i, depth + 1, found));
    }
  }
}
