package dev.pqcert.model;

import dev.pqcert.bundle.Bundle;
import java.util.List;
import java.util.Optional;

/**
 * What pqcert knows about one connector: its package, its parsed M files and its section. Built
 * once per target and shared by every rule.
 */
public record ConnectorModel(
    Bundle bundle,
    List<SourceFile> files,
    Optional<SourceFile> sectionFile,
    Optional<Section> section) {

  /** The package files classified as section documents ({@code .pq}/{@code .m}, not queries). */
  public List<SourceFile> sectionDocumentCandidates() {
    return files.stream()
        .filter(f -> f.kind() == dev.pqcert.bundle.EntryKind.SECTION_DOCUMENT)
        .toList();
  }
}
