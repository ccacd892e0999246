package dev.pqcert.model;

import dev.pqcert.parse.Span;

/**
 * A module the connector loads: {@code Expression.Evaluate(Text.FromBinary(Extension.Contents(
 * "name")), ...)}, through whatever helper. {@code found} is false when the package lacks it.
 */
public record ModuleLoad(String name, boolean found, Span span) {}
