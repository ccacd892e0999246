package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.BundleEntry;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.InputException;
import dev.pqcert.config.Config;
import dev.pqcert.config.ConfigException;
import dev.pqcert.config.ConfigLoader;
import dev.pqcert.config.FailOn;
import dev.pqcert.rules.CheckSettings;
import dev.pqcert.rules.RuleDoc;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingInputsTest {
  @Test
  void everyRulesExamplesAreWrittenAsTheyAreLaidOut(@TempDir Path folder) throws IOException {
    List<String> written = TrainingInputs.ruleExamples(folder);
    // Every rule documents a bad and a good example (RuleDocsTest): each is written, in rule order,
    // as one .pq file or as a folder of the files it names.
    List<String> expected = new ArrayList<>();
    for (String id : RuleRegistry.builtIn().ids()) {
      expected.add(id + "-bad");
      expected.add(id + "-good");
    }
    List<String> names = new ArrayList<>();
    for (String path : written) {
      Path example = Path.of(path);
      assertEquals(folder, example.getParent(), path);
      String name = example.getFileName().toString();
      if (Files.isDirectory(example)) {
        // (empty when every file it names is described, not written: a re-encoded one, say)
        assertTrue(names(example).stream().allMatch(n -> !n.endsWith(".png")), path);
        names.add(name);
      } else {
        assertTrue(name.endsWith(".pq") && Files.isRegularFile(example), path);
        names.add(name.substring(0, name.length() - ".pq".length()));
      }
    }
    assertEquals(expected, names);
    // A folder example holds the text files its `// file:` lines name, not the images they describe
    // (PQ031's bad example names Contoso.pq and icons of the wrong sizes).
    Path icons = folder.resolve("PQ031-bad");
    assertTrue(RuleDoc.load("PQ031").example("Bad example").orElseThrow().contains("(PNG "));
    assertTrue(names(icons).contains("Contoso.pq"), names(icons).toString());
    assertTrue(names(icons).stream().noneMatch(n -> n.endsWith(".png")), names(icons).toString());
  }

  @Test
  void theConnectorIsCopiedWithEachKindOfProjectFileAndReadThroughIt(@TempDir Path folder)
      throws IOException, InputException {
    Path sample = Path.of("samples/good/Contoso");
    List<String> written = TrainingInputs.projects(folder, sample);
    assertEquals(
        List.of(
            folder.resolve("mproj/Contoso").toString(), folder.resolve("proj/Contoso").toString()),
        written);
    Set<String> original = entries(new BundleReader().read(sample));
    for (String copy : written) {
      Bundle bundle = new BundleReader().read(Path.of(copy));
      String project = "Contoso." + Path.of(copy).getParent().getFileName();
      assertEquals(Optional.of(project), bundle.layout().projectFile(), copy);
      assertTrue(entries(bundle).containsAll(Set.of("Contoso.pq", "resources.resx")), copy);
      assertTrue(original.containsAll(entries(bundle)), copy);
    }
  }

  @Test
  void eachCopyIsUnderAConfigurationFileThatTheCheckFindsAndAccepts(@TempDir Path folder)
      throws IOException, ConfigException {
    // (A folder of its own with .git: the search for a configuration file stops there.)
    Files.createDirectories(folder.resolve(".git"));
    List<String> written = TrainingInputs.projects(folder, Path.of("samples/good/Contoso"));
    ConfigLoader loader = new ConfigLoader(RuleRegistry.builtIn().ids());
    Path json = ConfigLoader.discover(Path.of(written.get(0))).orElseThrow();
    assertEquals(folder.resolve("mproj/pqcert.json"), json);
    Config fromJson = loader.load(json);
    assertEquals(Optional.of(CheckSettings.Release.UPDATE), fromJson.release());
    assertEquals(Set.of("Sync"), fromJson.functionNames());
    Path yaml = ConfigLoader.discover(Path.of(written.get(1))).orElseThrow();
    assertEquals(folder.resolve("proj/pqcert.yaml"), yaml);
    assertEquals(Optional.of(FailOn.SHOULD), loader.load(yaml).failOn());
  }

  private static Set<String> entries(Bundle bundle) {
    return bundle.entries().stream().map(BundleEntry::name).collect(Collectors.toSet());
  }

  private static List<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
