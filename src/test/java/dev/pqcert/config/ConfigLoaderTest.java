package dev.pqcert.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.rules.CheckSettings;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pqcert.json / pqcert.yaml: every setting read, every mistake located. */
class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader(RuleRegistry.builtIn().ids());

  @TempDir Path temp;

  private Config json(String text) throws ConfigException {
    return loader.parse("pqcert.json", text, false, Optional.empty());
  }

  private String error(String text, boolean yaml) {
    return assertThrows(
            ConfigException.class,
            () -> loader.parse(yaml ? "pqcert.yaml" : "pqcert.json", text, yaml, Optional.empty()))
        .getMessage();
  }

  @Test
  void readsEverySetting() throws ConfigException {
    Config config =
        json(
            """
            {
              "release": "update",
              "failOn": "should",
              "rules": { "PQ013": "off", "PQ021": "MUST" },
              "ignore": { "*.pqm": ["PQ059"], "vendor/*.pqm": ["*"] },
              "functionNames": ["Sync"]
            }
            """);
    assertEquals(Optional.of(CheckSettings.Release.UPDATE), config.release());
    assertEquals(Optional.of(FailOn.SHOULD), config.failOn());
    assertFalse(config.enabled("PQ013"));
    assertTrue(config.enabled("PQ011"));
    assertEquals(Optional.of(Level.MUST), config.level("PQ021"));
    assertEquals(Optional.empty(), config.level("PQ011"));
    assertTrue(config.ignored("Diagnostics.pqm", "PQ059"));
    assertFalse(config.ignored("Diagnostics.pqm", "PQ053"));
    assertFalse(config.ignored("Contoso.pq", "PQ059"));
    assertTrue(config.ignored("vendor/Table.pqm", "PQ001"));
    assertTrue(Config.matches("**/*.pq", "Contoso.pq"), "**/ also matches at the top");
    assertTrue(Config.matches("**/*.pq", "sub/Contoso.pq"));
    assertFalse(Config.matches("vendor/*.pqm", "Table.pqm"));
    assertEquals(Set.of("Sync"), config.settings().extraFunctionNames());
  }

  @Test
  void yamlReadsTheSameSettings() throws ConfigException {
    Config config =
        loader.parse(
            "pqcert.yaml",
            """
            # adopted on an existing connector
            release: update
            rules:
              PQ013: off
            """,
            true,
            Optional.empty());
    assertFalse(config.enabled("PQ013"));
    assertEquals(Optional.of(CheckSettings.Release.UPDATE), config.release());
  }

  @Test
  void mistakesNameTheirLineAndColumn() {
    assertEquals(
        "pqcert.json:3:5: unknown rule id 'PQ0l3' (ids look like PQ013); 'pqcert rules' lists them",
        error("{\n  \"rules\": {\n    \"PQ0l3\": \"off\"\n  }\n}", false));
    assertEquals(
        "pqcert.json:1:3: unknown key 'rule'; known keys: release, failOn, rules, ignore,"
            + " functionNames, docsUrl",
        error("{ \"rule\": {} }", false));
    assertEquals(
        "pqcert.json:1:21: 'sometimes' is not a valid setting for PQ013; use one of must, off,"
            + " on, review, should",
        error("{\"rules\":{\"PQ013\":  \"sometimes\"}}", false));
    assertTrue(
        error("{\"ignore\":{\"*.pqm\":[\"PQ999\"]}}", false)
            .startsWith("pqcert.json:1:21: unknown rule id 'PQ999'"));
    assertTrue(error("{\"release\":\"initial\",\"release\":\"update\"}", false).contains("twice"));
    assertTrue(error("{\"rules\": [", false).startsWith("pqcert.json:1:"));
    assertTrue(
        error("rules:\n  PQ999: off\n", true).startsWith("pqcert.yaml:2:3: unknown rule id"));
    assertTrue(error("[1, 2]", false).contains("must be an object"));
    assertTrue(error("{\"functionNames\": \"Sync\"}", false).contains("must be a list"));
  }

  @Test
  void discoveryFindsTheNearestFileUpToTheRepositoryRoot() throws IOException, ConfigException {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path bin = Files.createDirectories(repo.resolve("bin/AnyCPU/Debug"));
    Path mez = Files.writeString(bin.resolve("Contoso.mez"), "");
    assertEquals(Optional.empty(), ConfigLoader.discover(mez));
    Files.writeString(repo.resolve("pqcert.yaml"), "release: update\n");
    assertEquals(
        repo.resolve("pqcert.yaml").toAbsolutePath(),
        ConfigLoader.discover(mez).orElseThrow().toAbsolutePath());
    Files.writeString(bin.resolve("pqcert.json"), "{}");
    assertEquals(
        bin.resolve("pqcert.json").toAbsolutePath(),
        ConfigLoader.discover(mez).orElseThrow().toAbsolutePath());
    Files.writeString(bin.resolve("pqcert.yml"), "");
    assertThrows(ConfigException.class, () -> ConfigLoader.discover(mez));
    // A parent of the repository is never consulted.
    Files.writeString(temp.resolve("pqcert.json"), "{}");
    Path other = Files.createDirectories(repo.resolve("other"));
    Files.delete(repo.resolve("pqcert.yaml"));
    assertEquals(Optional.empty(), ConfigLoader.discover(other));
  }

  @Test
  void withoutARepositoryDiscoveryNeverLooksAboveTheHomeFolder()
      throws IOException, ConfigException {
    Path home = Files.createDirectories(temp.resolve("home/user"));
    Path bin = Files.createDirectories(home.resolve("Contoso/bin"));
    Path mez = Files.writeString(bin.resolve("Contoso.mez"), "");
    Path above = Files.writeString(temp.resolve("home/pqcert.json"), "{}");
    Set<Path> homes = Set.of(home.toAbsolutePath().normalize());
    assertEquals(Optional.empty(), ConfigLoader.discover(mez, homes));
    // The stop is live: without it the walk reaches the unrelated file.
    assertEquals(
        above.toAbsolutePath(),
        ConfigLoader.discover(mez, Set.of()).orElseThrow().toAbsolutePath());

    // The home folder itself is still looked in, and a file below it is still found first.
    Path inHome = Files.writeString(home.resolve("pqcert.yaml"), "release: update\n");
    assertEquals(
        inHome.toAbsolutePath(), ConfigLoader.discover(mez, homes).orElseThrow().toAbsolutePath());
    Path inProject = Files.writeString(home.resolve("Contoso/pqcert.json"), "{}");
    assertEquals(
        inProject.toAbsolutePath(),
        ConfigLoader.discover(mez, homes).orElseThrow().toAbsolutePath());

    // A repository root below the home folder stops the walk first, as before.
    Files.delete(inProject);
    Files.createDirectories(home.resolve("Contoso/.git"));
    assertEquals(Optional.empty(), ConfigLoader.discover(mez, homes));

    // Targets outside the home folder are not affected by it.
    Path elsewhere = Files.createDirectories(temp.resolve("home/shared/Contoso"));
    assertEquals(
        above.toAbsolutePath(),
        ConfigLoader.discover(elsewhere, homes).orElseThrow().toAbsolutePath());
  }

  @Test
  void oversizedFilesAreRefused() throws IOException {
    Path big =
        Files.writeString(temp.resolve("pqcert.json"), " ".repeat(ConfigLoader.MAX_BYTES + 1));
    assertTrue(
        assertThrows(ConfigException.class, () -> loader.load(big)).getMessage().contains("1 MiB"));
  }
}
