package dev.pqcert.rules;

/** How much a finding matters for certification. */
public enum Level {
  /** The requirement page says MUST: a reviewer rejects the connector. */
  MUST,
  /** The requirement page says SHOULD: expected, and asked about when missing. */
  SHOULD,
  /** Only a person can decide: what a reviewer will ask, with the evidence found. */
  REVIEW
}
