package dev.pqcert.bundle;

import static dev.pqcert.bundle.PowerBiFormats.orderedMap;
import static dev.pqcert.bundle.PowerBiFormats.utf16le;
import static dev.pqcert.bundle.PowerBiFormats.utf8;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the sample test reports for the good sample connector ({@code samples/good/Contoso}, whose
 * navigation table has Customers, Orders, Products and Regions) from the published formats, never
 * from files made elsewhere:
 *
 * <ul>
 *   <li>{@code good/Contoso.pbit}: a template, {@code DataModelSchema} as UTF-16LE JSON with a byte
 *       order mark, one table per navigation item plus a text parameter;
 *   <li>{@code good/Contoso-legacy.pbix}: an older report, the same queries as a section document
 *       in a {@code DataMashup} entry ([MS-QDEFF]);
 *   <li>{@code good/ContosoReport/}: a Power BI project, the same model as TMDL;
 *   <li>{@code bad/Contoso-missing-item.pbit}: the template without the Regions table, so one
 *       navigation item goes untested.
 * </ul>
 *
 * <p>Each holds what pqcert reads and what names its format ({@code [Content_Types].xml}, {@code
 * Version}, a project's pointer files), not the layout, settings and diagram files Power BI Desktop
 * also writes: they are test inputs, not reports to open. Zip entries carry one fixed time, so the
 * bytes are the same on every run. {@code SampleReportsTest} checks the committed files against
 * this builder; {@link #main} rewrites them.
 */
final class SampleReports {
  static final Path SAMPLES = Path.of("samples");

  static final String PROJECT = "good/ContosoReport";

  static final String URL = "https://sales.contoso.example/";

  private static final String PARAMETER = "ContosoUrl";

  private static final String PARAMETER_EXPRESSION =
      "\"" + URL + "\" meta [IsParameterQuery=true, Type=\"Text\", IsParameterQueryRequired=true]";

  /** A table of the report: its name, its M lines, its columns (name and data type). */
  record Table(String name, List<String> lines, Map<String, String> columns) {}

  /** The tables the navigator would give for the good sample, in the editor's style. */
  static final List<Table> TABLES =
      List.of(
          new Table(
              "Customers",
              List.of(
                  "let",
                  "    Source = Contoso.Contents(\"" + URL + "\"),",
                  "    Customers1 = Source{[Name=\"Customers\"]}[Data]",
                  "in",
                  "    Customers1"),
              columns("CustomerId", "string", "Name", "string")),
          new Table(
              "Orders",
              List.of(
                  "let",
                  "    Source = Contoso.Contents(\"" + URL + "\"),",
                  "    #\"Navigation 1\" = Source{[Name = \"Orders\"]}[Data],",
                  "    #\"Changed Type\" = Table.TransformColumnTypes(#\"Navigation 1\","
                      + " {{\"Total\", type number}})",
                  "in",
                  "    #\"Changed Type\""),
              columns("OrderId", "string", "Total", "double")),
          new Table(
              "Products",
              List.of(
                  "let",
                  "    Source = Contoso.Contents(\"" + URL + "\"),",
                  "    Navigation = Source{[Name=\"Products\"]}[Data],",
                  "    #\"Filtered Rows\" = Table.SelectRows(Navigation, each [UnitPrice] > 0)",
                  "in",
                  "    #\"Filtered Rows\""),
              columns("ProductId", "string", "UnitPrice", "double")),
          new Table(
              "Regions",
              List.of(
                  "let",
                  "    Source = Contoso.Contents(" + PARAMETER + "),",
                  "    #\"Navigation 1\" = Source{[Name=\"Regions\"]}[Data]",
                  "in",
                  "    #\"Navigation 1\""),
              columns("RegionCode", "string", "Name", "string")));

  /** The item the bad sample leaves out. */
  static final String MISSING_ITEM = "Regions";

  private SampleReports() {}

  private static Map<String, String> columns(String... namesAndTypes) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
    }
    return columns;
  }

  /** Every sample report file, by its path under {@code samples/} with '/', and its bytes. */
  static Map<String, byte[]> files() {
    List<Table> missingOne = TABLES.stream().filter(t -> !t.name().equals(MISSING_ITEM)).toList();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("good/Contoso.pbit", template(TABLES));
    files.put("good/Contoso-legacy.pbix", legacyReport(TABLES));
    project(TABLES).forEach((name, bytes) -> files.put(PROJECT + "/" + name, bytes));
    files.put("bad/Contoso-missing-item.pbit", template(missingOne));
    return files;
  }

  // ---- .pbit

  private static byte[] template(List<Table> tables) {
    return PowerBiFormats.zip(
        orderedMap(
            "[Content_Types].xml", utf8(contentTypes("DataModelSchema")),
            "Version", utf16le("1.28", false),
            "DataModelSchema", utf16le(dataModelSchema(tables), true)));
  }

  private static String contentTypes(String queriesEntry) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types"
        + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override"
        + " PartName=\"/Version\" ContentType=\"\" /><Override PartName=\"/"
        + queriesEntry
        + "\" ContentType=\"\" /></Types>";
  }

  /** The model as TMSL JSON: tables with their columns and M partition, then the parameter. */
  static String dataModelSchema(List<Table> tables) {
    List<Object> tableObjects = new ArrayList<>();
    for (Table table : tables) {
      List<Object> columnObjects = new ArrayList<>();
      table
          .columns()
          .forEach(
              (name, type) ->
                  columnObjects.add(object("name", name, "dataType", type, "sourceColumn", name)));
      tableObjects.add(
          object(
              "name",
              table.name(),
              "columns",
              columnObjects,
              "partitions",
              List.of(
                  object(
                      "name",
                      table.name(),
                      "mode",
                      "import",
                      "source",
                      object("type", "m", "expression", table.lines())))));
    }
    Map<String, Object> schema =
        object(
            "name",
            "Contoso",
            "compatibilityLevel",
            1550,
            "model",
            object(
                "culture",
                "en-US",
                "defaultPowerBIDataSourceVersion",
                "powerBI_V3",
                "tables",
                tableObjects,
                "expressions",
                List.of(
                    object("name", PARAMETER, "kind", "m", "expression", PARAMETER_EXPRESSION))));
    return json(schema) + "\n";
  }

  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  /** Indented JSON with LF line ends on every platform. */
  private static String json(Object value) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- older .pbix

  private static byte[] legacyReport(List<Table> tables) {
    return PowerBiFormats.zip(
        orderedMap(
            "[Content_Types].xml", utf8(contentTypes("DataMashup")),
            "Version", utf16le("1.28", false),
            "DataMashup", PowerBiFormats.dataMashup(section(tables))));
  }

  /** The section document as the query editor keeps it: a byte order mark, CRLF line ends. */
  static String section(List<Table> tables) {
    StringBuilder section = new StringBuilder("\uFEFFsection Section1;\r\n");
    for (Table table : tables) {
      section.append("\r\nshared ").append(table.name()).append(" = ");
      section.append(String.join("\r\n", table.lines())).append(";\r\n");
    }
    section.append("\r\nshared ").append(PARAMETER).append(" = ");
    section.append(PARAMETER_EXPRESSION).append(";\r\n");
    return section.toString();
  }

  // ---- Power BI project

  /** The project's files by path inside its folder. */
  private static Map<String, byte[]> project(List<Table> tables) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "ContosoReport.pbip",
        utf8(
            json(
                    object(
                        "version",
                        "1.0",
                        "artifacts",
                        List.of(object("report", object("path", "ContosoReport.Report")))))
                + "\n"));
    files.put(
        "ContosoReport.Report/definition.pbir",
        utf8(
            json(
                    object(
                        "version",
                        "4.0",
                        "datasetReference",
                        object("byPath", object("path", "../ContosoReport.SemanticModel"))))
                + "\n"));
    String model = "ContosoReport.SemanticModel/";
    files.put(model + "definition.pbism", utf8(json(object("version", "4.0")) + "\n"));
    files.put(model + "definition/database.tmdl", tmdl("database", "\tcompatibilityLevel: 1550"));
    List<String> modelLines = new ArrayList<>(List.of("model Model", "\tculture: en-US", ""));
    tables.forEach(table -> modelLines.add("ref table " + table.name()));
    files.put(model + "definition/model.tmdl", tmdl(modelLines.toArray(String[]::new)));
    files.put(
        model + "definition/expressions.tmdl",
        tmdl(
            "expression " + PARAMETER + " = " + PARAMETER_EXPRESSION,
            "\tqueryGroup: Parameters",
            "",
            "\tannotation PBI_ResultType = Text"));
    for (Table table : tables) {
      List<String> lines = new ArrayList<>(List.of("table " + table.name(), ""));
      table
          .columns()
          .forEach(
              (name, type) ->
                  lines.addAll(
                      List.of(
                          "\tcolumn " + name,
                          "\t\tdataType: " + type,
                          "\t\tsourceColumn: " + name,
                          "")));
      lines.addAll(List.of("\tpartition " + table.name() + " = m", "\t\tmode: import"));
      lines.add("\t\tsource =");
      table.lines().forEach(line -> lines.add("\t\t\t\t" + line));
      lines.addAll(List.of("", "\tannotation PBI_ResultType = Table"));
      files.put(model + "definition/tables/" + table.name() + ".tmdl", tmdl(lines));
    }
    return files;
  }

  /** TMDL text with CRLF line ends, as a Windows editor leaves it. */
  private static byte[] tmdl(String... lines) {
    return tmdl(List.of(lines));
  }

  private static byte[] tmdl(List<String> lines) {
    return utf8(String.join("\r\n", lines) + "\r\n");
  }

  /** Rewrites the sample reports under {@code samples/} (run from the repository root). */
  public static void main(String[] args) throws IOException {
    write(SAMPLES);
  }

  /** Writes every sample report under {@code root}, replacing the project folder whole. */
  static void write(Path root) throws IOException {
    Path project = root.resolve(PROJECT);
    if (Files.isDirectory(project)) {
      try (var walk = Files.walk(project)) {
        for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, byte[]> file : files().entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.write(path, file.getValue());
    }
  }
}
