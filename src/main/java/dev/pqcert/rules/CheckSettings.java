package dev.pqcert.rules;

import java.util.Set;

/**
 * How the user asked to check: what kind of release this is, and which extra function names the
 * naming rules accept.
 */
public record CheckSettings(Release release, Set<String> extraFunctionNames) {
  public static final CheckSettings DEFAULTS = new CheckSettings(Release.INITIAL, Set.of());

  public CheckSettings {
    extraFunctionNames = Set.copyOf(extraFunctionNames);
  }

  /** An initial release must be Beta; an update of a certified connector need not be. */
  public enum Release {
    INITIAL,
    UPDATE
  }
}
