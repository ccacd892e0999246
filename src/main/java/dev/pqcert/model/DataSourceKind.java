package dev.pqcert.model;

import java.util.List;
import java.util.Optional;

/**
 * A data source kind: named by {@code DataSource.Kind} attributes, defined by the section member of
 * that name (the kind record: Authentication, Label, TestConnection...).
 */
public record DataSourceKind(
    String name, Optional<Member> definition, Value record, List<ExportedFunction> functions) {

  public Optional<Value.RecordValue> recordValue() {
    return Values.record(record);
  }
}
