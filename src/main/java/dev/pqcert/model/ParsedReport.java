package dev.pqcert.model;

import dev.pqcert.bundle.ReportQuery;
import dev.pqcert.bundle.TestReport;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.ParseResult;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test report with its queries parsed, once, however many connectors of a run it is read against
 * ({@link ReportFacts#read}).
 *
 * @param expressions each query's expression by name (the first of a name), in the report's order
 * @param notes the queries that do not parse, one line each
 */
public record ParsedReport(TestReport report, Map<String, Expr> expressions, List<String> notes) {
  public ParsedReport {
    expressions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expressions));
    notes = List.copyOf(notes);
  }

  /** Parses the report's queries with pqcert's parser, as expressions. */
  public static ParsedReport of(TestReport report) {
    Map<String, Expr> expressions = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (ReportQuery q : report.queries()) {
      ParseResult parse =
          DocumentParser.parse(new SourceText(q.file(), q.expression()), DocumentKind.EXPRESSION);
      if (!parse.errors().isEmpty()) {
        notes.add(
            "query '"
                + q.name()
                + "' in "
                + q.file()
                + " does not parse ("
                + parse.errors().get(0).message()
                + "); what it calls was read as far as it goes");
      }
      parse.document().expression().ifPresent(e -> expressions.putIfAbsent(q.name(), e));
    }
    return new ParsedReport(report, expressions, notes);
  }
}
