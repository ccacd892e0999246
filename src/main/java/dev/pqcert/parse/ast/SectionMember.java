package dev.pqcert.parse.ast;

import dev.pqcert.parse.Span;
import java.util.Optional;

/** {@code [attributes] shared Name = value;}. */
public record SectionMember(
    Span span, Optional<Expr.RecordExpr> attributes, boolean shared, Expr.Name name, Expr value) {}
