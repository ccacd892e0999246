package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.parse.Span;
import java.util.Optional;

/**
 * PQ014: exported functions are named {@code Kind.FunctionName}, and no section, kind or function
 * name contains "Fabric", "Power BI", "Connector" or "API".
 */
final class NamingRule implements Rule {
  @Override
  public String id() {
    return "PQ014";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    model
        .section()
        .ifPresent(
            section ->
                section
                    .name()
                    .ifPresent(
                        name ->
                            banned(
                                findings, section.file(), section.keywordSpan(), "section", name)));
    for (DataSourceKind kind : model.kinds()) {
      Optional<String> word = BannedWords.find(kind.name());
      if (word.isPresent()) {
        var where = kind.functions().get(0).member();
        Span span = where.attribute("DataSource.Kind").orElseThrow().span();
        findings.report(
            where.file(),
            span,
            "data source kind '"
                + kind.name()
                + "' contains \""
                + word.get()
                + "\"; certified names leave out Fabric, Power BI, Connector and API");
      }
    }
    for (ExportedFunction export : model.exports()) {
      String name = export.name();
      String prefix = export.kind() + ".";
      if (!name.startsWith(prefix) || name.length() == prefix.length()) {
        findings.report(
            export.member().file(),
            export.member().nameSpan(),
            "exported function '"
                + name
                + "' should be named '"
                + prefix
                + "FunctionName' after its data source kind '"
                + export.kind()
                + "'");
        banned(findings, export.member().file(), export.member().nameSpan(), "function", name);
      } else {
        // The kind part is reported once, on the kind.
        banned(
            findings,
            export.member().file(),
            export.member().nameSpan(),
            "function",
            name.substring(prefix.length()));
      }
    }
  }

  private static void banned(
      FindingSink findings, String file, Span span, String what, String name) {
    BannedWords.find(name)
        .ifPresent(
            word ->
                findings.report(
                    file,
                    span,
                    what
                        + " name '"
                        + name
                        + "' contains \""
                        + word
                        + "\"; certified names leave out Fabric, Power BI, Connector and API"));
  }
}
