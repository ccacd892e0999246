package dev.pqcert.report;

import dev.pqcert.check.TargetResult;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Rule;
import dev.pqcert.rules.RuleRegistry;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, the test-report format every CI server renders: one {@code <testsuite>} per target,
 * one {@code <testcase>} per rule. A rule with findings at or above the exit policy's level fails:
 * its one {@code <failure>} lists each of them, a line per finding; findings below that level are
 * listed in the test case's {@code <system-out>}; rules switched off by the configuration are
 * {@code <skipped>}; a target that cannot be read is an {@code <error>}. The rules that judge a
 * test report are test cases only for a connector checked with one.
 */
public final class JunitReport {
  private JunitReport() {}

  /** The submission rules are test cases only for a connector checked with its test report. */
  private static List<Rule> rulesFor(TargetResult target, ReportContext context) {
    return context.rules().rules().stream()
        .filter(r -> target.submission().isPresent() || !RuleRegistry.judgesTestReport(r.id()))
        .toList();
  }

  public static String render(List<TargetResult> targets, ReportContext context) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      long tests = 0;
      long failures = 0;
      long errors = 0;
      for (TargetResult target : targets) {
        tests += target.error().isPresent() ? 1 : rulesFor(target, context).size();
        failures += failing(target, context).size();
        errors += target.error().isPresent() ? 1 : 0;
      }
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "pqcert");
      xml.writeAttribute("tests", Long.toString(tests));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", Long.toString(errors));
      for (TargetResult target : targets) {
        suite(xml, target, context);
      }
      newline(xml, 0);
      xml.writeEndElement();
      newline(xml, -1);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    }
    return text.toString();
  }

  private static void suite(XMLStreamWriter xml, TargetResult target, ReportContext context)
      throws XMLStreamException {
    newline(xml, 1);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", xmlSafe(target.path()));
    if (target.error().isPresent()) {
      xml.writeAttribute("tests", "1");
      xml.writeAttribute("failures", "0");
      xml.writeAttribute("errors", "1");
      xml.writeAttribute("skipped", "0");
      newline(xml, 2);
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", xmlSafe(target.path()));
      xml.writeAttribute("name", "read the target");
      newline(xml, 3);
      xml.writeEmptyElement("error");
      xml.writeAttribute("message", xmlSafe(target.error().get()));
      xml.writeAttribute("type", "unreadable");
      newline(xml, 2);
      xml.writeEndElement();
      newline(xml, 1);
      xml.writeEndElement();
      return;
    }
    List<Rule> rules = rulesFor(target, context);
    xml.writeAttribute("tests", Integer.toString(rules.size()));
    xml.writeAttribute("failures", Integer.toString(failing(target, context).size()));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", Integer.toString(target.overrides().disabled().size()));
    for (Rule rule : rules) {
      List<Finding> findings =
          target.findings().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
      boolean skipped = target.overrides().disabled().contains(rule.id());
      newline(xml, 2);
      if (findings.isEmpty() && !skipped) {
        xml.writeEmptyElement("testcase");
        testCaseAttributes(xml, target, rule, context);
        continue;
      }
      xml.writeStartElement("testcase");
      testCaseAttributes(xml, target, rule, context);
      if (skipped) {
        newline(xml, 3);
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", "switched off in the configuration");
      }
      List<Finding> failing =
          findings.stream().filter(f -> context.failOn().fails(f.level())).toList();
      if (!failing.isEmpty()) {
        // One <failure> per test case, as the JUnit schema allows; it lists every finding.
        StringBuilder lines = new StringBuilder();
        failing.forEach(f -> lines.append(describe(f)).append('\n'));
        newline(xml, 3);
        xml.writeStartElement("failure");
        xml.writeAttribute(
            "message",
            xmlSafe(
                failing.size() == 1
                    ? failing.get(0).message()
                    : failing.size() + " findings; the first: " + failing.get(0).message()));
        xml.writeAttribute("type", failing.get(0).level().name());
        xml.writeCharacters(xmlSafe(lines.toString()));
        xml.writeEndElement();
      }
      StringBuilder below = new StringBuilder();
      findings.stream()
          .filter(f -> !context.failOn().fails(f.level()))
          .forEach(f -> below.append(describe(f)).append('\n'));
      if (below.length() > 0) {
        newline(xml, 3);
        xml.writeStartElement("system-out");
        xml.writeCharacters(xmlSafe(below.toString()));
        xml.writeEndElement();
      }
      newline(xml, 2);
      xml.writeEndElement();
    }
    newline(xml, 1);
    xml.writeEndElement();
  }

  private static void testCaseAttributes(
      XMLStreamWriter xml, TargetResult target, Rule rule, ReportContext context)
      throws XMLStreamException {
    xml.writeAttribute("classname", xmlSafe(target.path()));
    xml.writeAttribute("name", rule.id() + " " + context.title(rule.id()));
  }

  /** The rules whose test case fails: those with a finding at the failing level. */
  private static List<String> failing(TargetResult target, ReportContext context) {
    return target.findings().stream()
        .filter(f -> context.failOn().fails(f.level()))
        .map(Finding::ruleId)
        .distinct()
        .toList();
  }

  private static String describe(Finding finding) {
    String where =
        finding
            .location()
            .map(l -> l.file() + ":" + l.span().start().line() + ":" + l.span().start().column())
            .orElse("(package)");
    return String.format(
        Locale.ROOT, "%s %s %s: %s", where, finding.level(), finding.ruleId(), finding.message());
  }

  /** XML 1.0 cannot carry most control characters, even escaped: they become U+FFFD. */
  static String xmlSafe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || c >= 0x10000;
              out.appendCodePoint(allowed ? c : 0xFFFD);
            });
    return out.toString();
  }

  /** Line breaks and indentation between elements (the StAX writer writes none). */
  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters(depth < 0 ? "\n" : "\n" + "  ".repeat(depth));
  }
}
