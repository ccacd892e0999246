package dev.pqcert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.config.FailOn;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The endings the command-line tests cannot reach easily. */
class RunSummaryTest {
  private static final List<TargetResult> TWO =
      List.of(
          new TargetResult(
              "a",
              Optional.of(BundleKind.FOLDER),
              List.of(new Finding("PQ032", Level.SHOULD, "m", Optional.empty())),
              Optional.empty()),
          new TargetResult("b", Optional.of(BundleKind.FOLDER), List.of(), Optional.empty()));

  @Test
  void targetsWithTheirOwnPoliciesAreSaidSo() {
    assertEquals(
        "0 MUST, 1 SHOULD, 0 REVIEW in 2 targets; exit 1: 1 finding at its target's failOn level",
        RunSummary.line(TWO, 1, 0, RunSummary.Policy.perTarget(), RunSummary.Ending.BY_POLICY));
    assertEquals(
        "0 MUST, 1 SHOULD, 0 REVIEW in 2 targets; exit 0: nothing at its target's failOn level",
        RunSummary.line(TWO, 0, 0, RunSummary.Policy.perTarget(), RunSummary.Ending.BY_POLICY));
  }

  @Test
  void aBaselineThatCouldNotBeWrittenAndEntriesNoLongerFound() {
    assertEquals(
        "0 MUST, 1 SHOULD, 0 REVIEW in 2 targets; 2 baseline entries no longer found; exit 2: the"
            + " baseline could not be written",
        RunSummary.line(
            TWO,
            0,
            2,
            RunSummary.Policy.option(FailOn.MUST),
            RunSummary.Ending.BASELINE_NOT_WRITTEN));
    assertEquals(
        "0 MUST, 1 SHOULD, 0 REVIEW in 2 targets; exit 0: failOn never in the configuration",
        RunSummary.line(
            TWO, 1, 0, RunSummary.Policy.configured(FailOn.NEVER), RunSummary.Ending.BY_POLICY));
  }
}
