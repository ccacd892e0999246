package dev.pqcert.bundle;

import static dev.pqcert.bundle.PowerBiFormats.dataMashup;
import static dev.pqcert.bundle.PowerBiFormats.orderedMap;
import static dev.pqcert.bundle.PowerBiFormats.utf16le;
import static dev.pqcert.bundle.PowerBiFormats.utf8;
import static dev.pqcert.bundle.TestZips.assertInputError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pqcert.parse.Position;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates (.pbit) and .pbix reports: what is read from them, and every way they can be bad. */
class TestReportReaderTest {
  private static final String SCHEMA =
      "{\n"
          + "  \"name\": \"5f0c\",\n"
          + "  \"compatibilityLevel\": 1550,\n"
          + "  \"model\": {\n"
          + "    \"culture\": \"en-US\",\n"
          + "    \"tables\": [\n"
          + "      {\n"
          + "        \"name\": \"Customers\",\n"
          + "        \"columns\": [{\"name\": \"Id\", \"dataType\": \"string\"}],\n"
          + "        \"partitions\": [\n"
          + "          {\n"
          + "            \"name\": \"Customers-7a1\",\n"
          + "            \"mode\": \"import\",\n"
          + "            \"source\": {\n"
          + "              \"type\": \"m\",\n"
          + "              \"expression\": [\n"
          + "                \"let\",\n"
          + "                \"    Source = Contoso.Contents(\\\"https://a.example/\\\"),\",\n"
          + "                \"    Customers1 = Source{[Name=\\\"Customers\\\"]}[Data]\",\n"
          + "                \"in\",\n"
          + "                \"    Customers1\"\n"
          + "              ]\n"
          + "            }\n"
          + "          }\n"
          + "        ]\n"
          + "      },\n"
          + "      {\n"
          + "        \"partitions\": [\n"
          + "          {\"name\": \"Dates\", \"source\": {\"type\": \"calculated\","
          + " \"expression\": \"CALENDARAUTO()\"}}\n"
          + "        ],\n"
          + "        \"name\": \"Dates\"\n"
          + "      },\n"
          + "      {\n"
          + "        \"partitions\": [\n"
          + "          {\"source\": {\"expression\": \"Contoso.Contents(\\\"u\\\")\","
          + " \"type\": \"m\"}, \"name\": \"Regions-1\"}\n"
          + "        ],\n"
          + "        \"name\": \"Régions 𝄞\"\n"
          + "      }\n"
          + "    ],\n"
          + "    \"expressions\": [\n"
          + "      {\"name\": \"Url\", \"kind\": \"m\", \"expression\": \"\\\"https://a.example/\\\""
          + " meta [IsParameterQuery=true]\"},\n"
          + "      {\"name\": \"𝄞\", \"expression\": \"1\"},\n"
          + "      {\"name\": \"Other\", \"kind\": \"dax\", \"expression\": \"1\"}\n"
          + "    ]\n"
          + "  }\n"
          + "}\n";

  private static final String SECTION =
      "\uFEFFsection Section1;\r\n"
          + "\r\n"
          + "shared Customers = let\r\n"
          + "    Source = Contoso.Contents(\"https://a.example/\")\r\n"
          + "in\r\n"
          + "    Source;\r\n"
          + "\r\n"
          + "Helper = 1;\r\n"
          + "\r\n"
          + "shared #\"Query 1\" = Helper + 1;\r\n";

  @TempDir Path dir;

  private final TestReportReader reader = new TestReportReader();

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  private static byte[] pbit(byte[] schema) {
    return PowerBiFormats.zip(
        orderedMap(
            "[Content_Types].xml", utf8("<Types/>"),
            "Version", utf16le("1.28", false),
            "DataModelSchema", schema));
  }

  private static byte[] pbix(byte[] mashup) {
    return PowerBiFormats.zip(
        orderedMap(
            "Version",
            utf16le("1.28", false),
            "DataMashup",
            mashup,
            "DataModel",
            new byte[] {1, 2, 3}));
  }

  private TestReport readPbit(byte[] schema) throws Exception {
    Path file = write("Contoso.pbit", pbit(schema));
    return reader.read(file, "Contoso.pbit");
  }

  private TestReport readPbix(byte[] mashup) throws Exception {
    Path file = write("Contoso.pbix", pbix(mashup));
    return reader.read(file, "Contoso.pbix");
  }

  // ---- .pbit: DataModelSchema

