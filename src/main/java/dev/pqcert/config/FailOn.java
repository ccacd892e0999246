package dev.pqcert.config;

import dev.pqcert.rules.Level;

/** The exit policy: the least severe level of finding that fails the run (exit code 1). */
public enum FailOn {
  MUST,
  SHOULD,
  REVIEW,
  NEVER;

  /** Whether a finding at this level fails the run. */
  public boolean fails(Level level) {
    return switch (this) {
      case MUST -> level == Level.MUST;
      case SHOULD -> level == Level.MUST || level == Level.SHOULD;
      case REVIEW -> true;
      case NEVER -> false;
    };
  }
}
