package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.SourceFile;
import dev.pqcert.parse.Span;

/** PQ010: the connector is written as a section document. */
final class SectionDocumentRule implements Rule {
  @Override
  public String id() {
    return "PQ010";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    if (model.sectionFile().isEmpty()) {
      findings.reportPackage(
          "the connector has no section document: a package needs one .pq (or .m) file that"
              + " starts with 'section Name;'");
      return;
    }
    SourceFile file = model.sectionFile().get();
    if (!file.parse().document().isSection()) {
      String suggested = baseName(file.name());
      findings.report(
          file.name(),
          Span.NONE,
          file.name()
              + " is an expression document, not a section document; start it with '[Version ="
              + " \"1.0.0\"] section "
              + suggested
              + ";' and make the connector's functions section members");
    }
  }

  private static String baseName(String fileName) {
    String name = fileName.substring(fileName.lastIndexOf('/') + 1);
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
