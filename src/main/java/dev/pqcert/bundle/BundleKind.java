package dev.pqcert.bundle;

/** Temporary stand-in until the bundle package lands. */
public enum BundleKind {
  MEZ,
  PQX,
  FOLDER,
  FILE
}
