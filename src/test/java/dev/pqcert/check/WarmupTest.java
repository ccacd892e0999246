package dev.pqcert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.BundleReader;
import dev.pqcert.config.Config;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Warmup keeps what it read in static state: each test reads ahead a target of its own folder.
class WarmupTest {
  private static final String CONNECTOR =
      "[Version = \"1.0.0\"]\nsection Warmed;\n[DataSource.Kind = \"Warmed\", Publish = \"P\"]\n"
          + "shared Warmed.Contents = (url as text) => Web.Contents(url);\n"
          + "Warmed = [Authentication = [Anonymous = []]];\n"
          + "P = [Beta = true, Category = \"Other\"];\n";

  @Test
  void theWarmUpsRulesAreTheBuiltInRules() {
    Warmup.start(Optional.empty());
    RuleRegistry warmed = Warmup.rules();
    RuleRegistry built = RuleRegistry.builtIn();
    assertEquals(built.ids(), warmed.ids());
    assertEquals(built.entries(), warmed.entries());
    // Asked again, the same registry: the warm-up runs once.
    assertEquals(warmed, Warmup.rules());
  }

  @Test
  void theFirstTargetIsReadAheadAndUsedOnceForThatPathOnly(@TempDir Path folder)
      throws IOException {
    Path connector = write(folder.resolve("Warmed.pq"));
    Warmup.start(Optional.of(connector));
    Warmup.rules();
    assertEquals(Optional.empty(), Warmup.modelReadAhead(folder.resolve("Other.pq").toString()));
    Optional<ConnectorModel> ahead = Warmup.modelReadAhead(connector.toString());
    assertTrue(ahead.isPresent());
    assertEquals(connector.toString(), ahead.get().bundle().displayName());
    assertEquals(Optional.empty(), Warmup.modelReadAhead(connector.toString())); // taken once
  }

  @Test
  void aCheckOfTheTargetReadAheadFindsWhatACheckWithoutItFinds(@TempDir Path folder)
      throws IOException {
    Path connector = write(folder.resolve("Warmed.pq"));
    RuleRegistry rules = RuleRegistry.builtIn();
    TargetResult cold =
        new Checker(new BundleReader(), rules, path -> false).check(connector, Config.DEFAULTS);
    Warmup.start(Optional.of(connector));
    RuleRegistry warmedRules = Warmup.rules();
    assertTrue(Warmup.holdsModel(connector.toString()));
    TargetResult warmed =
        new Checker(new BundleReader(), warmedRules, path -> false)
            .check(connector, Config.DEFAULTS);
    assertFalse(Warmup.holdsModel(connector.toString())); // the check took it
    assertTrue(!cold.findings().isEmpty());
    assertEquals(cold.findings(), warmed.findings());
    assertEquals(cold.kind(), warmed.kind());
  }

  @Test
  void aFolderOfConnectorsIsReadAheadAsItsFirstConnector(@TempDir Path folder) throws IOException {
    Path first = Files.createDirectories(folder.resolve("a/Warmed"));
    write(first.resolve("Warmed.pq"));
    write(Files.createDirectories(folder.resolve("b/Warmed")).resolve("Warmed.pq"));
    Warmup.start(Optional.of(folder));
    Warmup.rules();
    assertTrue(Warmup.modelReadAhead(first.toString()).isPresent());
  }

  @Test
  void aTargetThatCannotBeReadIsLeftToTheCheck(@TempDir Path folder) {
    Path missing = folder.resolve("Missing.mez");
    Warmup.start(Optional.of(missing));
    assertEquals(RuleRegistry.builtIn().ids(), Warmup.rules().ids());
    assertEquals(Optional.empty(), Warmup.modelReadAhead(missing.toString()));
    TargetResult result =
        new Checker(new BundleReader(), Warmup.rules(), path -> false)
            .check(missing, Config.DEFAULTS);
    assertTrue(result.error().isPresent());
  }

  private static Path write(Path file) throws IOException {
    return Files.writeString(file, CONNECTOR, StandardCharsets.UTF_8);
  }
}
