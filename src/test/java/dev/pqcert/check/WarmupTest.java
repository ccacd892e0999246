package dev.pqcert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pqcert.rules.RuleRegistry;
import org.junit.jupiter.api.Test;

class WarmupTest {
  @Test
  void theWarmUpsRulesAreTheBuiltInRules() {
    Warmup.start();
    RuleRegistry warmed = Warmup.rules();
    RuleRegistry built = RuleRegistry.builtIn();
    assertEquals(built.ids(), warmed.ids());
    assertEquals(built.entries(), warmed.entries());
    // Asked again, the same registry: the warm-up runs once.
    assertEquals(warmed, Warmup.rules());
  }
}
