package dev.pqcert.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample reports: each committed file is exactly what {@link SampleReports} builds, and each
 * reads as the queries it was built from. With {@code -Dpqcert.updateSamples=true} the files are
 * rewritten first (review the diff).
 */
class SampleReportsTest {
  private static final String REBUILD =
      "; rebuild with: mvn -o test -Dtest=SampleReportsTest -Dpqcert.updateSamples=true";

  private final TestReportReader reader = new TestReportReader();

  @Test
  void theCommittedSamplesAreWhatTheBuilderMakes() throws Exception {
    if (Boolean.getBoolean("pqcert.updateSamples")) {
      SampleReports.write(SampleReports.SAMPLES);
    }
    Map<String, byte[]> built = SampleReports.files();
    for (Map.Entry<String, byte[]> file : built.entrySet()) {
      Path path = SampleReports.SAMPLES.resolve(file.getKey());
      assertTrue(Files.isRegularFile(path), path + " is missing" + REBUILD);
      assertArrayEquals(file.getValue(), Files.readAllBytes(path), path + " is stale" + REBUILD);
    }
    Path project = SampleReports.SAMPLES.resolve(SampleReports.PROJECT);
    try (Stream<Path> walk = Files.walk(project)) {
      List<String> onDisk =
          walk.filter(Files::isRegularFile)
              .map(p -> SampleReports.SAMPLES.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
      List<String> expected =
          built.keySet().stream()
              .filter(n -> n.startsWith(SampleReports.PROJECT + "/"))
              .sorted()
              .toList();
      assertEquals(expected, onDisk, "files the builder does not make" + REBUILD);
    }
  }

  @Test
  void buildingTwiceGivesTheSameBytes(@TempDir Path first, @TempDir Path second) throws Exception {
    SampleReports.write(first);
    SampleReports.write(second);

    for (String name : SampleReports.files().keySet()) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)));
    }
  }

  private static List<String> expectedNames(boolean withMissingItem) {
    Stream<String> tables =
        SampleReports.TABLES.stream()
            .map(SampleReports.Table::name)
            .filter(n -> withMissingItem || !n.equals(SampleReports.MISSING_ITEM));
    return Stream.concat(tables, Stream.of("ContosoUrl")).toList();
  }

  private TestReport readSample(String name) throws InputException {
    Path path = SampleReports.SAMPLES.resolve(name);
    return reader.read(path, path.toString());
  }

  @Test
  void everyGoodSampleReadsAsTheSameQueries() throws Exception {
    TestReport template = readSample("good/Contoso.pbit");
    TestReport legacy = readSample("good/Contoso-legacy.pbix");
    TestReport project = readSample(SampleReports.PROJECT + "/ContosoReport.pbip");

    assertEquals(TestReportFormat.PBIT, template.format());
    assertEquals(TestReportFormat.PBIX_DATAMASHUP, legacy.format());
    assertEquals(TestReportFormat.PBIP, project.format());
    for (TestReport report : List.of(template, legacy, project)) {
      assertEquals(expectedNames(true), names(report), report.displayName());
      assertEquals(List.of(), report.notes(), report.displayName());
      for (int i = 0; i < SampleReports.TABLES.size(); i++) {
        String expected = String.join("\n", SampleReports.TABLES.get(i).lines());
        assertEquals(
            expected,
            report.queries().get(i).expression().replace("\r\n", "\n"),
            report.displayName());
      }
      for (ReportQuery query : report.queries()) {
        assertTrue(
            DocumentParser.parse(
                    new SourceText(query.file(), query.expression()), DocumentKind.EXPRESSION)
                .ok(),
            () -> query.name() + " of " + report.displayName() + " is not valid M");
      }
    }
    assertEquals("DataModelSchema", template.queries().get(0).file());
    assertEquals("DataMashup/Formulas/Section1.m", legacy.queries().get(0).file());
    assertEquals(
        "ContosoReport.SemanticModel/definition/tables/Customers.tmdl",
        project.queries().get(0).file());
    assertEquals(
        "ContosoReport.SemanticModel/definition/expressions.tmdl", project.queries().get(4).file());
  }

  @Test
  void theBadSampleMissesOneNavigationItem() throws Exception {
    TestReport missing = readSample("bad/Contoso-missing-item.pbit");

    assertEquals(expectedNames(false), names(missing));
  }

  private static List<String> names(TestReport report) {
    return report.queries().stream().map(ReportQuery::name).toList();
  }
}
