package dev.pqcert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.testing.Connectors;
import dev.pqcert.testing.Expectations;
import dev.pqcert.testing.Expectations.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src/test/resources/fixtures/<rule id>/}: a {@code .pq} file or a
 * folder is one connector; its {@code // expect:} markers must equal that rule's findings exactly.
 */
class RuleFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<Path> ruleFolders;
    try (Stream<Path> list = Files.list(FIXTURES)) {
      ruleFolders = list.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(ruleFolders.isEmpty(), "no fixtures found under " + FIXTURES.toAbsolutePath());
    return ruleFolders.stream().flatMap(RuleFixturesTest::fixturesOf);
  }

  private static Stream<DynamicTest> fixturesOf(Path ruleFolder) {
    String ruleId = ruleFolder.getFileName().toString();
    try (Stream<Path> list = Files.list(ruleFolder)) {
      List<Path> fixtures = list.sorted().toList();
      return fixtures.stream()
          .map(
              fixture ->
                  DynamicTest.dynamicTest(
                      ruleId + "/" + fixture.getFileName(), () -> check(ruleId, fixture)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void check(String ruleId, Path fixture) {
    ConnectorModel model = Connectors.model(fixture);
    List<Expected> expected =
        Connectors.expectations(model).stream().filter(e -> e.ruleId().equals(ruleId)).toList();
    List<Expected> actual =
        Expectations.actual(
            Connectors.check(model).stream().filter(f -> f.ruleId().equals(ruleId)).toList());
    assertEquals(expected, actual, "findings of " + ruleId + " in " + fixture);
  }
}
