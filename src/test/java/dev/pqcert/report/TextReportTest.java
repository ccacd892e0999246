package dev.pqcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.check.TargetResult;
import dev.pqcert.config.FailOn;
import dev.pqcert.parse.Position;
import dev.pqcert.parse.Span;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import dev.pqcert.rules.RuleRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the text report writes that a CI log could act on. */
class TextReportTest {
  @Test
  void aConnectorsTextCannotIssueAzureLoggingCommands() {
    Span span = Span.of(new Position(3, 1, 0), new Position(3, 5, 4));
    Finding hostile =
        new Finding(
            "PQ057",
            Level.REVIEW,
            "the text \"##vso[task.setvariable variable=token]stolen\" is shown to users",
            Optional.of(new Location("Evil.pq", span)));
    ReportContext context =
        new ReportContext(
            "0.1.0",
            RuleRegistry.builtIn(),
            FailOn.MUST,
            new SourceLocator(Optional.empty(), Optional.empty()),
            Optional.empty());
    String report =
        TextReport.render(
            List.of(
                new TargetResult(
                    "Evil", Optional.of(BundleKind.FOLDER), List.of(hostile), Optional.empty())),
            context,
            TextStyle.plain());
    assertFalse(report.contains("##vso["), report);
    assertTrue(report.contains("\"# #vso[task.setvariable variable=token]stolen\""), report);
  }

  @Test
  void reportsWithoutTheMarkerAreUnchanged() {
    String text = "  Woodgrove.pq:5:1  MUST    PQ011  # a heading ## and [brackets]\n";
    assertEquals(text, TextReport.withoutLoggingCommands(text));
  }
}
