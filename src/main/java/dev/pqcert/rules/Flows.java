package dev.pqcert.rules;

import dev.pqcert.model.Sink;
import dev.pqcert.model.Site;
import dev.pqcert.model.Taint;
import java.util.stream.Collectors;

/** Words a flow finding in messages: where from, by which path, where to. */
final class Flows {
  private Flows() {}

  static String describe(Sink sink) {
    Taint.Source source = sink.flow().source();
    String path =
        sink.flow().steps().stream()
            .map(
                step ->
                    step.description()
                        + " ("
                        + step.file()
                        + ":"
                        + step.span().start().line()
                        + ")")
            .collect(Collectors.joining(", "));
    return source.kind().description()
        + " from "
        + source.description()
        + " ("
        + source.file()
        + ":"
        + source.span().start().line()
        + ")"
        + (path.isEmpty() ? "" : " via " + path)
        + " reaches "
        + where(sink)
        + " ("
        + sink.file()
        + ":"
        + sink.span().start().line()
        + ")";
  }

  /**
   * Several flows that reach one sink, as one finding's words: the first in full, the other sources
   * named after it.
   */
  static String describe(java.util.List<Sink> sinks) {
    String first = describe(sinks.get(0));
    java.util.List<String> others =
        sinks.stream()
            .skip(1)
            .map(s -> s.flow().source())
            .distinct()
            .map(
                source ->
                    source.description()
                        + " ("
                        + source.file()
                        + ":"
                        + source.span().start().line()
                        + ")")
            .toList();
    return others.isEmpty() ? first : first + " (and so does " + String.join(", ", others) + ")";
  }

  /** Sinks grouped by the call they reach, in the order first reached. */
  static java.util.Map<Site, java.util.List<Sink>> bySite(java.util.List<Sink> sinks) {
    java.util.Map<Site, java.util.List<Sink>> sites = new java.util.LinkedHashMap<>();
    for (Sink sink : sinks) {
      sites.computeIfAbsent(sink.site(), k -> new java.util.ArrayList<>()).add(sink);
    }
    return sites;
  }

  static String where(Sink sink) {
    return sink.role().where(sink.function());
  }
}
