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
    Evaluator evaluator) {

  /** The evaluated calls of one library function. */
  public List<CallSite> calls(String function) {
    return calls.stream().filter(c -> c.function().equals(function)).toList();
  }

  /** The package files classified as section documents ({@code .pq}/{@code .m}, not queries). */
  public List<SourceFile> sectionDocumentCandidates() {
    return files.stream().filter(f -> f.kind() == EntryKind.SECTION_DOCUMENT).toList();
  }

  public Optional<DataSourceKind> kind(String name) {
    return kinds.stream().filter(k -> k.name().equals(name)).findFirst();
  }
}
