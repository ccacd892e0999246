package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Resources;
import dev.pqcert.model.Urls;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PQ035: {@code resources.resx} holds display strings only, not URLs or values: an entry whose
 * value is a URL or a host name, or that is passed to a request or a connection, is reported on its
 * {@code <data>} element.
 */
final class ResourceValuesRule implements Rule {
  private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://\\S+");

  /**
   * A host name: dot-separated labels, lower case as hosts are written, ending in a top-level
   * domain hosts use (any two letters, or a common longer one); a port or path may follow. Dotted M
   * names ({@code Contoso.Contents}) and file names ({@code icon16.png}) do not match.
   */
  private static final Pattern HOST =
      Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+([a-z]{2,12})(?::\\d+)?(?:/\\S*)?");

  private static final Set<String> TOP_LEVEL_DOMAINS =
      Set.of(
          "com",
          "net",
          "org",
          "edu",
          "gov",
          "mil",
          "int",
          "info",
          "biz",
          "cloud",
          "app",
          "dev",
          "online",
          "site",
          "tech",
          "xyz",
          "example",
          "test",
          "local",
          "internal",
          "corp",
          "lan");

  /** Two-letter file extensions that are also country domains: a file name, not a host. */
  private static final Set<String> FILE_EXTENSIONS =
      Set.of("md", "pq", "js", "ts", "py", "cs", "ps", "rs", "sh", "db", "gz");

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
    for (Resources.Entry entry : model.resources().entries().values()) {
      Optional<String> problem = problem(entry, usedIn.get(entry.key()));
      if (problem.isPresent()) {
        findings.report(
            resx.get(),
            entry.span(),
            "resources.resx entry '"
                + entry.key()
                + "' "
                + problem.get()
                + "; resources.resx is for text users read: define the value in the connector"
                + " code ("
                + entry.key()
                + " = \""
                + entry.value().strip()
                + "\";), use that instead of Extension.LoadString(\""
                + entry.key()
                + "\") and remove the entry");
      }
    }
  }

  private static Optional<String> problem(Resources.Entry entry, CallSite use) {
    String value = entry.value().strip();
    if (use != null) {
      return Optional.of(
          "(\""
              + value
              + "\") is passed to "
              + use.function()
              + " ("
              + use.file()
              + ":"
              + use.span().start().line()
              + ")");
    }
    if (URL.matcher(value).matches()) {
      return Optional.of("holds a URL (\"" + value + "\")");
    }
    java.util.regex.Matcher host = HOST.matcher(value);
    if (host.matches()
        && ((host.group(1).length() == 2 && !FILE_EXTENSIONS.contains(host.group(1)))
            || TOP_LEVEL_DOMAINS.contains(host.group(1)))) {
      return Optional.of("holds a host name (\"" + value + "\")");
    }
    return Optional.empty();
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
