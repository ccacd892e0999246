package dev.pqcert.parse;

/** A comment, kept for inline suppressions and test expectation markers. */
public record Comment(Span span, String text, boolean lineComment) {}
