package dev.pqcert.rules;

import dev.pqcert.model.Sink;
import dev.pqcert.model.Site;
import dev.pqcert.model.Taint;
import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Flow findings, one per root cause: a rule reports each source (the credential's secret read here,
 * the parameter) once, at the first place it reaches, with the other places as related locations
 * and the path from the source as the finding's path. The message is one short line naming the
 * source, the call that carried the value and the sink; the whole path is in JSON, SARIF and {@code
 * pqcert model}.
 */
final class Flows {
  private Flows() {}

  /**
   * Reports {@code sinks} grouped by source: one finding per source, at its first sink in reading
   * order, worded by {@code message}; every further place it reaches is counted in the message and
   * listed as related.
   */
  static void report(
      FindingSink findings, Level level, List<Sink> sinks, Function<Sink, String> message) {
    Map<Taint.Source, List<Sink>> bySource = new LinkedHashMap<>();
    for (Sink sink : sinks) {
      bySource.computeIfAbsent(sink.flow().source(), s -> new ArrayList<>()).add(sink);
    }
    // Sources whose first place is the same are one finding there: the fix is at that place
    // (several exports passing their URL to one unchecked request).
    Map<Site, List<List<Sink>>> byPlace = new LinkedHashMap<>();
    for (List<Sink> group : bySource.values()) {
      List<Sink> ordered = new ArrayList<>(group);
      ordered.sort(Comparator.comparing(Flows::reportedAt));
      byPlace.computeIfAbsent(reportedAt(ordered.get(0)), p -> new ArrayList<>()).add(ordered);
    }
    for (Map.Entry<Site, List<List<Sink>>> place : byPlace.entrySet()) {
      Site firstSite = place.getKey();
      Sink first = place.getValue().get(0).get(0);
      List<Finding.Related> related = new ArrayList<>();
      List<Site> seen = new ArrayList<>(List.of(firstSite));
      for (List<Sink> group : place.getValue()) {
        for (Sink other : group) {
          Site site = reportedAt(other);
          if (!seen.contains(site)) {
            seen.add(site);
            related.add(
                new Finding.Related(
                    "also reaches " + other.role().where(other.function()),
                    new Location(site.file(), reportedSpan(other))));
          }
        }
      }
      List<Finding.Related> sources = new ArrayList<>();
      for (List<Sink> group : place.getValue().subList(1, place.getValue().size())) {
        Taint.Source source = group.get(0).flow().source();
        sources.add(
            new Finding.Related(
                "so does " + source.kind().description() + " " + source.description(),
                new Location(source.file(), source.span())));
      }
      related.addAll(sources);
      List<String> more = new ArrayList<>();
      if (!sources.isEmpty()) {
        more.add(sources.size() + " more source" + (sources.size() == 1 ? "" : "s"));
      }
      int places = related.size() - sources.size();
      if (places > 0) {
        more.add(places + " more place" + (places == 1 ? "" : "s"));
      }
      String text =
          message.apply(first) + (more.isEmpty() ? "" : " (and " + String.join(", ", more) + ")");
      findings.report(level, firstSite.file(), reportedSpan(first), text, related, path(first));
    }
  }

  /** {@code " (and 3 more places)"}, or nothing. */
  static String more(int count) {
    if (count == 0) {
      return "";
    }
    return " (and " + count + " more place" + (count == 1 ? ")" : "s)");
  }

  /**
   * How a source reads: {@code secret [Key] of Extension.CurrentCredential() (Contoso.pq:47)},
   * {@code user input parameter 'url' of Contoso.Contents (Contoso.pq:8)}.
   */
  static String source(Taint.Source source, String here) {
    return source.kind().description()
        + " "
        + source.description()
        + " ("
        + at(source.file(), source.span(), here)
        + ")";
  }

  /**
   * Where it arrived, with the call that carried it there when it was passed into a helper: {@code
   * the Headers option of Web.Contents through GetPage (Contoso.pq:53)}.
   */
  static String sink(Sink sink) {
    String carrier = carrier(sink).map(c -> " through " + c).orElse("");
    Site site = reportedAt(sink);
    String where = sink.role().where(sink.function());
    if (!site.file().equals(sink.file())) {
      // Reported where the connector's own code hands the value to a module's helper.
      return where
          + " in "
          + sink.file()
          + carrier
          + " ("
          + at(site.file(), reportedSpan(sink), site.file())
          + ")";
    }
    return where + carrier + " (" + at(sink.file(), sink.span(), site.file()) + ")";
  }

  /** The source, and where it arrived; places in the finding's own file are given by line. */
  static String describe(Sink sink) {
    return source(sink.flow().source(), reportedAt(sink).file()) + " reaches " + sink(sink);
  }

  /** The last helper the value was passed to on its way, when there is one. */
  private static Optional<String> carrier(Sink sink) {
    List<Taint.Step> steps = sink.flow().steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).callee().isPresent()) {
        return steps.get(i).callee();
      }
    }
    return Optional.empty();
  }

  /**
   * Where a flow finding is reported: at the sink, unless the sink lies in a module ({@code .pqm},
   * such as the stock {@code Diagnostics.pqm}) that the value was handed to from another file; then
   * at the last place in that other file, the connector's own call.
   */
  static Site reportedAt(Sink sink) {
    return callerStep(sink).map(s -> Site.of(s.file(), s.span())).orElse(sink.site());
  }

  private static Span reportedSpan(Sink sink) {
    return callerStep(sink).map(Taint.Step::span).orElse(sink.span());
  }

  private static Optional<Taint.Step> callerStep(Sink sink) {
    if (!sink.file().toLowerCase(Locale.ROOT).endsWith(".pqm")) {
      return Optional.empty();
    }
    List<Taint.Step> steps = sink.flow().steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (!steps.get(i).file().equals(sink.file())) {
        return Optional.of(steps.get(i));
      }
    }
    return Optional.empty();
  }

  /** The path from the source to the sink, each step located. */
  static List<Finding.Related> path(Sink sink) {
    List<Finding.Related> path = new ArrayList<>();
    Taint.Source source = sink.flow().source();
    path.add(
        new Finding.Related(
            source.kind().description() + " " + source.description(),
            new Location(source.file(), source.span())));
    for (Taint.Step step : sink.flow().steps()) {
      path.add(new Finding.Related(step.description(), new Location(step.file(), step.span())));
    }
    path.add(
        new Finding.Related(
            "reaches " + sink.role().where(sink.function()),
            new Location(sink.file(), sink.span())));
    return path;
  }

  static String at(String file, Span span) {
    return file + ":" + span.start().line();
  }

  /** {@code line 12} in the file {@code here} (the finding's), {@code Other.pqm:12} elsewhere. */
  static String at(String file, Span span, String here) {
    return file.equals(here) ? "line " + span.start().line() : at(file, span);
  }
}
