package dev.pqcert.check;

import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.InputException;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ConnectorModelBuilder;
import dev.pqcert.parse.DeepStack;
import dev.pqcert.rules.CheckSettings;
import dev.pqcert.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.Optional;

/** The pipeline for one target: bundle, parse and model, rules. */
public final class Checker {
  private final BundleReader reader;
  private final RuleRegistry rules;
  private final CheckSettings settings;

  public Checker(BundleReader reader, RuleRegistry rules, CheckSettings settings) {
    this.reader = reader;
    this.rules = rules;
    this.settings = settings;
  }

  public static Checker withDefaults() {
    return new Checker(new BundleReader(), RuleRegistry.builtIn(), CheckSettings.DEFAULTS);
  }

  public RuleRegistry rules() {
    return rules;
  }

  public TargetResult check(Path target) {
    String display = target.toString();
    try {
      // Rules walk the tree recursively; one deep stack serves parsing, the model and the rules.
      return DeepStack.call(() -> checkHere(target, display));
    } catch (DeepStack.TooDeepException tooDeep) {
      return TargetResult.unreadable(display, "the M code is nested too deeply to analyse");
    } catch (DeepStack.TooLargeException tooLarge) {
      return TargetResult.unreadable(
          display, "too large to analyse in the available memory (raise it with -Xmx)");
    }
  }

  private TargetResult checkHere(Path target, String display) {
    try {
      Bundle bundle = reader.read(target);
      ConnectorModel model = ConnectorModelBuilder.build(bundle);
      return new TargetResult(
          display, Optional.of(bundle.kind()), rules.check(model, settings), Optional.empty());
    } catch (InputException unreadable) {
      return TargetResult.unreadable(display, unreadable.problem());
    }
  }
}
