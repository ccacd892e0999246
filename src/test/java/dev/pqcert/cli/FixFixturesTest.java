package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.SourceText;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every fix fixture under {@code src/test/resources/fixes/<rule id>/} through {@code pqcert
 * check --fix} on a copy. {@code <case>.pq} with {@code <case>.fixed.pq} beside it: the copy
 * becomes the fixed file byte for byte, the rule's fixable finding is gone, no finding appears that
 * was not there before, the file still parses, and a second {@code --fix} changes nothing; {@code
 * --diff} shows the change and changes nothing. {@code <case>.pq} alone: the rule reports it,
 * offers no fix, and {@code --fix} leaves the file as it is. A folder {@code <case>/} is a
 * connector folder checked as a whole (for fixes that edit several files): with {@code
 * <case>.fixed/} beside it, the copy becomes that folder file for file; alone, it is left as it is.
 */
class FixFixturesTest {
  private static final Path FIXES = Path.of("src/test/resources/fixes");
  private static final String FIXED = ".fixed.pq";
  private static final String FIXED_FOLDER = ".fixed";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  /** One finding as the JSON report gives it: rule and message, and whether it has a fix. */
  private record Seen(String rule, String message, boolean fixable) {}

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> folders = Files.list(FIXES)) {
      for (Path folder : folders.sorted().toList()) {
        String rule = folder.getFileName().toString();
        try (Stream<Path> files = Files.list(folder)) {
          for (Path fixture : files.sorted().toList()) {
            String name = fixture.getFileName().toString();
            if (name.endsWith(FIXED) || name.endsWith(FIXED_FOLDER)) {
              continue;
            }
            if (Files.isDirectory(fixture)) {
              Path fixedFolder = fixture.resolveSibling(name + FIXED_FOLDER);
              tests.add(
                  DynamicTest.dynamicTest(
                      rule + "/" + name + "/",
                      () -> {
                        if (Files.isDirectory(fixedFolder)) {
                          fixesFolder(rule, fixture, fixedFolder);
                        } else {
                          offersNoFixInFolder(rule, fixture);
                        }
                      }));
              continue;
            }
            Path fixed =
                fixture.resolveSibling(name.substring(0, name.length() - ".pq".length()) + FIXED);
            tests.add(
                DynamicTest.dynamicTest(
                    rule + "/" + name,
                    () -> {
                      if (Files.exists(fixed)) {
                        fixes(rule, fixture, fixed);
                      } else {
                        offersNoFix(rule, fixture);
                      }
                    }));
          }
        }
      }
    }
    return tests.stream();
  }

  @Test
  void everyFixedFileHasItsFixtureAndEveryFolderIsARule() throws IOException {
    List<String> rules = RuleRegistry.builtIn().ids().stream().toList();
    try (Stream<Path> walk = Files.walk(FIXES)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        String name = path.getFileName().toString();
        assertTrue(rules.contains(FIXES.relativize(path).getName(0).toString()), path.toString());
        if (FIXES.relativize(path).getNameCount() > 2) {
          Path folder = FIXES.resolve(FIXES.relativize(path).subpath(0, 2));
          String folderName = folder.getFileName().toString();
          if (folderName.endsWith(FIXED_FOLDER)) {
            Path fixture =
                folder.resolveSibling(
                    folderName.substring(0, folderName.length() - FIXED_FOLDER.length()));
            assertTrue(Files.isDirectory(fixture), folder + " has no " + fixture.getFileName());
          }
          continue;
        }
        if (name.endsWith(FIXED)) {
          Path fixture =
              path.resolveSibling(name.substring(0, name.length() - FIXED.length()) + ".pq");
          assertTrue(Files.exists(fixture), path + " has no " + fixture.getFileName());
        }
      }
    }
  }

  @Test
  void pqcertExplainShowsTheFixOfExactlyTheRulesThatHaveFixtures() throws IOException {
    List<String> withFixtures;
    try (Stream<Path> folders = Files.list(FIXES)) {
      withFixtures = folders.map(f -> f.getFileName().toString()).sorted().toList();
    }
    List<String> declared = new ArrayList<>();
    for (String rule : RuleRegistry.builtIn().ids()) {
      CliTest.Run explain = CliTest.run("explain", rule);
      assertEquals(0, explain.exit(), explain.err());
      if (explain.out().lines().anyMatch(l -> l.startsWith("Fix: `pqcert check --fix` "))) {
        declared.add(rule);
      }
    }
    assertEquals(withFixtures, declared, "rules whose document declares a fix");
  }

  private Path copy(Path fixture) throws IOException {
    Path folder = Files.createTempDirectory(temp, "fix");
    return Files.copy(fixture, folder.resolve(fixture.getFileName().toString()));
  }

  private void fixes(String rule, Path fixture, Path fixed) throws IOException {
    Path file = copy(fixture);
    byte[] original = Files.readAllBytes(file);
    CliTest.Run plain = CliTest.run("check", "--format", "json", file.toString());
    List<Seen> before = findings(plain);
    assertTrue(
        before.stream().anyMatch(f -> f.rule().equals(rule) && f.fixable()),
        fixture + ": no fixable " + rule + " finding in " + before);

    CliTest.Run diff = CliTest.run("check", "--diff", file.toString());
    assertArrayEquals(original, Files.readAllBytes(file), "--diff changes nothing");
    assertEquals(plain.exit(), diff.exit(), "--diff exits as without it: " + diff.err());
    assertTrue(diff.out().startsWith("--- a/"), "a unified diff: " + diff.out());

    CliTest.Run fix = CliTest.run("check", "--fix", "--format", "json", file.toString());
    assertArrayEquals(
        Files.readAllBytes(fixed),
        Files.readAllBytes(file),
        fixture + " after --fix, as " + fixed.getFileName() + ":\n" + fix.err());
    assertTrue(fix.err().contains(": fixed "), fix.err());
    List<Seen> after = findings(fix);
    assertFalse(
        after.stream().anyMatch(f -> f.rule().equals(rule) && f.fixable()),
        "the fixed finding is gone: " + after);
    // By rule: a message may name a line or an option that the fix moved or renamed.
    List<String> left = new ArrayList<>(before.stream().map(Seen::rule).toList());
    for (Seen finding : after) {
      assertTrue(
          left.remove(finding.rule()), "a finding --fix brought: " + finding + " in " + after);
    }
    assertTrue(parses(file), file + " still parses");

    CliTest.Run again = CliTest.run("check", "--fix", file.toString());
    assertArrayEquals(Files.readAllBytes(fixed), Files.readAllBytes(file), "a second --fix");
    assertTrue(again.err().contains("--fix: nothing to fix"), again.err());
  }

  /** The files of a folder, by their path in it, with their bytes. */
  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            folder.relativize(file).toString().replace('\\', '/'),
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  private Path copyFolder(Path fixture) throws IOException {
    Path folder = Files.createTempDirectory(temp, "fix").resolve(fixture.getFileName().toString());
    try (Stream<Path> walk = Files.walk(fixture)) {
      for (Path path : walk.toList()) {
        Files.copy(path, folder.resolve(fixture.relativize(path).toString()));
      }
    }
    return folder;
  }

  private void fixesFolder(String rule, Path fixture, Path fixed) throws IOException {
    Path folder = copyFolder(fixture);
    Map<String, String> original = contents(folder);
    CliTest.Run plain = CliTest.run("check", "--format", "json", folder.toString());
    List<Seen> before = findings(plain);
    assertTrue(
        before.stream().anyMatch(f -> f.rule().equals(rule) && f.fixable()),
        fixture + ": no fixable " + rule + " finding in " + before);

    CliTest.Run diff = CliTest.run("check", "--diff", folder.toString());
    assertEquals(original, contents(folder), "--diff changes nothing");
    assertEquals(plain.exit(), diff.exit(), "--diff exits as without it: " + diff.err());

    CliTest.Run fix = CliTest.run("check", "--fix", "--format", "json", folder.toString());
    assertEquals(contents(fixed), contents(folder), fixture + " after --fix:\n" + fix.err());
    List<Seen> after = findings(fix);
    assertFalse(
        after.stream().anyMatch(f -> f.rule().equals(rule) && f.fixable()),
        "the fixed finding is gone: " + after);
    List<String> left = new ArrayList<>(before.stream().map(Seen::rule).toList());
    for (Seen finding : after) {
      assertTrue(
          left.remove(finding.rule()), "a finding --fix brought: " + finding + " in " + after);
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".pq")).toList()) {
        assertTrue(parses(file), file + " still parses");
      }
    }
    CliTest.Run again = CliTest.run("check", "--fix", folder.toString());
    assertEquals(contents(fixed), contents(folder), "a second --fix");
    assertTrue(again.err().contains("--fix: nothing to fix"), again.err());
  }

  private void offersNoFixInFolder(String rule, Path fixture) throws IOException {
    Path folder = copyFolder(fixture);
    Map<String, String> original = contents(folder);
    List<Seen> before = findings(CliTest.run("check", "--format", "json", folder.toString()));
    assertTrue(
        before.stream().anyMatch(f -> f.rule().equals(rule)),
        fixture + ": no " + rule + " finding");
    assertFalse(
        before.stream().anyMatch(f -> f.rule().equals(rule) && f.fixable()),
        fixture + ": offers a fix it should not: " + before);
    CliTest.run("check", "--fix", folder.toString());
    assertEquals(original, contents(folder), "--fix changes nothing");
  }

  private void offersNoFix(String rule, Path fixture) throws IOException {
    Path file = copy(fixture);
    byte[] original = Files.readAllBytes(file);
    List<Seen> before = findings(CliTest.run("check", "--format", "json", file.toString()));
    assertTrue(
        before.stream().anyMatch(f -> f.rule().equals(rule)),
        fixture + ": no " + rule + " finding");
    assertFalse(
        before.stream().anyMatch(f -> f.rule().equals(rule) && f.fixable()),
        fixture + ": offers a fix it should not: " + before);
    CliTest.run("check", "--fix", file.toString());
    assertArrayEquals(original, Files.readAllBytes(file), "--fix changes nothing");
  }

  private static List<Seen> findings(CliTest.Run run) {
    try {
      JsonNode root = JSON.readTree(run.out());
      List<Seen> seen = new ArrayList<>();
      for (JsonNode finding : root.path("targets").get(0).path("findings")) {
        seen.add(
            new Seen(
                finding.get("rule").asText(), finding.get("message").asText(), finding.has("fix")));
      }
      return seen;
    } catch (IOException e) {
      throw new UncheckedIOException(run.err(), e);
    }
  }

  private static boolean parses(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF ? 3 : 0;
    String text = new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8);
    return DocumentParser.parse(new SourceText(file.toString(), text), DocumentKind.AUTO).ok();
  }
}
