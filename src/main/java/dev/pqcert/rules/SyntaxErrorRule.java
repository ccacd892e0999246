package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.SourceFile;
import dev.pqcert.parse.SyntaxError;

/** PQ001: every M file of the connector parses. */
final class SyntaxErrorRule implements Rule {
  @Override
  public String id() {
    return "PQ001";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (SourceFile file : model.files()) {
      for (SyntaxError error : file.parse().errors()) {
        findings.report(file.name(), error.span(), error.message());
      }
    }
  }
}