  @Test
  void readsTheMPartitionsAndExpressionsOfADataModelSchema() throws Exception {
    TestReport report = readPbit(utf16le(SCHEMA, true));

    assertEquals(TestReportFormat.PBIT, report.format());
    assertEquals("Contoso.pbit", report.displayName());
    assertEquals(
        List.of(
            new ReportQuery(
                "Customers",
                "DataModelSchema",
                "let\n"
                    + "    Source = Contoso.Contents(\"https://a.example/\"),\n"
                    + "    Customers1 = Source{[Name=\"Customers\"]}[Data]\n"
                    + "in\n"
                    + "    Customers1",
                new Position(16, 29, 381)),
            new ReportQuery(
                "Régions 𝄞",
                "DataModelSchema",
                "Contoso.Contents(\"u\")",
                new Position(35, 37, 905)),
            new ReportQuery(
                "Url",
                "DataModelSchema",
                "\"https://a.example/\" meta [IsParameterQuery=true]",
                new Position(41, 50, 1091)),
            new ReportQuery("𝄞", "DataModelSchema", "1", new Position(42, 35, 1181))),
        report.queries());
    assertEquals(List.of(), report.notes());
  }

  @Test
  void readsDataModelSchemaWithoutAByteOrderMarkAndInOtherUnicodeEncodings() throws Exception {
    List<ReportQuery> expected = readPbit(utf16le(SCHEMA, true)).queries();

    assertEquals(expected, readPbit(utf16le(SCHEMA, false)).queries());
    assertEquals(expected, readPbit(SCHEMA.getBytes(StandardCharsets.UTF_8)).queries());
    assertEquals(expected, readPbit(utf8("\uFEFF" + SCHEMA)).queries());
    assertEquals(
        expected, readPbit(("\uFEFF" + SCHEMA).getBytes(StandardCharsets.UTF_16BE)).queries());
  }

  @Test
  void dataModelSchemaThatIsNotValidUnicodeIsAnInputError() throws Exception {
    byte[] odd = Arrays.copyOf(utf16le(SCHEMA, true), utf16le(SCHEMA, true).length + 1);
    assertInputError(
        "Contoso.pbit",
        () -> readPbit(odd),
        "entry 'DataModelSchema' is not valid UTF-16LE text (at byte offset");

    byte[] loneSurrogate = utf16le("{\"a\": \"x\"}", true);
    loneSurrogate[10] = 0x00;
    loneSurrogate[11] = (byte) 0xD8; // a high surrogate followed by an ASCII quote
    assertInputError(
        "Contoso.pbit",
        () -> readPbit(loneSurrogate),
        "not valid UTF-16LE text (at byte offset 10)");

    byte[] badUtf8 = utf8("{\"a\": \"\u00e9\"}");
    badUtf8[badUtf8.length - 3] = (byte) 0xFF;
    assertInputError("Contoso.pbit", () -> readPbit(badUtf8), "not valid UTF-8 text");
  }

  @Test
  void badJsonInDataModelSchemaIsAnInputError() throws Exception {
    InputException error =
        assertInputError(
            "Contoso.pbit", () -> readPbit(utf16le("{\"model\": {\"tables\": [}", true)));
    assertEquals(
        "Contoso.pbit: entry 'DataModelSchema' is not valid JSON (line 1, column 23):"
            + " Unexpected close marker '}': expected ']'",
        error.getMessage());
    assertInputError("Contoso.pbit", () -> readPbit(utf16le("[]", true)), "not a tabular model");
    assertInputError(
        "Contoso.pbit",
        () -> readPbit(utf16le("{\"model\": {}, \"model\": {}}", true)),
        "not valid JSON",
        "model");
    assertInputError(
        "Contoso.pbit",
        () -> readPbit(utf16le("{} {}", true)),
        "has unexpected content after the model (line 1, column 4)");
    String badExpression =
        "{\"model\": {\"expressions\": [{\"name\": \"A\", \"expression\": {\"x\": 1}}]}}";
    assertInputError(
        "Contoso.pbit",
        () -> readPbit(utf16le(badExpression, true)),
        "has an expression that is neither text nor a list of lines (line 1, column 56)");
    String badLine =
        "{\"model\": {\"expressions\": [{\"name\": \"A\", \"expression\": [\"a\", 2]}]}}";
    assertInputError(
        "Contoso.pbit",
        () -> readPbit(utf16le(badLine, true)),
        "has an expression line that is not text (line 1, column 62)");
  }

