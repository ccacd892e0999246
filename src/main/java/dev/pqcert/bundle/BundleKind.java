package dev.pqcert.bundle;

/** What a target was: a package, a folder in the SDK project layout, or one M file. */
public enum BundleKind {
  MEZ,
  PQX,
  FOLDER,
  FILE;

  /** A built package (.mez or .pqx), as opposed to sources. */
  public boolean isPackage() {
    return this == MEZ || this == PQX;
  }
}
