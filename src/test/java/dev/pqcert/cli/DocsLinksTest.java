package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links to rule documents: none unless the run is told where they are published ({@code
 * --docs-url}, or {@code docsUrl} in the configuration), since the name pqcert on GitHub belongs to
 * an unrelated tool.
 */
class DocsLinksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WOODGROVE = "samples/bad/Woodgrove.mez";

  @TempDir Path temp;

  private static JsonNode driver(String sarif) throws IOException {
    return JSON.readTree(sarif).path("runs").get(0).path("tool").path("driver");
  }

  private static JsonNode rule(JsonNode driver, String id) {
    for (JsonNode rule : driver.path("rules")) {
      if (rule.path("id").asText().equals(id)) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + id + " in " + driver);
  }

  @Test
  void withoutADocsUrlNothingLinksAnywhere() throws IOException {
    CliTest.Run sarif = CliTest.run("check", "--format", "sarif", WOODGROVE);
    assertFalse(sarif.out().contains("helpUri"), sarif.out());
    assertFalse(sarif.out().contains("github.com"), sarif.out());
    // The whole document still travels in the SARIF help.
    assertTrue(
        rule(driver(sarif.out()), "PQ011")
            .path("help")
            .path("markdown")
            .asText()
            .contains("PQ011"));

    CliTest.Run markdown = CliTest.run("check", "--format", "markdown", WOODGROVE);
    assertFalse(markdown.out().contains("]("), "no Markdown link: " + markdown.out());
    assertTrue(
        markdown.out().contains("| PQ011 The section has a version adornment |"), markdown.out());
    assertTrue(markdown.out().contains("`pqcert explain`"), markdown.out());
  }

  @Test
  void theDocsUrlOptionLinksEveryRule() throws IOException {
    String url = "https://docs.example.com/connectors/pqcert/{rule}.html";
    CliTest.Run sarif = CliTest.run("check", "--docs-url", url, "--format", "sarif", WOODGROVE);
    JsonNode driver = driver(sarif.out());
    for (JsonNode rule : driver.path("rules")) {
      String id = rule.path("id").asText();
      assertEquals(
          "https://docs.example.com/connectors/pqcert/" + id + ".html",
          rule.path("helpUri").asText(),
          id);
    }
    CliTest.Run markdown =
        CliTest.run("check", "--docs-url", url, "--format", "markdown", WOODGROVE);
    assertTrue(
        markdown
            .out()
            .contains(
                "[PQ011](<https://docs.example.com/connectors/pqcert/PQ011.html>) The section"),
        markdown.out());
    assertFalse(markdown.out().contains("`pqcert explain`"), markdown.out());
  }

  @Test
  void theConfigurationNamesTheDocsUrlAndTheOptionWins() throws IOException {
    Path config =
        Files.writeString(
            temp.resolve("pqcert.yaml"), "docsUrl: https://git.example.com/pqcert/rules\n");
    CliTest.Run configured =
        CliTest.run("check", "--config", config.toString(), "--format", "sarif", WOODGROVE);
    assertEquals(
        "https://git.example.com/pqcert/rules/PQ011.md",
        rule(driver(configured.out()), "PQ011").path("helpUri").asText());

    CliTest.Run given =
        CliTest.run(
            "check",
            "--config",
            config.toString(),
            "--docs-url",
            "https://other.example.com/{rule}",
            "--format",
            "sarif",
            WOODGROVE);
    assertEquals(
        "https://other.example.com/PQ011",
        rule(driver(given.out()), "PQ011").path("helpUri").asText());
  }

  @Test
  void aBadDocsUrlIsAUsageErrorOfOneLine() throws IOException {
    CliTest.Run option = CliTest.run("check", "--docs-url", "docs/rules", WOODGROVE);
    assertEquals(2, option.exit());
    assertEquals("pqcert: --docs-url docs/rules: not an http or https URL", option.err().strip());

    Path config =
        Files.writeString(temp.resolve("pqcert.json"), "{\n  \"docsUrl\": \"ftp://x/\"\n}\n");
    CliTest.Run file = CliTest.run("check", "--config", config.toString(), WOODGROVE);
    assertEquals(2, file.exit());
    assertEquals(
        "pqcert: " + config + ":2:14: 'ftp://x/' is not a valid docsUrl: not an http or https URL",
        file.err().strip());
  }
}
