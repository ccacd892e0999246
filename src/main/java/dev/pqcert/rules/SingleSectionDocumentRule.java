package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.SourceFile;
import java.util.stream.Collectors;

/** PQ101: the package holds exactly one section document. */
final class SingleSectionDocumentRule implements Rule {
  @Override
  public String id() {
    return "PQ101";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    if (model.sectionDocumentCandidates().size() > 1) {
      findings.reportPackage(
          "the package holds "
              + model.sectionDocumentCandidates().size()
              + " section documents ("
              + model.sectionDocumentCandidates().stream()
                  .map(SourceFile::name)
                  .collect(Collectors.joining(", "))
              + "); a connector has exactly one: move shared code into .pqm modules, and name"
              + " test queries *.query.pq");
    }
  }
}
