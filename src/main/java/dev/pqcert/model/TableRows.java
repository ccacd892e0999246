package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a table the connector builds from constants: a {@code #table} literal, a literal list
 * of records or names, and what the usual steps of a navigation helper make of them (columns
 * renamed, added, typed). A navigation table's items are its rows; {@code nameColumn} and {@code
 * dataColumn} are known once {@code Value.ReplaceType} gives the table its {@code
 * NavigationTable.NameColumn} and {@code NavigationTable.DataColumn}. Cells not known are {@link
 * Value.Unknown}.
 *
 * @param columns the column names, in order
 * @param rows each row's cells, one per column
 */
public record TableRows(
    List<String> columns,
    List<List<Value>> rows,
    Optional<String> nameColumn,
    Optional<String> dataColumn) {

  /** More rows than this are not followed: a navigation table written out is far smaller. */
  static final int MAX_ROWS = 1_000;

  public TableRows {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** The cells of one column, in row order; empty when the table has no such column. */
  public Optional<List<Value>> column(String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      return Optional.empty();
    }
    return Optional.of(rows.stream().map(row -> row.get(index)).toList());
  }

  /** One row as a record of its cells, by column name. */
  public Map<String, Value> row(int index) {
    Map<String, Value> cells = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      cells.put(columns.get(i), rows.get(index).get(i));
    }
    return cells;
  }

  private static final java.util.Set<String> SHAPERS =
      java.util.Set.of(
          "#table",
          "Table.FromRecords",
          "Table.FromList",
          "Table.FromRows",
          "Table.RenameColumns",
          "Table.AddColumn",
          "Table.DuplicateColumn",
          "Table.TransformColumnTypes",
          "Table.TransformColumns",
          "Table.Buffer",
          "Table.AddKey",
          "Table.ReorderColumns",
          "Table.Sort",
          "Table.SelectColumns",
          "Table.RemoveColumns",
          "Value.ReplaceType");

  /** Whether a library function builds or shapes a table whose rows {@link #of} may know. */
  static boolean shapes(String function) {
    return SHAPERS.contains(function);
  }

  /**
   * What a library call makes of tables of known rows, when it is one of the steps that build or
   * shape a navigation table; empty for any other call, or when the rows are not known.
   */
  static Optional<TableRows> of(String function, List<Value> arguments) {
    return switch (function) {
      case "#table" -> literalTable(arguments);
      case "Table.FromRecords" -> fromRecords(argument(arguments, 0));
      case "Table.FromList" -> fromList(arguments);
      case "Table.FromRows" -> fromRows(argument(arguments, 0), argument(arguments, 1));
      case "Table.RenameColumns" ->
          rowsOf(argument(arguments, 0)).flatMap(t -> t.renamed(argument(arguments, 1)));
      case "Table.AddColumn", "Table.DuplicateColumn" ->
          rowsOf(argument(arguments, 0))
              .flatMap(
                  t ->
                      argument(arguments, function.equals("Table.AddColumn") ? 1 : 2)
                          .flatMap(Values::text)
                          .map(t::withColumn));
      case "Table.TransformColumnTypes",
              "Table.TransformColumns",
              "Table.Buffer",
              "Table.AddKey",
              "Table.ReorderColumns",
              "Table.Sort" ->
          rowsOf(argument(arguments, 0));
      case "Table.SelectColumns", "Table.RemoveColumns" ->
          rowsOf(argument(arguments, 0))
              .flatMap(
                  t ->
                      names(argument(arguments, 1))
                          .flatMap(n -> t.selected(n, function.equals("Table.SelectColumns"))));
      case "Value.ReplaceType" ->
          rowsOf(argument(arguments, 0))
              .map(t -> t.navigation(argument(arguments, 1).flatMap(Values::meta)));
      default -> Optional.empty();
    };
  }

  /** The known rows a value carries, when it is a table built from constants. */
  public static Optional<TableRows> rowsOf(Optional<Value> value) {
    return value
        .map(Values::plain)
        .filter(Value.Unknown.class::isInstance)
        .flatMap(v -> ((Value.Unknown) v).rows());
  }

  private static Optional<Value> argument(List<Value> arguments, int index) {
    return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
  }

  /** {@code #table(columns, rows)}: columns as a list of names, or their number. */
  private static Optional<TableRows> literalTable(List<Value> arguments) {
    Optional<List<String>> columns = columnNames(argument(arguments, 0));
    return columns.flatMap(names -> fromRows(argument(arguments, 1), names));
  }

  private static Optional<TableRows> fromRows(Optional<Value> rows, Optional<Value> columns) {
    return fromRows(rows, columnNames(columns).orElse(List.of()));
  }

  private static Optional<TableRows> fromRows(Optional<Value> rowsValue, List<String> names) {
    Optional<List<Value>> rows = list(rowsValue);
    if (rows.isEmpty() || rows.get().size() > MAX_ROWS) {
      return Optional.empty();
    }
    List<List<Value>> cells = new ArrayList<>();
    int width = names.size();
    for (Value row : rows.get()) {
      Optional<List<Value>> items = list(Optional.of(row));
      if (items.isEmpty()) {
        return Optional.empty();
      }
      width = Math.max(width, items.get().size());
      cells.add(items.get());
    }
    List<String> columns = new ArrayList<>(names);
    for (int i = columns.size(); i < width; i++) {
      columns.add("Column" + (i + 1));
    }
    return Optional.of(new TableRows(columns, padded(cells, columns.size()), none(), none()));
  }

  /** {@code Table.FromRecords({[Name = "A", Data = ...], ...})}: the fields become columns. */
  private static Optional<TableRows> fromRecords(Optional<Value> recordsValue) {
    Optional<List<Value>> records = list(recordsValue);
    if (records.isEmpty() || records.get().size() > MAX_ROWS) {
      return Optional.empty();
    }
    List<String> columns = new ArrayList<>();
    List<Value.RecordValue> known = new ArrayList<>();
    for (Value item : records.get()) {
      Optional<Value.RecordValue> record = Values.record(item);
      if (record.isEmpty()) {
        return Optional.empty();
      }
      record.get().fields().keySet().stream()
          .filter(k -> !columns.contains(k))
          .forEach(columns::add);
      known.add(record.get());
    }
    List<List<Value>> cells = new ArrayList<>();
    for (Value.RecordValue record : known) {
      List<Value> row = new ArrayList<>();
      for (String column : columns) {
        row.add(record.get(column).orElse(new Value.Null(record.span(), record.file())));
      }
      cells.add(row);
    }
    return Optional.of(new TableRows(columns, cells, none(), none()));
  }

  /**
   * {@code Table.FromList(names, Splitter.SplitByNothing(), columns)}: each item one row of one
   * column, {@code Column1} unless named. Only a list of texts: a splitter would cut other items
   * into columns no one can tell statically.
   */
  private static Optional<TableRows> fromList(List<Value> arguments) {
    Optional<List<Value>> items = list(argument(arguments, 0));
    if (items.isEmpty()
        || items.get().size() > MAX_ROWS
        || !items.get().stream().allMatch(i -> Values.text(i).isPresent())) {
      return Optional.empty();
    }
    List<String> names =
        columnNames(argument(arguments, 2)).filter(n -> n.size() == 1).orElse(List.of("Column1"));
    List<List<Value>> cells = items.get().stream().map(List::of).toList();
    return Optional.of(new TableRows(names, cells, none(), none()));
  }

  /** {@code Table.RenameColumns(t, {{"Column1", "Name"}})} or a single {@code {"old", "new"}}. */
  private Optional<TableRows> renamed(Optional<Value> renamesValue) {
    Optional<List<Value>> renames = list(renamesValue);
    if (renames.isEmpty()) {
      return Optional.empty();
    }
    List<Value> pairs = renames.get();
    if (pairs.size() == 2 && pairs.stream().allMatch(p -> Values.text(p).isPresent())) {
      pairs = List.of(renamesValue.get()); // one pair, not a list of pairs
    }
    List<String> renamed = new ArrayList<>(columns);
    for (Value pair : pairs) {
      Optional<List<Value>> names = list(Optional.of(pair));
      if (names.isEmpty() || names.get().size() != 2) {
        return Optional.empty();
      }
      Optional<String> from = Values.text(names.get().get(0));
      Optional<String> to = Values.text(names.get().get(1));
      if (from.isEmpty() || to.isEmpty() || !renamed.contains(from.get())) {
        return Optional.empty();
      }
      renamed.set(renamed.indexOf(from.get()), to.get());
    }
    return Optional.of(new TableRows(renamed, rows, nameColumn, dataColumn));
  }

  /** The table with only these columns ({@code keep}), or without them. */
  private Optional<TableRows> selected(List<String> names, boolean keep) {
    if (!columns.containsAll(names)) {
      return Optional.empty(); // the engine fails on a missing column unless told otherwise
    }
    List<String> kept = keep ? names : columns.stream().filter(c -> !names.contains(c)).toList();
    List<List<Value>> cells = new ArrayList<>();
    for (List<Value> row : rows) {
      cells.add(kept.stream().map(c -> row.get(columns.indexOf(c))).toList());
    }
    return Optional.of(new TableRows(kept, cells, nameColumn, dataColumn));
  }

  /** A column name, or a list of them. */
  private static Optional<List<String>> names(Optional<Value> value) {
    Optional<String> one = value.flatMap(Values::text);
    return one.isPresent() ? Optional.of(List.of(one.get())) : columnNames(value);
  }

  private TableRows withColumn(String name) {
    List<String> more = new ArrayList<>(columns);
    more.add(name);
    List<List<Value>> cells = new ArrayList<>();
    for (List<Value> row : rows) {
      List<Value> longer = new ArrayList<>(row);
      longer.add(new Value.Unknown(Span.NONE));
      cells.add(longer);
    }
    return new TableRows(more, cells, nameColumn, dataColumn);
  }

  /** The table given a type whose metadata names its navigation columns. */
  private TableRows navigation(Optional<Value.RecordValue> meta) {
    if (meta.isEmpty()) {
      return this;
    }
    Optional<String> name = meta.get().get("NavigationTable.NameColumn").flatMap(Values::text);
    Optional<String> data = meta.get().get("NavigationTable.DataColumn").flatMap(Values::text);
    return new TableRows(columns, rows, name.or(() -> nameColumn), data.or(() -> dataColumn));
  }

  private static Optional<List<String>> columnNames(Optional<Value> value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Value plain = Values.plain(value.get());
    if (plain instanceof Value.NumberValue number
        && number.value() >= 0
        && number.value() <= 100
        && number.value() == Math.rint(number.value())) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= (int) number.value(); i++) {
        names.add("Column" + i);
      }
      return Optional.of(names);
    }
    Optional<List<Value>> items = list(value);
    if (items.isEmpty() || !items.get().stream().allMatch(i -> Values.text(i).isPresent())) {
      return Optional.empty();
    }
    return Optional.of(items.get().stream().map(i -> Values.text(i).orElseThrow()).toList());
  }

  private static Optional<List<Value>> list(Optional<Value> value) {
    return value
        .map(Values::plain)
        .filter(Value.ListValue.class::isInstance)
        .map(v -> ((Value.ListValue) v).items());
  }

  private static List<List<Value>> padded(List<List<Value>> rows, int width) {
    List<List<Value>> padded = new ArrayList<>();
    for (List<Value> row : rows) {
      List<Value> cells = new ArrayList<>(row);
      while (cells.size() < width) {
        cells.add(new Value.Unknown(Span.NONE));
      }
      padded.add(cells);
    }
    return padded;
  }

  private static Optional<String> none() {
    return Optional.empty();
  }
}
