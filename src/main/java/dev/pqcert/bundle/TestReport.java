package dev.pqcert.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * A Power BI report submitted beside a connector "to test your connector with": the M queries it
 * holds, as read from whichever form it came in. Never evaluated.
 *
 * @param origin the path given or found
 * @param displayName the path as reports name it
 * @param format the form it was read from
 * @param queries every query and shared expression, in the order the report holds them
 * @param notes things a reader of the report should know (one line each), e.g. a query that could
 *     not be read
 */
public record TestReport(
    Path origin,
    String displayName,
    TestReportFormat format,
    List<ReportQuery> queries,
    List<String> notes) {
  public TestReport {
    queries = List.copyOf(queries);
    notes = List.copyOf(notes);
  }
}
