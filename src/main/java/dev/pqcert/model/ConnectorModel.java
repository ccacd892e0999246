package dev.pqcert.model;

import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.EntryKind;
import java.util.List;
import java.util.Optional;

/**
 * What pqcert knows about one connector: its package, its parsed M files, its section and the facts
 * read from them (kinds, exported functions, publish records). Built once per target and shared by
 * every rule.
 */
public record ConnectorModel(
    Bundle bundle,
    List<SourceFile> files,
    Optional<SourceFile> sectionFile,
    Optional<Section> section,
    Resources resources,
    List<DataSourceKind> kinds,
    List<ExportedFunction> exports,
    List<ModuleLoad> modules,
    List<CallSite> calls,
    List<Sink> sinks,
    java.util.Map<dev.pqcert.parse.ast.Expr.Identifier, Definition> resolutions,
    List<TraceFlag> traceFlags,
    java.util.Map<String, Value> results,
    java.util.Map<String, Value> memberValues,
    List<AnalysisLimit> analysisLimits,
    Optional<Submission> submission) {

  /**
   * The same connector with the test reports submitted beside it (the submission rules read them).
   */
  public ConnectorModel withSubmission(Submission paired) {
    return new ConnectorModel(
        bundle,
        files,
        sectionFile,
        section,
        resources,
        kinds,
        exports,
        modules,
        calls,
        sinks,
        resolutions,
        traceFlags,
        results,
        memberValues,
        analysisLimits,
        Optional.of(paired));
  }

  /** A section member's value, as the connector's code computes it. */
  public Optional<Value> memberValue(String name) {
    return Optional.ofNullable(memberValues.get(name));
  }

  /**
   * What an exported function returns when a user calls it (its parameters unknown), as far as the
   * model knows: a record, a text, a value known to be a table, or unknown.
   */
  public Optional<Value> resultOf(ExportedFunction export) {
    return Optional.ofNullable(results.get(export.name()));
  }

  /**
   * Evidence that the connector returns a navigation table: a type carrying {@code
   * NavigationTable.*} metadata given to a value, an OData feed, or an ODBC source with {@code
   * HierarchicalNavigation = true}.
   */
  public List<CallSite> navigationEvidence() {
    return calls.stream().filter(ConnectorModel::isNavigationEvidence).toList();
  }

  private static boolean isNavigationEvidence(CallSite call) {
    if (call.is(LibraryFunction.VALUE_REPLACE_TYPE)
        || call.is(LibraryFunction.VALUE_REPLACE_METADATA)) {
      return call.arguments().stream()
          .skip(1)
          .flatMap(a -> Values.meta(a).or(() -> Values.record(a)).stream())
          .anyMatch(
              m -> m.fields().keySet().stream().anyMatch(k -> k.startsWith("NavigationTable.")));
    }
    if (call.is(LibraryFunction.ODATA_FEED) || call.is(LibraryFunction.OPENAPI_DOCUMENT)) {
      return true; // a feed of an OData service or an OpenAPI document is a navigation table
    }
    if (call.is(LibraryFunction.ODBC_DATA_SOURCE)) {
      return call.option(1, "HierarchicalNavigation").flatMap(Values::logical).orElse(false);
    }
    return false;
  }

  /** The evaluated calls of one library function. */
  public List<CallSite> calls(LibraryFunction function) {
    return calls.stream().filter(c -> c.is(function)).toList();
  }

  /** The package files classified as section documents ({@code .pq}/{@code .m}, not queries). */
  public List<SourceFile> sectionDocumentCandidates() {
    return files.stream().filter(f -> f.kind() == EntryKind.SECTION_DOCUMENT).toList();
  }

  /** The inline suppression directives in the comments of every M file, in file order. */
  public List<SuppressionDirective> suppressions() {
    return files.stream()
        .flatMap(f -> SuppressionDirective.read(f.name(), f.parse().comments()).stream())
        .toList();
  }

  /** The publish records the exports name, each once. */
  public List<PublishRecord> publishRecords() {
    return PublishRecord.of(exports);
  }

  /** The strings the user reads in Power Query's dialogs, each place once. */
  public List<DisplayString> displayStrings() {
    return DisplayString.of(this);
  }

  /** The header of a bundled image, when the package has the file and it is an image. */
  public Optional<ImageHeader> image(String name) {
    return bundle.find(name).flatMap(entry -> ImageHeader.read(entry.bytes()));
  }

  /** The exported function a user-input source is a parameter of. */
  public Optional<ExportedFunction> exportOf(Taint.Source source) {
    if (source.kind() != Taint.SourceKind.USER_INPUT) {
      return Optional.empty();
    }
    return exports.stream()
        .filter(
            e ->
                Values.plain(e.value()) instanceof Value.FunctionValue f
                    && f.file().equals(source.file())
                    && f.function().parameters().stream()
                        .anyMatch(p -> p.span().equals(source.span())))
        .findFirst();
  }

  public Optional<DataSourceKind> kind(String name) {
    return kinds.stream().filter(k -> k.name().equals(name)).findFirst();
  }
}