  @Test
  void aJsonNestingBombIsAnInputError() throws Exception {
    String bomb = "{\"model\": {\"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}}";

    assertInputError(
        "Contoso.pbit",
        () -> readPbit(utf16le(bomb, true)),
        "entry 'DataModelSchema' is nested more than 64 levels deep");
  }

  @Test
  void prefersDataModelSchemaToDataMashup() throws Exception {
    byte[] both =
        PowerBiFormats.zip(
            orderedMap(
                "DataMashup", dataMashup("section Section1; shared Old = 1;"),
                "DataModelSchema", utf16le(SCHEMA, true)));
    Path file = write("Old.pbit", both);

    TestReport report = reader.read(file, "Old.pbit");

    assertEquals(TestReportFormat.PBIT, report.format());
    assertEquals(4, report.queries().size());
  }

  @Test
  void aModelWithoutMPartitionsIsReadFromItsDataMashup() throws Exception {
    // Models of 2019 and before: partitions of type "query" name a data source; the M is only in
    // the DataMashup beside the schema.
    String legacy =
        "{\"model\": {\"tables\": [{\"name\": \"Customers\", \"partitions\": [{\"name\": \"p\","
            + " \"source\": {\"type\": \"query\", \"query\": \"select * from [Customers]\","
            + " \"dataSource\": \"d\"}}]}]}}";
    byte[] both =
        PowerBiFormats.zip(
            orderedMap(
                "DataMashup", dataMashup(SECTION), "DataModelSchema", utf16le(legacy, true)));
    Path file = write("Legacy.pbit", both);

    TestReport report = reader.read(file, "Legacy.pbit");

    assertEquals(TestReportFormat.PBIX_DATAMASHUP, report.format());
    assertEquals(
        List.of("Customers", "Query 1"), report.queries().stream().map(ReportQuery::name).toList());

    Path alone =
        write(
            "Alone.pbit", PowerBiFormats.zip(orderedMap("DataModelSchema", utf16le(legacy, true))));
    assertEquals(List.of(), reader.read(alone, "Alone.pbit").queries());
  }

  // ---- .pbix: DataMashup ([MS-QDEFF])

  @Test
  void readsTheSharedMembersOfADataMashup() throws Exception {
    TestReport report = readPbix(dataMashup(SECTION));

    assertEquals(TestReportFormat.PBIX_DATAMASHUP, report.format());
    assertEquals(
        List.of(
            new ReportQuery(
                "Customers",
                "DataMashup/Formulas/Section1.m",
                "let\r\n    Source = Contoso.Contents(\"https://a.example/\")\r\nin\r\n    Source",
                new Position(3, 8, 28)),
            new ReportQuery(
                "Query 1",
                "DataMashup/Formulas/Section1.m",
                "Helper + 1",
                new Position(10, 8, 139))),
        report.queries());
    assertEquals(List.of(), report.notes());
  }

  @Test
  void aTemplateWithOnlyADataMashupIsReadFromIt() throws Exception {
    Path file =
        write("Old.pbit", PowerBiFormats.zip(orderedMap("DataMashup", dataMashup(SECTION))));

    TestReport report = reader.read(file, "Old.pbit");

    assertEquals(TestReportFormat.PBIX_DATAMASHUP, report.format());
    assertEquals(2, report.queries().size());
  }

  @Test
  void notesASectionDocumentWithASyntaxErrorOrBadUtf8() throws Exception {
    byte[] section = utf8("section Section1;\nshared A = (;\nshared B = \"\u00e9\";\n");
    section[section.length - 4] = (byte) 0xFF;
    byte[] mashup =
        PowerBiFormats.dataMashup(
            PowerBiFormats.packageParts(section), new byte[0], new byte[0], new byte[0]);

    TestReport report = readPbix(mashup);

    assertEquals(List.of("A", "B"), report.queries().stream().map(ReportQuery::name).toList());
    assertEquals(2, report.notes().size());
    assertEquals(
        "DataMashup/Formulas/Section1.m: invalid UTF-8 at line 3, column 13 (byte offset 44)",
        report.notes().get(0));
    assertEquals(true, report.notes().get(1).startsWith("DataMashup/Formulas/Section1.m:2:"));
  }

