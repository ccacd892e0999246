package dev.pqcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.check.RuleOverrides;
import dev.pqcert.check.TargetResult;
import dev.pqcert.config.FailOn;
import dev.pqcert.parse.Position;
import dev.pqcert.parse.Span;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import dev.pqcert.rules.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML: a test case per rule per target, a failure per finding at the failing level. */
class JunitReportTest {
  private static final RuleRegistry RULES = RuleRegistry.builtIn();

  private static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Finding finding(String rule, Level level, String message, int line) {
    Span span = Span.of(new Position(line, 1, 0), new Position(line, 5, 0));
    return new Finding(rule, level, message, Optional.of(new Location("Contoso.pq", span)));
  }

  @Test
  void failuresFollowTheExitPolicyAndEverythingIsWellFormed() throws Exception {
    TargetResult target =
        new TargetResult(
            "Contoso.mez",
            Optional.of(BundleKind.MEZ),
            List.of(
                finding("PQ013", Level.MUST, "no <TestConnection> & \"quotes\"", 3),
                finding("PQ013", Level.MUST, "second kind with a \u0000 NUL", 9),
                finding("PQ021", Level.SHOULD, "no caption", 4)),
            Optional.empty(),
            List.of(),
            List.of(),
            new RuleOverrides(Optional.empty(), List.of("PQ015"), new TreeMap<>()),
            List.of());
    TargetResult unreadable = TargetResult.unreadable("Broken.mez", "not a zip archive");
    ReportContext context =
        new ReportContext(
            "0.1.0",
            RULES,
            FailOn.MUST,
            new SourceLocator(Optional.empty(), Optional.empty()),
            Optional.empty());
    Document doc = xml(JunitReport.render(List.of(target, unreadable), context));

    Element suites = doc.getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    // Without a test report, the submission rules are no test cases.
    long judged =
        RULES.rules().stream().filter(r -> !RuleRegistry.judgesTestReport(r.id())).count();
    assertEquals(String.valueOf(judged + 1), suites.getAttribute("tests"));
    assertEquals("1", suites.getAttribute("failures"), "failed test cases, not findings");
    assertEquals("1", suites.getAttribute("errors"));

    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(judged, cases.getLength());
    assertEquals("1", suite.getAttribute("skipped"));
    Element testConnection = testCase(cases, "PQ013");
    NodeList failures = testConnection.getElementsByTagName("failure");
    assertEquals(1, failures.getLength(), "one failure per test case, listing every finding");
    Element failure = (Element) failures.item(0);
    assertEquals(
        "2 findings; the first: no <TestConnection> & \"quotes\"", failure.getAttribute("message"));
    assertEquals("MUST", failure.getAttribute("type"));
    List<String> lines = failure.getTextContent().lines().toList();
    assertEquals(2, lines.size(), failure.getTextContent());
    assertTrue(lines.get(0).startsWith("Contoso.pq:3:1 MUST PQ013: no <TestConnection>"));
    assertTrue(lines.get(1).contains("with a \uFFFD NUL"), lines.get(1));
    Element caption = testCase(cases, "PQ021");
    assertEquals(0, caption.getElementsByTagName("failure").getLength());
    assertTrue(
        caption.getElementsByTagName("system-out").item(0).getTextContent().contains("no caption"));
    assertEquals(1, testCase(cases, "PQ015").getElementsByTagName("skipped").getLength());

    Element broken = (Element) doc.getElementsByTagName("testsuite").item(1);
    assertEquals(
        "not a zip archive",
        ((Element) broken.getElementsByTagName("error").item(0)).getAttribute("message"));

    // With --fail-on should, the SHOULD finding fails too.
    ReportContext strict =
        new ReportContext(
            "0.1.0",
            RULES,
            FailOn.SHOULD,
            new SourceLocator(Optional.empty(), Optional.empty()),
            Optional.empty());
    Document strictDoc = xml(JunitReport.render(List.of(target), strict));
    assertEquals("2", strictDoc.getDocumentElement().getAttribute("failures"));
  }

  private static Element testCase(NodeList cases, String ruleId) {
    for (int i = 0; i < cases.getLength(); i++) {
      Element element = (Element) cases.item(i);
      if (element.getAttribute("name").startsWith(ruleId + " ")) {
        return element;
      }
    }
    throw new AssertionError("no test case for " + ruleId);
  }
}
