package dev.pqcert.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryKindTest {
  @ParameterizedTest
  @CsvSource({
    "Contoso.pq, SECTION_DOCUMENT",
    "Contoso.PQ, SECTION_DOCUMENT",
    "Contoso.m, SECTION_DOCUMENT",
    "Contoso.query.pq, QUERY_DOCUMENT",
    "Contoso.Query.PQ, QUERY_DOCUMENT",
    "Helper.pqm, MODULE",
    "lib/Helper.PQM, MODULE",
    "resources.resx, RESOURCES",
    "resources.de-DE.resx, RESOURCES",
    "Contoso16.png, IMAGE",
    "Icons/Contoso.JPG, IMAGE",
    "a.jpeg, IMAGE",
    "a.gif, IMAGE",
    "a.bmp, IMAGE",
    "a.ico, IMAGE",
    "a.svg, IMAGE",
    "data.json, OTHER",
    "README, OTHER",
    "Contoso.pq.bak, OTHER",
    "Contoso.mez, OTHER"
  })
  void classifiesByNameIgnoringCase(String name, EntryKind expected) {
    assertEquals(expected, EntryKind.classify(name));
  }
}
