package dev.pqcert.parse;

/** Which start rule to parse with. */
public enum DocumentKind {
  /** {@code [attributes] section Name; members}. */
  SECTION,
  /** A single expression, as in a {@code .pqm} module. */
  EXPRESSION,
  /** A section document if the text starts like one, otherwise an expression document. */
  AUTO
}