  private static byte[] stream(long version, long... lengthsAndPadding) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * lengthsAndPadding.length + 16);
    buffer.order(ByteOrder.LITTLE_ENDIAN).putInt((int) version);
    for (long length : lengthsAndPadding) {
      buffer.putInt((int) length);
    }
    return buffer.array(); // 16 zero bytes of "content" at the end
  }

  @Test
  void aDataMashupWhoseLengthsLieIsAnInputError() throws Exception {
    assertInputError(
        "Contoso.pbix", () -> readPbix(new byte[] {0, 0}), "too short to hold the version");
    assertInputError(
        "Contoso.pbix", () -> readPbix(stream(7, 0)), "starts with version 7", "[MS-QDEFF]");
    assertInputError(
        "Contoso.pbix",
        () -> readPbix(stream(0, 0xFFFF_FFFFL)),
        "says its package parts take 4294967295 bytes, but only 16 bytes remain");
    assertInputError(
        "Contoso.pbix",
        () -> readPbix(stream(0, 0x8000_0000L)),
        "package parts take 2147483648 bytes");
    assertInputError(
        "Contoso.pbix",
        () -> readPbix(stream(0, 0, 0, 17)),
        "says its metadata take 17 bytes, but only 16 bytes remain");
    byte[] noBindingsLength = Arrays.copyOf(stream(0, 0, 0, 0), 16);
    assertInputError(
        "Contoso.pbix",
        () -> readPbix(noBindingsLength),
        "entry 'DataMashup' is damaged: it ends before the length of its permission bindings");
  }

  @Test
  void aDataMashupWithoutAZipOrSectionDocumentIsAnInputError() throws Exception {
    byte[] notAZip =
        PowerBiFormats.dataMashup(utf8("hello"), new byte[0], new byte[0], new byte[0]);
    assertInputError(
        "Contoso.pbix", () -> readPbix(notAZip), "entry 'DataMashup' holds no zip package");

    byte[] truncatedZip = Arrays.copyOf(PowerBiFormats.packageParts(utf8("section S;")), 60);
    assertInputError(
        "Contoso.pbix",
        () ->
            readPbix(
                PowerBiFormats.dataMashup(truncatedZip, new byte[0], new byte[0], new byte[0])),
        "the package inside DataMashup is a truncated or damaged zip archive");

    byte[] noSection =
        PowerBiFormats.zip(orderedMap("Formulas/Section2.m", utf8("section Section2;")));
    assertInputError(
        "Contoso.pbix",
        () -> readPbix(PowerBiFormats.dataMashup(noSection, new byte[0], new byte[0], new byte[0])),
        "holds no Formulas/Section1.m");

    byte[] traversal = PowerBiFormats.zip(orderedMap("../Section1.m", utf8("section Section1;")));
    assertInputError(
        "Contoso.pbix",
        () -> readPbix(PowerBiFormats.dataMashup(traversal, new byte[0], new byte[0], new byte[0])),
        "entry 'DataMashup/../Section1.m' has a '..' path segment");
  }

  @Test
  void aZipBombInsideTheDataMashupIsAnInputError() throws Exception {
    byte[] bomb = PowerBiFormats.packageParts(new byte[8 * 1024 * 1024]);

    assertInputError(
        "Contoso.pbix",
        () -> readPbix(PowerBiFormats.dataMashup(bomb, new byte[0], new byte[0], new byte[0])),
        "entry 'DataMashup/Formulas/Section1.m' expands to more than 100 times");
  }

  @Test
  void theNestedPackageCountsTowardsTheReportsLimits() throws Exception {
    TestReportReader small = new TestReportReader(new Limits(1 << 20, 3, 1 << 20, 400_000, 1000));
    byte[] section = utf8("section Section1; shared A = \"" + "x".repeat(300_000) + "\";");
    byte[] incompressible = new byte[200_000];
    new java.util.Random(17).nextBytes(incompressible);
    // Each alone is within the total; the outer entry and the document inside it are not.
    byte[] mashup =
        PowerBiFormats.dataMashup(
            PowerBiFormats.packageParts(section), incompressible, new byte[0], new byte[0]);
    Path file = write("Contoso.pbix", PowerBiFormats.zip(orderedMap("DataMashup", mashup)));

    assertInputError(
        "Contoso.pbix",
        () -> small.read(file, "Contoso.pbix"),
        "add up to more than",
        "DataMashup/Formulas/Section1.m");
  }

  // ---- the current .pbix, and zips that are no report

  @Test
  void aCurrentPbixGetsOneClearLine() throws Exception {
    Path file =
        write(
            "Current.pbix",
            PowerBiFormats.zip(
                orderedMap(
                    "Version", utf16le("1.28", false),
                    "DataModel", new byte[4096],
                    "Report/Layout", utf16le("{}", false))));

    InputException error =
        assertInputError(
            "Current.pbix",
            () -> reader.read(file, "Current.pbix"),
            "keeps its queries in its compressed data model, which pqcert cannot read",
            "save a copy as a template (.pbit) or as a Power BI project (.pbip)");
    assertEquals(
        "Current.pbix: this .pbix keeps its queries in its compressed data model, which pqcert"
            + " cannot read; save a copy as a template (.pbit) or as a Power BI project (.pbip)"
            + " and check that",
        error.getMessage());
  }

  @Test
  void aZipWithoutQueriesIsAnInputError() throws Exception {
    Path file = write("Empty.pbit", PowerBiFormats.zip(orderedMap("Version", utf8("1"))));

    assertInputError(
        "Empty.pbit",
        () -> reader.read(file, "Empty.pbit"),
        "holds none of DataModelSchema, DataMashup or DataModel");
  }

  @Test
  void aDamagedOrForeignFileIsAnInputError() throws Exception {
    byte[] good = pbit(utf16le(SCHEMA, true));
    Path truncated = write("Truncated.pbit", Arrays.copyOf(good, good.length - 30));
    assertInputError(
        "Truncated.pbit",
        () -> reader.read(truncated, "Truncated.pbit"),
        "truncated or damaged zip archive");
    Path text = write("Text.pbix", utf8("not a zip"));
    assertInputError(
        "Text.pbix", () -> reader.read(text, "Text.pbix"), "not a zip archive (a .pbix report");
    Path empty = write("Empty.pbit", new byte[0]);
    assertInputError("Empty.pbit", () -> reader.read(empty, "Empty.pbit"), "it is empty");
    byte[] corrupted = good.clone();
    TestZips.patchEntryData(corrupted, 2, (byte) (corrupted[0] ^ 0x55));
    Path damaged = write("Damaged.pbit", corrupted);
    assertInputError("Damaged.pbit", () -> reader.read(damaged, "Damaged.pbit"), "DataModelSchema");
  }

  @Test
  void aZipBombIsAnInputError() throws Exception {
    Path file = write("Bomb.pbit", pbit(new byte[16 * 1024 * 1024]));

    assertInputError(
        "Bomb.pbit",
        () -> reader.read(file, "Bomb.pbit"),
        "entry 'DataModelSchema' expands to more than 100 times its compressed size");
  }

  @Test
  void aHugeDeclaredSizeIsNotTrusted() throws Exception {
    byte[] zip = pbit(utf16le(SCHEMA, true));
    TestZips.patchCentralHeader(zip, 2, TestZips.CENTRAL_UNCOMPRESSED_SIZE, 4, 0xFFFF_FFF0L);
    Path file = write("Lies.pbit", zip);

    // The size a header claims is never used to allocate; the content read is what counts.
    assertEquals(4, reader.read(file, "Lies.pbit").queries().size());
  }

  @Test
  void duplicateOrEscapingEntryNamesAreInputErrors() throws Exception {
    byte[] duplicate =
        PowerBiFormats.zip(
            orderedMap(
                "DataModelSchema", utf16le(SCHEMA, true),
                "datamodelschema", utf16le(SCHEMA, true)));
    Path file = write("Twice.pbit", duplicate);
    assertInputError("Twice.pbit", () -> reader.read(file, "Twice.pbit"), "duplicate entry names");

    byte[] escaping = pbit(utf16le(SCHEMA, true));
    TestZips.renameEntry(escaping, 1, "../sion");
    Path escapes = write("Escapes.pbit", escaping);
    assertInputError(
        "Escapes.pbit", () -> reader.read(escapes, "Escapes.pbit"), "has a '..' path segment");
  }

  @Test
  void tooManyEntriesOrTooLargeAFileIsAnInputError() throws Exception {
    TestReportReader small = new TestReportReader(new Limits(4096, 2, 1 << 20, 1 << 20, 100));
    Path three = write("Three.pbit", pbit(utf16le("{}", true)));
    assertInputError("Three.pbit", () -> small.read(three, "Three.pbit"), "more than 2 entries");

    Path large = write("Large.pbix", new byte[5000]);
    assertInputError(
        "Large.pbix",
        () -> small.read(large, "Large.pbix"),
        "larger than 4 KiB, the limit on the size of a report; a template (.pbit) holds the same"
            + " queries without the data");
  }
}
