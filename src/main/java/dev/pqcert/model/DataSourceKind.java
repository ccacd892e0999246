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
   * Whether the kind defines its data source path itself rather than from its functions' required
   * parameters: {@code Type = "Singleton"} (one path for every call) or {@code Type = "Custom"}
   * with {@code MakeResourcePath}, as certified connectors do.
   */
  public boolean definesOwnPath() {
    Optional<Value.RecordValue> kind = recordValue();
    if (kind.isEmpty()) {
      return false;
    }
    Optional<String> type = kind.get().get("Type").flatMap(Values::text);
    return kind.get().field("MakeResourcePath").isPresent()
        || type.filter(t -> t.equals("Singleton") || t.equals("Custom")).isPresent();
  }

  /**
   * The required parameters of a function of this kind that make up the data source path: all but
   * those whose type says {@code DataSource.Path = false}.
   */
  public static List<ParameterInfo> pathParameters(FunctionSignature signature) {
    return signature.required().stream()
        .filter(
            p ->
                !p.documentation()
                    .flatMap(d -> d.get("DataSource.Path"))
                    .flatMap(Values::logical)
                    .map(isPath -> !isPath)
                    .orElse(false))
        .toList();
  }

  /**
   * The {@code Authentication} record's kinds ({@code Key}, {@code OAuth}...) and their records.
   */
  public Optional<Value.RecordValue> authentication() {
    return recordValue().flatMap(r -> r.get("Authentication")).flatMap(Values::record);
  }
}
