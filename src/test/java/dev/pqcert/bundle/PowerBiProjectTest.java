package dev.pqcert.bundle;

import static dev.pqcert.bundle.TestZips.assertInputError;
import static dev.pqcert.bundle.TestZips.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.parse.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerBiProjectTest {
  private static final String PBIP =
      "{\n  \"version\": \"1.0\",\n  \"artifacts\": [\n    {\n      \"report\": {\n"
          + "        \"path\": \"Sales.Report\"\n      }\n    }\n  ]\n}\n";
  private static final String PBIR =
      "{\n  \"version\": \"4.0\",\n  \"datasetReference\": {\n    \"byPath\": {\n"
          + "      \"path\": \"../Sales.SemanticModel\"\n    }\n  }\n}\n";
  private static final String ORDERS_TMDL =
      "table Orders\n"
          + "\tpartition Orders = m\n"
          + "\t\tmode: import\n"
          + "\t\tsource =\n"
          + "\t\t\t\tlet\n"
          + "\t\t\t\t    Source = Contoso.Contents(SalesUrl)\n"
          + "\t\t\t\tin\n"
          + "\t\t\t\t    Source{[Name=\"Orders\"]}[Data]\n";
  private static final String EXPRESSIONS_TMDL =
      "expression SalesUrl = \"https://sales.contoso.example/\" meta [IsParameterQuery=true]\n"
          + "\tlineageTag: 1\n";
  private static final String MODEL_BIM =
      "\uFEFF{\n"
          + "  \"name\": \"Sales\",\n"
          + "  \"model\": {\n"
          + "    \"tables\": [\n"
          + "      {\n"
          + "        \"name\": \"Orders\",\n"
          + "        \"partitions\": [\n"
          + "          {\n"
          + "            \"name\": \"Orders-1\",\n"
          + "            \"source\": {\n"
          + "              \"type\": \"m\",\n"
          + "              \"expression\": [\"let\", \"  S = 1\", \"in\", \"  S\"]\n"
          + "            }\n"
          + "          }\n"
          + "        ]\n"
          + "      }\n"
          + "    ]\n"
          + "  }\n"
          + "}\n";

  @TempDir Path dir;

  private final TestReportReader reader = new TestReportReader();

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A project folder {@code Sales/} with a TMDL semantic model; returns the .pbip. */
  private Path tmdlProject() {
    Path root = dir.resolve("Sales");
    write(root.resolve("Sales.pbip"), PBIP);
    write(root.resolve("Sales.Report/definition.pbir"), PBIR);
    write(root.resolve("Sales.SemanticModel/definition.pbism"), "{\"version\": \"4.0\"}");
    Path definition = root.resolve("Sales.SemanticModel/definition");
    write(definition.resolve("model.tmdl"), "model Model\n\tculture: en-US\n\nref table Orders\n");
    write(definition.resolve("expressions.tmdl"), EXPRESSIONS_TMDL);
    write(definition.resolve("tables/Orders.tmdl"), ORDERS_TMDL);
    return root.resolve("Sales.pbip");
  }

  @Test
  void readsTheTmdlModelAPbipPointsTo() throws Exception {
    Path pbip = tmdlProject();

    TestReport report = reader.read(pbip, "given/Sales.pbip");

    assertEquals(TestReportFormat.PBIP, report.format());
    assertEquals(pbip, report.origin());
    assertEquals("given/Sales.pbip", report.displayName());
    assertEquals(
        List.of(
            new ReportQuery(
                "Orders",
                "Sales.SemanticModel/definition/tables/Orders.tmdl",
                "let\n"
                    + "    Source = Contoso.Contents(SalesUrl)\n"
                    + "in\n"
                    + "    Source{[Name=\"Orders\"]}[Data]",
                new Position(4, 3, 52)),
            new ReportQuery(
                "SalesUrl",
                "Sales.SemanticModel/definition/expressions.tmdl",
                "\"https://sales.contoso.example/\" meta [IsParameterQuery=true]",
                new Position(1, 12, 11))),
        report.queries());
    assertEquals(List.of(), report.notes());
  }

  @Test
  void readsASemanticModelFolderGivenAlone() throws Exception {
    Path model = tmdlProject().resolveSibling("Sales.SemanticModel");

    TestReport report = reader.read(model, "given/Sales.SemanticModel/");

    assertEquals("given/Sales.SemanticModel", report.displayName());
    assertEquals(
        List.of(
            "Sales.SemanticModel/definition/tables/Orders.tmdl",
            "Sales.SemanticModel/definition/expressions.tmdl"),
        report.queries().stream().map(ReportQuery::file).toList());
  }

  @Test
  void readsAModelBim() throws Exception {
    Path pbip = tmdlProject();
    Path model = pbip.resolveSibling("Sales.SemanticModel");
    deleteTree(model.resolve("definition"));
    write(model.resolve("model.bim"), MODEL_BIM);

    TestReport report = reader.read(pbip, pbip.toString());

    assertEquals(
        List.of(
            new ReportQuery(
                "Orders",
                "Sales.SemanticModel/model.bim",
                "let\n  S = 1\nin\n  S",
                new Position(12, 29, 231))),
        report.queries());
  }

  @Test
  void prefersTmdlOverAModelBimAndSaysSo() throws Exception {
    Path pbip = tmdlProject();
    write(pbip.resolveSibling("Sales.SemanticModel/model.bim"), MODEL_BIM);

    TestReport report = reader.read(pbip, pbip.toString());

    assertEquals(2, report.queries().size());
    assertEquals(
        List.of(
            "Sales.SemanticModel holds both definition/ (TMDL) and model.bim; the TMDL was read"),
        report.notes());
  }

  @Test
  void notesTextThatIsNotValidUtf8() throws Exception {
    Path pbip = tmdlProject();
    Path orders = pbip.resolveSibling("Sales.SemanticModel/definition/tables/Orders.tmdl");
    byte[] bytes = Files.readAllBytes(orders);
    bytes[bytes.length - 3] = (byte) 0xFF;
    Files.write(orders, bytes);

    TestReport report = reader.read(pbip, pbip.toString());

    assertEquals(
        List.of(
            "Sales.SemanticModel/definition/tables/Orders.tmdl: invalid UTF-8 at line 8,"
                + " column 36 (byte offset "
                + (bytes.length - 3)
                + ")"),
        report.notes());
  }

  @Test
  void recognisesReportsByNameAndLayout() throws Exception {
    Path pbip = tmdlProject();
    Path oldModel = Files.createDirectories(dir.resolve("Old.Dataset"));
    Path notAModel = Files.createDirectories(dir.resolve("Contoso.Dataset"));
    write(oldModel.resolve("definition.pbidataset"), "{}");

    assertTrue(TestReportReader.isTestReport(pbip));
    assertTrue(TestReportReader.isTestReport(pbip.resolveSibling("Sales.SemanticModel")));
    assertTrue(TestReportReader.isTestReport(oldModel));
    assertTrue(TestReportReader.isTestReport(dir.resolve("missing.PBIT")));
    assertTrue(TestReportReader.isTestReport(dir.resolve("Report.pbix")));
    assertFalse(TestReportReader.isTestReport(notAModel));
    assertFalse(TestReportReader.isTestReport(pbip.getParent()));
    assertFalse(TestReportReader.isTestReport(dir.resolve("Contoso.mez")));
    assertFalse(TestReportReader.isTestReport(pbip.resolveSibling("Sales.Report")));
  }

  @Test
  void refusesPointersOutOfTheProjectFolder() throws Exception {
    Path pbip = tmdlProject();
    write(dir.resolve("Elsewhere.Report/definition.pbir"), PBIR);

    for (String path : List.of("../Elsewhere.Report", "/etc", "C:\\\\Windows", "a/../../x")) {
      write(pbip, PBIP.replace("Sales.Report", path));
      assertInputError(
          pbip.toString(),
          () -> reader.read(pbip, pbip.toString()),
          "is outside the folder that holds it");
    }
    write(pbip, PBIP);
    Path pbir = pbip.resolveSibling("Sales.Report/definition.pbir");
    write(pbir, PBIR.replace("../Sales.SemanticModel", "../../Sales.SemanticModel"));
    assertInputError(
        pbir.toString(),
        () -> reader.read(pbip, pbip.toString()),
        "semantic model folder '../../Sales.SemanticModel' is outside");
  }

  @Test
  void refusesALinkOutOfTheProjectFolder() throws Exception {
    Path pbip = tmdlProject();
    Path model = pbip.resolveSibling("Sales.SemanticModel");
    Path outside = Files.move(model, dir.resolve("Outside.SemanticModel"));
    try {
      Files.createSymbolicLink(model, outside);
    } catch (UnsupportedOperationException | IOException e) {
      // Shown as skipped, not passed: Windows without the privilege to make links.
      org.junit.jupiter.api.Assumptions.abort("cannot create a symbolic link here: " + e);
    }

    assertInputError(
        pbip.resolveSibling("Sales.Report/definition.pbir").toString(),
        () -> reader.read(pbip, pbip.toString()),
        "is outside the folder that holds it");
  }

  @Test
  void brokenPointersAreInputErrors() throws Exception {
    Path pbip = tmdlProject();
    Path pbir = pbip.resolveSibling("Sales.Report/definition.pbir");

    write(pbip, "{\"artifacts\": []}");
    assertInputError(pbip.toString(), () -> reader.read(pbip, pbip.toString()), "no report");
    write(pbip, "{\"artifacts\": [");
    assertInputError(pbip.toString(), () -> reader.read(pbip, pbip.toString()), "not valid JSON");
    write(pbip, "[1]");
    assertInputError(pbip.toString(), () -> reader.read(pbip, pbip.toString()), "JSON object");
    write(pbip, PBIP.replace("Sales.Report", "Missing.Report"));
    assertInputError(pbip.toString(), () -> reader.read(pbip, pbip.toString()), "is missing");
    write(pbip, PBIP.replace("Sales.Report", "Sales\\u0000.Report"));
    assertInputError(
        pbip.toString(), () -> reader.read(pbip, pbip.toString()), "is not a valid path here");
    write(pbip, PBIP);
    write(pbir, "{\"datasetReference\": {\"byConnection\": {\"connectionString\": \"x\"}}}");
    assertInputError(pbir.toString(), () -> reader.read(pbip, pbip.toString()), "Power BI service");
    write(pbir, "{}");
    assertInputError(pbir.toString(), () -> reader.read(pbip, pbip.toString()), "no semantic");
    write(pbir, PBIR);
    deleteTree(pbip.resolveSibling("Sales.SemanticModel/definition"));
    assertInputError(
        pbip.resolveSibling("Sales.SemanticModel").toString(),
        () -> reader.read(pbip, pbip.toString()),
        "neither a definition folder");
  }

  @Test
  void aTmdlFileOverTheSizeLimitIsAnInputError() throws Exception {
    Path pbip = tmdlProject();
    TestReportReader small = new TestReportReader(new Limits(1 << 20, 100, 1000, 1 << 20, 100));
    write(
        pbip.resolveSibling("Sales.SemanticModel/definition/tables/Big.tmdl"),
        "table Big\n" + "\t/// padding\n".repeat(100));

    assertInputError(
        pbip.toString(),
        () -> small.read(pbip, pbip.toString()),
        "'Sales.SemanticModel/definition/tables/Big.tmdl' is larger than 1000 bytes");
  }

  @Test
  void tooManyTmdlFilesIsAnInputError() throws Exception {
    Path pbip = tmdlProject();
    TestReportReader small = new TestReportReader(new Limits(1 << 20, 5, 1 << 20, 1 << 20, 100));
    for (int i = 0; i < 5; i++) {
      write(pbip.resolveSibling("Sales.SemanticModel/definition/tables/T" + i + ".tmdl"), "");
    }

    assertInputError(pbip.toString(), () -> small.read(pbip, pbip.toString()), "more than 5");
  }

  @Test
  void aMissingOrUnsupportedPathIsAnInputError() throws Exception {
    assertInputError(
        "x.pbip", () -> reader.read(dir.resolve("x.pbip"), "x.pbip"), "no such file or folder");
    Path other = Files.write(dir.resolve("notes.txt"), utf8("hi"));
    assertInputError("notes.txt", () -> reader.read(other, "notes.txt"), "unsupported file type");
    assertInputError("d", () -> reader.read(dir, "d"), "is a folder");
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
