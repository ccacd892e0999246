package dev.pqcert.model;

import java.util.List;
import java.util.Optional;

/**
 * A data source kind: named by {@code DataSource.Kind} attributes, defined by the section member of
 * that name (the kind record: Authentication, Label, TestConnection...).
 */
public record DataSourceKind(
    String name,
    Optional<Member> definition,
    Value record,
    List<ExportedFunction> functions,
    Optional<TestConnection> testConnection) {

  public Optional<Value.RecordValue> recordValue() {
    return Values.record(record);
  }

  /**
   * The {@code Authentication} record's kinds ({@code Key}, {@code OAuth}...) and their records.
   */
  public Optional<Value.RecordValue> authentication() {
    return recordValue().flatMap(r -> r.get("Authentication")).flatMap(Values::record);
  }
}
