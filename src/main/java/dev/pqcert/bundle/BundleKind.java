package dev.pqcert.bundle;

/** What a target was: a package, a folder in the SDK project layout, or one M file. */
public enum BundleKind {
  MEZ,
  PQX,
  FOLDER,
  FILE
}
