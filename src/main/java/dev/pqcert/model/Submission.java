package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connector with the test reports submitted beside it: what their queries call and reach (see
 * {@link ReportFacts}), and the navigation items each exported function offers, where the model
 * knows them statically (a table built from constants given its {@code NavigationTable.NameColumn},
 * see {@link TableRows}).
 *
 * @param reports the reports paired with the connector, each read against its exports
 * @param navigation per exported function, what it offers
 */
public record Submission(List<ReportFacts> reports, List<Navigation> navigation) {
  public Submission {
    reports = List.copyOf(reports);
    navigation = List.copyOf(navigation);
  }

  /**
   * What one exported function offers to navigate.
   *
   * @param items the navigation items, in table order; empty when not known statically (computed
   *     from a response, say)
   */
  public record Navigation(ExportedFunction export, Optional<List<Item>> items) {
    public Navigation {
      items = items.map(List::copyOf);
    }
  }

  /**
   * One navigation item the connector writes in its code.
   *
   * @param name its name, as the navigator shows it
   * @param position its row in the navigation table
   * @param cells its row, by column (for lookups by {@code Key} or any other column)
   * @param file where its name is written
   * @param span where its name is written
   */
  public record Item(String name, int position, Map<String, Value> cells, String file, Span span) {
    public Item {
      cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }
  }

  /** One item with the queries that reach it. */
  public record Tested(Item item, List<ReportFacts.Reach> by) {
    public Tested {
      by = List.copyOf(by);
    }
  }

  /** Pairs reports with a connector: each is read against the connector's exported functions. */
  public static Submission of(ConnectorModel model, List<ParsedReport> reports) {
    Set<String> exports = exportNames(model);
    List<ReportFacts> facts = new ArrayList<>();
    reports.forEach(r -> facts.add(ReportFacts.read(r, exports)));
    List<Navigation> navigation = new ArrayList<>();
    for (ExportedFunction export : model.exports()) {
      navigation.add(new Navigation(export, items(model, export)));
    }
    return new Submission(facts, navigation);
  }

  /** The names a report calls the connector's exported functions by. */
  public static Set<String> exportNames(ConnectorModel model) {
    Set<String> names = new LinkedHashSet<>();
    model.exports().forEach(e -> names.add(e.name()));
    return names;
  }

  /**
   * The exported functions a report should call: those published in Power BI's Get Data dialog
   * (they have a publish record), or every one when none is.
   */
  public List<ExportedFunction> expected() {
    List<ExportedFunction> published =
        navigation.stream()
            .map(Navigation::export)
            .filter(e -> e.publishName().isPresent())
            .toList();
    return published.isEmpty() ? navigation.stream().map(Navigation::export).toList() : published;
  }

  /** Every call of this exported function, in every report. */
  public List<ReportFacts.ExportCall> callsOf(String function) {
    return reports.stream()
        .flatMap(r -> r.calls().stream())
        .filter(c -> c.function().equals(function))
        .toList();
  }

  /** Whether any query of any report calls a function of the connector. */
  public boolean callsConnector() {
    return reports.stream().anyMatch(r -> !r.calls().isEmpty());
  }

  /** The paths reached in what this function returns, in every report. */
  public List<ReportFacts.Reach> reachedIn(String function) {
    return reports.stream()
        .flatMap(r -> r.reached().stream())
        .filter(r -> r.function().equals(function))
        .toList();
  }

  /** Each known item of a function's navigation with the queries whose first step picks it. */
  public List<Tested> tested(Navigation offered) {
    List<Tested> tested = new ArrayList<>();
    List<ReportFacts.Reach> reached = reachedIn(offered.export().name());
    for (Item item : offered.items().orElse(List.of())) {
      List<ReportFacts.Reach> by =
          reached.stream()
              .filter(r -> r.path().get(0).picks(item.cells(), item.position()))
              .toList();
      tested.add(new Tested(item, by));
    }
    return tested;
  }

  /** The known items of a function's navigation that no query reaches. */
  public List<Item> untested(Navigation offered) {
    return tested(offered).stream().filter(t -> t.by().isEmpty()).map(Tested::item).toList();
  }

  private static Optional<List<Item>> items(ConnectorModel model, ExportedFunction export) {
    Optional<TableRows> rows = TableRows.rowsOf(model.resultOf(export));
    if (rows.isEmpty() || rows.get().nameColumn().isEmpty()) {
      return Optional.empty();
    }
    Optional<List<Value>> names = rows.get().column(rows.get().nameColumn().get());
    if (names.isEmpty() || names.get().stream().anyMatch(n -> Values.text(n).isEmpty())) {
      return Optional.empty();
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < names.get().size(); i++) {
      Value name = Values.plain(names.get().get(i));
      // A name written nowhere in particular (joined from parts) is shown at the function.
      boolean placed = !name.file().isEmpty();
      items.add(
          new Item(
              Values.text(name).orElseThrow(),
              i,
              rows.get().row(i),
              placed ? name.file() : export.member().file(),
              placed ? name.span() : export.member().nameSpan()));
    }
    return Optional.of(items);
  }
}
