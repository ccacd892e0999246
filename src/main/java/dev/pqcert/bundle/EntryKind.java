package dev.pqcert.bundle;

/** Temporary stand-in until the bundle package lands. */
public enum EntryKind {
  SECTION_DOCUMENT,
  QUERY_DOCUMENT,
  MODULE,
  RESOURCES,
  IMAGE,
  OTHER
}
