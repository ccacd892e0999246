package dev.pqcert.model;

import dev.pqcert.bundle.EntryKind;
import dev.pqcert.parse.ParseResult;

/** One parsed M file of the connector: its name inside the package, its kind and its parse. */
public record SourceFile(String name, EntryKind kind, ParseResult parse) {}
