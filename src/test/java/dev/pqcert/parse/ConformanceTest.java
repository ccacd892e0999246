package dev.pqcert.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The grammar conformance suite: every production and operator has a positive case, and the known
 * traps have negative ones. Each must parse (or fail) as marked, with no internal error.
 */
class ConformanceTest {
  @TestFactory
  Stream<DynamicTest> cases() {
    List<ConformanceCases.Case> cases = ConformanceCases.load();
    assertTrue(cases.size() > 200, "the suite should not shrink unnoticed: " + cases.size());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c)));
  }

  private static void run(ConformanceCases.Case c) {
    ParseResult result = DocumentParser.parse(new SourceText("case.m", c.text()), c.kind());
    if (c.ok()) {
      assertTrue(result.ok(), () -> c + " -> " + result.errors());
    } else {
      assertFalse(result.ok(), () -> c + " parsed, but must be rejected");
      for (SyntaxError error : result.errors()) {
        assertFalse(error.message().isBlank(), c.toString());
      }
    }
  }
}
