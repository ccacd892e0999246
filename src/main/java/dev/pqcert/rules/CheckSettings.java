package dev.pqcert.rules;

/** How the user asked to check: what kind of release this is. */
public record CheckSettings(Release release) {
  public static final CheckSettings DEFAULTS = new CheckSettings(Release.INITIAL);

  /** An initial release must be Beta; an update of a certified connector need not be. */
  public enum Release {
    INITIAL,
    UPDATE
  }
}
