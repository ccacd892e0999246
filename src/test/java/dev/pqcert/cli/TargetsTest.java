package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pqcert.check.Targets;
import dev.pqcert.cli.CliTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command line's paths stand for: a repository root stands for the connectors below it, each
 * its own target; a folder with none, a module or a test query alone is one line and exit 2; a
 * single .pq leaves out the rules that judge package contents and says so.
 */
class TargetsTest {
  @TempDir Path temp;

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String section(String name) {
    return "[Version = \"1.0.0\"]\r\nsection "
        + name
        + ";\r\n\r\nshared "
        + name
        + ".Contents = () => 1;\r\n";
  }

  /** A repository with two connectors, and folders that hold none or must not be searched. */
  private Path repository() throws IOException {
    Path repo = temp.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    write(repo.resolve("README.md"), "# connectors");
    write(repo.resolve("src/Contoso/Contoso.pq"), section("Contoso"));
    write(repo.resolve("src/Contoso/Contoso.query.pq"), "Contoso.Contents()");
    // Part of the Contoso project, not a connector of its own.
    write(repo.resolve("src/Contoso/tests/ContosoTests.pq"), section("ContosoTests"));
    write(repo.resolve("Fabrikam/Fabrikam.pq"), section("Fabrikam"));
    write(repo.resolve("bin/Debug/Stale/Stale.pq"), section("Stale"));
    write(repo.resolve("obj/MEZ/Stale.pq"), section("Stale"));
    write(repo.resolve("node_modules/pkg/Pkg.pq"), section("Pkg"));
    write(repo.resolve(".vscode/Settings.pq"), section("Settings"));
    write(repo.resolve("queries/Sales.query.pq"), "1");
    write(repo.resolve("matlab/solve.m"), "function x = solve(a)\n  x = a \\ 1;\nend\n");
    return repo;
  }

  @Test
  void aRepositoryRootChecksEachConnectorBelowItAsItsOwnTarget() throws IOException {
    Path repo = repository();

    Run run = CliTest.run("check", "--format", "json", repo.toString());

    JsonNode root = new ObjectMapper().readTree(run.out());
    List<String> paths = new ArrayList<>();
    root.path("targets").forEach(t -> paths.add(t.path("path").asText()));
    assertEquals(
        List.of(
            repo.resolve("Fabrikam").toString(), repo.resolve("src").resolve("Contoso").toString()),
        paths,
        run.err());
    root.path("targets").forEach(t -> assertEquals("folder", t.path("kind").asText()));
    assertEquals(2, root.path("summary").path("targets").asInt());
  }

  @Test
  void eachFoundConnectorUsesTheConfigurationNearestToIt() throws IOException {
    Path repo = repository();
    write(repo.resolve("pqcert.json"), "{ \"rules\": { \"PQ012\": \"off\" } }");
    write(repo.resolve("src/Contoso/pqcert.json"), "{ \"rules\": { \"PQ013\": \"off\" } }");

    Run run = CliTest.run("check", "--format", "json", repo.toString());

    JsonNode targets = new ObjectMapper().readTree(run.out()).path("targets");
    assertEquals(
        repo.resolve("pqcert.json").toString(),
        targets.get(0).path("configuration").asText(),
        run.out());
    assertEquals(
        repo.resolve("src/Contoso/pqcert.json").toString(),
        targets.get(1).path("configuration").asText());
    assertEquals("PQ012", targets.get(0).path("disabledRules").get(0).asText());
    assertEquals("PQ013", targets.get(1).path("disabledRules").get(0).asText());
  }

  @Test
  void aFolderWithNoConnectorIsOneLineAndExitTwo() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Path bin = temp.resolve("Contoso/bin");
    Files.createDirectories(bin.resolve("AnyCPU/Debug"));
    Files.write(bin.resolve("AnyCPU/Debug/Contoso.mez"), new byte[] {'P', 'K', 5, 6});
    Path modules = temp.resolve("modules");
    write(modules.resolve("Helpers.pqm"), "[]");

