package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.SuppressionDirective;
import java.util.Set;

/**
 * PQ002: inline suppressions are well formed: they name existing rules and give a reason. (That a
 * suppression still suppresses something is known only after every rule ran; the check stage
 * reports unused ones under this id.)
 */
final class SuppressionRule implements Rule {
  static final String ID = "PQ002";

  private final Set<String> knownRuleIds;

  SuppressionRule(Set<String> knownRuleIds) {
    this.knownRuleIds = Set.copyOf(knownRuleIds);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (SuppressionDirective directive : model.suppressions()) {
      for (String problem : directive.problems()) {
        findings.report(
            directive.file(),
            directive.span(),
            "this suppression " + problem + "; it suppresses nothing until fixed");
      }
      for (String id : directive.ruleIds()) {
        if (id.equals(ID)) {
          findings.report(
              directive.file(),
              directive.span(),
              "PQ002 cannot be suppressed inline; switch it off in pqcert.json if you must");
        } else if (!knownRuleIds.contains(id)) {
          findings.report(
              directive.file(),
              directive.span(),
              "this suppression names "
                  + id
                  + ", which is not a pqcert rule ('pqcert rules'"
                  + " lists them)");
        }
      }
    }
  }
}
