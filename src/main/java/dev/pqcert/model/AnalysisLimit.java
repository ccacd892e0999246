package dev.pqcert.model;

import dev.pqcert.parse.Span;

/**
 * A place where a bound on the analysis cut it short: past it, values are unknown, so facts (and
 * findings) that depend on them may be missing. Recursion the evaluator approximates (a function
 * unrolled {@value FunctionCalls#MAX_RECURSION} rounds) is a designed approximation, not a limit.
 *
 * @param kind which bound
 * @param task what was being analysed
 * @param file the file of the expression where the analysis stopped
 * @param span that expression
 */
public record AnalysisLimit(Kind kind, Task task, String file, Span span) {
  /**
   * One top-level piece of the analysis: forcing a member, exploring a function.
   *
   * @param description "exported function 'X.Contents'", "member 'Helper'"
   * @param file where it is defined
   * @param span its name there
   */
  public record Task(String description, String file, Span span) {}

  /** The bounds, with their values as the README lists them. */
  public enum Kind {
    /** More evaluation steps than {@link Evaluator#MAX_STEPS} for one member or function. */
    STEP_BUDGET,
    /** Calls nested deeper than {@link FunctionCalls#MAX_CALL_DEPTH}. */
    CALL_DEPTH
  }

  /** The bound's value, as a message writes it: "2,000,000". */
  public static String describe(Kind kind) {
    long value =
        switch (kind) {
          case STEP_BUDGET -> Evaluator.MAX_STEPS;
          case CALL_DEPTH -> FunctionCalls.MAX_CALL_DEPTH;
        };
    return String.format(java.util.Locale.ROOT, "%,d", value);
  }
}