    for (Path folder : List.of(empty, bin, modules)) {
      Run run = CliTest.run("check", folder.toString());

      assertEquals(2, run.exit(), run.err());
      List<String> lines = run.err().strip().lines().toList();
      assertEquals(List.of("pqcert: " + folder + ": no connector found"), lines);
    }
  }

  @Test
  void aModuleOrATestQueryAloneIsOneLineNamingTheFolderToCheck() throws IOException {
    Path folder = temp.resolve("Contoso");
    write(folder.resolve("Contoso.pq"), section("Contoso"));
    Path module = write(folder.resolve("Helpers.pqm"), "[ Answer = 42 ]");
    Path query = write(folder.resolve("Contoso.query.pq"), "Contoso.Contents()");

    Run moduleRun = CliTest.run("check", module.toString());
    Run queryRun = CliTest.run("check", query.toString());

    assertEquals(2, moduleRun.exit());
    assertEquals(
        "pqcert: "
            + module
            + ": a .pqm module is part of a connector, not one; check the folder that holds the"
            + " connector: pqcert check "
            + folder,
        moduleRun.err().lines().findFirst().orElseThrow());
    assertEquals(2, queryRun.exit());
    assertTrue(
        queryRun.err().startsWith("pqcert: " + query + ": a test query file (*.query.pq), not the"),
        queryRun.err());
    for (Run run : List.of(moduleRun, queryRun)) {
      assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
  }

  @Test
  void aSinglePqLeavesOutThePackageRulesAndSaysSoOnce() throws IOException {
    Path folder = temp.resolve("Contoso");
    Path pq =
        write(
            folder.resolve("Contoso.pq"),
            "[Version = \"1.0.0\"]\r\nsection Contoso;\r\n\r\n"
                + "Helpers = Expression.Evaluate(Text.FromBinary(Extension.Contents(\"Helpers.pqm\")),"
                + " #shared);\r\n"
                + "shared Contoso.Contents = () => Extension.LoadString(\"Label\");\r\n");
    write(folder.resolve("Helpers.pqm"), "[ Answer = 42 ]");

    Run single = CliTest.run("check", "--format", "json", pq.toString());
    Run whole = CliTest.run("check", "--format", "json", folder.toString());

    List<String> singleRules = rules(single.out());
    assertFalse(singleRules.contains("PQ103") || singleRules.contains("PQ034"), single.out());
    List<String> lines = single.err().strip().lines().toList();
    assertEquals(
        "pqcert: "
            + pq
            + ": left out PQ031, PQ033, PQ034, PQ035, PQ056, PQ101, PQ102, PQ103, which judge the"
            + " files of the package (resources, bundled files, icons) that a single file cannot"
            + " show; check its folder for them",
        lines.get(0));
    assertEquals(2, lines.size(), single.err()); // the note, then the summary
    // The folder is one connector: Helpers.pqm is there, resources.resx is missing.
    List<String> wholeRules = rules(whole.out());
    assertFalse(wholeRules.contains("PQ103"), whole.out());
    assertTrue(wholeRules.contains("PQ034"), whole.out());
    assertFalse(whole.err().contains("left out"), whole.err());
  }

  private static List<String> rules(String json) throws IOException {
    List<String> rules = new ArrayList<>();
    new ObjectMapper()
        .readTree(json)
        .path("targets")
        .forEach(t -> t.path("findings").forEach(f -> rules.add(f.path("rule").asText())));
    return rules;
  }

  @Test
  void foundConnectorsArePathsAsFoundBelowThePathGiven() {
    // Relative to the working directory, the checkout's root, as a user at a prompt writes it.
    List<Targets.Target> targets = Targets.expand(List.of(Path.of("./samples")));

    assertEquals(
        List.of(
            "samples/bad/Fabrikam",
            "samples/bad/Litware",
            "samples/bad/Woodgrove",
            "samples/good/Contoso"),
        targets.stream().map(t -> t.path().toString().replace('\\', '/')).toList());
    targets.forEach(t -> assertEquals(Optional.empty(), t.problem()));
  }

  @Test
  void aFolderReadThroughItsProjectReportsFilesWhereTheyAreAndSaysWhatItNoticed()
      throws IOException {
    Path folder = temp.resolve("Contoso");
    write(folder.resolve("Contoso.pq"), section("Contoso"));
    write(folder.resolve("lib/Broken.pqm"), "[ a = ]");
    write(
        folder.resolve("Contoso.proj"),
        "<Project><ItemGroup>"
            + "<MezContent Include=\"Contoso.pq;lib\\*.pqm;Contoso16.png\" />"
            + "</ItemGroup><Target Name=\"BuildMez\">"
            + "<Copy SourceFiles=\"@(MezContent)\" DestinationFolder=\"obj\\MEZ\" />"
            + "</Target></Project>");
    write(folder.resolve("Contoso16.png"), "png");

    Run run = CliTest.run("check", "--format", "json", folder.toString());

    JsonNode findings =
        new ObjectMapper().readTree(run.out()).path("targets").get(0).path("findings");
    List<String> files = new ArrayList<>();
    findings.forEach(f -> files.add(f.path("file").asText()));
    assertTrue(files.contains("lib/Broken.pqm"), run.out());
    assertFalse(files.contains("Broken.pqm"), run.out());

    // The configuration ignores by the file's path in the folder, as the report shows it.
    write(folder.resolve("pqcert.json"), "{ \"ignore\": { \"lib/*.pqm\": [\"PQ001\"] } }");
    Run ignored = CliTest.run("check", "--format", "json", folder.toString());
    assertEquals(
        "", ignored.err().lines().filter(l -> l.startsWith("pqcert:")).findFirst().orElse(""));
    assertTrue(ignored.out().contains("\"targets\""), ignored.out());
    assertFalse(ignored.out().contains("\"lib/Broken.pqm\""), ignored.out());
  }
}
