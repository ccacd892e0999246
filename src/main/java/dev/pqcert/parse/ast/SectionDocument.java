package dev.pqcert.parse.ast;

import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/**
 * {@code [attributes] section Name; members...}. The name is empty for {@code section;}, which the
 * product accepts.
 */
public record SectionDocument(
    Span span,
    Optional<Expr.RecordExpr> attributes,
    Span sectionKeyword,
    Optional<Expr.Name> name,
    List<SectionMember> members) {}
