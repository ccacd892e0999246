package dev.pqcert.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParserWarmupTest {
  @Test
  void awaitReturnsOnceTheTablesAreBuiltAndParsesThenRunAsUsual() {
    ParserWarmup.start();
    ParserWarmup.await();
    assertTrue(ParserWarmup.finished(), "await returned before the warm-up finished");
    ParseResult result =
        DocumentParser.parse(
            new SourceText("After.pq", "section After;\nshared Answer = 42;\n"), DocumentKind.AUTO);
    assertEquals(0, result.errors().size(), result.errors().toString());
  }
}
