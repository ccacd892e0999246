package dev.pqcert.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a test report's queries call and reach, read with our parser. */
class ReportFactsTest {
  private static final Set<String> EXPORTS = Set.of("Contoso.Contents");

  private static ReportFacts read(String... namesAndQueries) {
    Map<String, String> queries = new LinkedHashMap<>();
    for (int i = 0; i < namesAndQueries.length; i += 2) {
      queries.put(namesAndQueries[i], namesAndQueries[i + 1]);
    }
    return ReportFacts.read(ReportFacts.inMemory("Contoso.pbit", queries), EXPORTS);
  }

  private static List<String> paths(ReportFacts facts) {
    return facts.reached().stream().map(r -> r.query() + ": " + r.describe()).toList();
  }

  @Test
  void callsWithConstantArgumentsThroughParametersAndAliases() {
    ReportFacts facts =
        read(
            "Url", "\"https://x.example/\" meta [IsParameterQuery = true]",
            "Q", "let Fn = Contoso.Contents, S = Fn(Url & \"v2\", [Timeout = 3]) in S");
    assertEquals(1, facts.calls().size());
    assertEquals("Q", facts.calls().get(0).query());
    assertEquals(
        List.of("\"https://x.example/v2\"", "[Timeout = 3]"), facts.calls().get(0).arguments());
  }

  @Test
  void navigationStepsAtEachLevelKeepOnlyTheLongestPathOfAQuery() {
    ReportFacts facts =
        read(
            "Q",
            "let Source = Contoso.Contents(), #\"Navigation 1\" = Source{[Name = \"db\"]}[Data],"
                + " #\"Navigation 2\" = #\"Navigation 1\"{[Name = \"Sales\", Kind = \"Table\"]}[Data]"
                + " in #\"Navigation 2\"");
    assertEquals(
        List.of("Q: {[Name = \"db\"]} > {[Name = \"Sales\", Kind = \"Table\"]}"), paths(facts));
  }

  @Test
  void filtersPositionsAndSharedQueries() {
    ReportFacts facts =
        read(
            "Source", "Contoso.Contents()",
            "A", "Table.SelectRows(Source, (r) => \"Airlines\" = r[Name]){0}[Data]",
            "B", "Source{2}[Data]");
    assertEquals(List.of("A: [Name] = \"Airlines\"", "B: {2}"), paths(facts));
    assertEquals(List.of("Source"), facts.calls().stream().map(c -> c.query()).toList());
  }

  @Test
  void otherConnectorsAndFunctionsTheReportDefines() {
    ReportFacts facts =
        read(
            "Get", "(name) => Contoso.Contents(){[Name = name]}[Data]",
            "A", "Get(\"Airlines\")",
            "B", "Contoso2.Contents(){[Name = \"Airports\"]}[Data]");
    assertEquals(List.of("A: {[Name = \"Airlines\"]}"), paths(facts));
    assertEquals(Set.of("Contoso2.Contents"), facts.otherFunctions());
  }

  @Test
  void aQueryThatDoesNotParseIsANoteAndTheRestIsRead() {
    ReportFacts facts = read("Bad", "let S = Contoso.Contents( in S", "Good", "Contoso.Contents()");
    assertEquals(1, facts.notes().size());
    assertTrue(facts.notes().get(0).startsWith("query 'Bad' in Bad.m does not parse"));
    assertTrue(facts.calls().stream().anyMatch(c -> c.query().equals("Good")));
  }

  @Test
  void selfReferenceAndDeepNestingEndQuietly() {
    StringBuilder deep = new StringBuilder("Contoso.Contents()");
    for (int i = 0; i < 500; i++) {
      deep.insert(0, "Table.Buffer(").append(")");
    }
    ReportFacts facts = read("Loop", "let a = b, b = a in a", "Deep", deep.toString());
    assertEquals(List.of(), facts.reached());
  }
}
