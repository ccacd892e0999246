package dev.pqcert.bundle;

import java.nio.file.Path;
import java.util.List;

/** Temporary stand-in until the bundle package lands. */
public final class Bundle {
  private final Path origin;
  private final BundleKind kind;
  private final List<BundleEntry> entries;

  Bundle(Path origin, BundleKind kind, List<BundleEntry> entries) {
    this.origin = origin;
    this.kind = kind;
    this.entries = entries;
  }

  public Path origin() {
    return origin;
  }

  public String displayName() {
    return origin.toString();
  }

  public BundleKind kind() {
    return kind;
  }

  public List<BundleEntry> entries() {
    return entries;
  }
}
