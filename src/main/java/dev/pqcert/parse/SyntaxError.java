package dev.pqcert.parse;

/** A located syntax problem, worded for the person who has to fix it. */
public record SyntaxError(Span span, String message) {}
