package dev.pqcert.bundle;

import static dev.pqcert.bundle.TestZips.assertInputError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pqcert.parse.Position;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TmdlReaderTest {
  private static final String FILE = "Contoso.SemanticModel/definition/tables/Orders.tmdl";

  private static TmdlReader.Queries read(String text) throws InputException {
    return TmdlReader.read(FILE, "shown/" + FILE, text);
  }

  @Test
  void readsAnMPartitionsMultiLineSourceWithoutItsIndentation() throws Exception {
    String tmdl =
        "table Orders\n"
            + "\tlineageTag: 1b2c\n"
            + "\n"
            + "\tcolumn Total\n"
            + "\t\tdataType: double\n"
            + "\t\tsourceColumn: Total\n"
            + "\n"
            + "\tpartition Orders = m\n"
            + "\t\tmode: import\n"
            + "\t\tsource =\n"
            + "\t\t\t\tlet\n"
            + "\t\t\t\t    Source = Contoso.Contents(\"https://sales.contoso.example/\"),\n"
            + "\n"
            + "\t\t\t\t    #\"Navigation 1\" = Source{[Name=\"Orders\"]}[Data]\n"
            + "\t\t\t\tin\n"
            + "\t\t\t\t    #\"Navigation 1\"\n"
            + "\n"
            + "\tannotation PBI_ResultType = Table\n";

    TmdlReader.Queries queries = read(tmdl);

    assertEquals(
        List.of(
            new ReportQuery(
                "Orders",
                FILE,
                "let\n"
                    + "    Source = Contoso.Contents(\"https://sales.contoso.example/\"),\n"
                    + "\n"
                    + "    #\"Navigation 1\" = Source{[Name=\"Orders\"]}[Data]\n"
                    + "in\n"
                    + "    #\"Navigation 1\"",
                new Position(10, 3, 127))),
        queries.partitions());
    assertEquals(List.of(), queries.expressions());
  }

  @Test
  void readsSingleLineAndFencedSourcesAndQuotedNames() throws Exception {
    String tmdl =
        "table 'Sales Regions'\r\n"
            + "\tpartition 'Sales Regions-1' = m\r\n"
            + "\t\tmode: import\r\n"
            + "\t\tsource = Contoso.Contents(\"https://a.example/\"){[Name=\"Regions\"]}[Data]\r\n"
            + "\r\n"
            + "table 'O''Brien''s'\r\n"
            + "\tpartition P = M\r\n"
            + "\t\tsource = ```\r\n"
            + "\t\t\t\tlet\r\n"
            + "\t\t\t\t    x = \"```\"\r\n"
            + "\t\t\t\tin\r\n"
            + "\t\t\t\t    x\r\n"
            + "\t\t\t\t```\r\n"
            + "\t\tmode: import\r\n";

    List<ReportQuery> partitions = read(tmdl).partitions();

    assertEquals(2, partitions.size());
    assertEquals(
        new ReportQuery(
            "Sales Regions",
            FILE,
            "Contoso.Contents(\"https://a.example/\"){[Name=\"Regions\"]}[Data]",
            new Position(4, 3, 75)),
        partitions.get(0));
    // A fence inside the M text ends the value: TMDL has no escape for it, so x is cut short.
    assertEquals("let\n    x = \"", partitions.get(1).expression());
    assertEquals("O'Brien's", partitions.get(1).name());
    assertEquals(new Position(8, 3, 191), partitions.get(1).where());
  }

  @Test
  void aFencedSourceKeepsItsLinesUntilTheClosingFence() throws Exception {
    String tmdl =
        "table T\n"
            + "\tpartition T = m\n"
            + "\t\tsource = ```\n"
            + "\t\t\tlet\n"
            + "\t\t\t  x = 1\n"
            + "\n"
            + "\t\t\tin x\n"
            + "\t\t\t```\n"
            + "\tcolumn A\n";

    assertEquals("let\n  x = 1\n\nin x", read(tmdl).partitions().get(0).expression());
  }

  @Test
  void readsExpressionsWithMetaAndMultiLineBodies() throws Exception {
    String tmdl =
        "expression ContosoUrl = \"https://sales.contoso.example/\" meta"
            + " [IsParameterQuery=true, Type=\"Text\", IsParameterQueryRequired=true]\n"
            + "\tlineageTag: 5d1e\n"
            + "\tqueryGroup: Parameters\n"
            + "\n"
            + "\tannotation PBI_ResultType = Text\n"
            + "\n"
            + "expression 'Contoso Source' =\n"
            + "\t\tlet\n"
            + "\t\t    Source = Contoso.Contents(ContosoUrl)\n"
            + "\t\tin\n"
            + "\t\t    Source\n"
            + "\tlineageTag: 77aa\n";

    TmdlReader.Queries queries = read(tmdl);

    assertEquals(
        List.of(
            new ReportQuery(
                "ContosoUrl",
                FILE,
                "\"https://sales.contoso.example/\" meta [IsParameterQuery=true, Type=\"Text\","
                    + " IsParameterQueryRequired=true]",
                new Position(1, 12, 11)),
            new ReportQuery(
                "Contoso Source",
                FILE,
                "let\n    Source = Contoso.Contents(ContosoUrl)\nin\n    Source",
                new Position(7, 12, 219))),
        queries.expressions());
    assertEquals(List.of(), queries.partitions());
  }

  @Test
  void skipsDaxPartitionsMeasuresAndTheirMultiLineBodies() throws Exception {
    String tmdl =
        "table Dates\n"
            + "\tmeasure 'Order Count' =\n"
            + "\t\t\tVAR n = COUNTROWS(Orders)\n"
            + "\t\t\texpression Fake = 1\n"
            + "\t\t\tRETURN n\n"
            + "\t\tformatString: 0\n"
            + "\tpartition Dates = calculated\n"
            + "\t\tmode: import\n"
            + "\t\tsource = CALENDAR(DATE(2020, 1, 1), DATE(2020, 12, 31))\n"
            + "\tpartition Other = entity\n"
            + "\t\tsource\n"
            + "\t\t\tentityName: Dates\n";

    TmdlReader.Queries queries = read(tmdl);

    assertEquals(List.of(), queries.partitions());
    assertEquals(List.of(), queries.expressions());
  }

  @Test
  void aSourceOutsideAnMPartitionIsNoQuery() throws Exception {
    String tmdl =
        "table A\n"
            + "\tpartition A = m\n"
            + "\t\tmode: import\n"
            + "\tsource = 1\n" // belongs to the table, not the partition
            + "ref table B\n";

    assertEquals(List.of(), read(tmdl).partitions());
  }

  @Test
  void readsIndentationBySpacesAndScripts() throws Exception {
    String tmdl =
        "createOrReplace\n"
            + "    table Customers\n"
            + "        partition Customers = m\n"
            + "            mode: import\n"
            + "            source =\n"
            + "                    Contoso.Contents(\"u\"){[Name=\"Customers\"]}[Data]\n"
            + "        column Id\n";

    List<ReportQuery> partitions = read(tmdl).partitions();

    assertEquals(1, partitions.size());
    assertEquals("Customers", partitions.get(0).name());
    assertEquals(
        "Contoso.Contents(\"u\"){[Name=\"Customers\"]}[Data]", partitions.get(0).expression());
    assertEquals(new Position(5, 13, 105), partitions.get(0).where());
  }

  @Test
  void anUnclosedFenceIsAnInputError() {
    String tmdl = "table T\n\tpartition T = m\n\t\tsource = ```\n\t\t\t\tlet x = 1 in x\n";

    assertInputError("shown/" + FILE, () -> read(tmdl), "line 3", "never closed");
  }

  @Test
  void absurdIndentationAndLengthCostLinearTime() {
    String deep = "\t".repeat(200_000);
    StringBuilder tmdl = new StringBuilder("table T\n\tpartition T = m\n\t\tsource =\n");
    for (int i = 0; i < 2_000; i++) {
      tmdl.append(deep, 0, 4 + i).append("x").append(i).append('\n');
    }
    tmdl.append(deep).append("expression E = 1\n");
    tmdl.append("expression ".repeat(100_000)).append('\n');

    TmdlReader.Queries queries =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(tmdl.toString()));

    assertEquals(1, queries.partitions().size());
    assertEquals(2_001, queries.partitions().get(0).expression().lines().count());
  }
}
