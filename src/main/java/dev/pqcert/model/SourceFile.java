package dev.pqcert.model;

import dev.pqcert.bundle.DecodedText;
import dev.pqcert.bundle.EntryKind;
import dev.pqcert.parse.ParseResult;
import java.util.Optional;

/**
 * One parsed M file of the connector: its name inside the package, its kind and its parse.
 *
 * @param undecodable where the first byte sequence is that is not valid in the file's encoding
 *     (parsed, as Power Query reads it, as U+FFFD); empty when the whole file decoded
 */
public record SourceFile(
    String name,
    EntryKind kind,
    ParseResult parse,
    Optional<DecodedText.Undecodable> undecodable) {}
