package dev.pqcert.model;

import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.util.Optional;

/** A section member: {@code [attributes] shared Name = value;}. */
public record Member(
    String file,
    String name,
    boolean shared,
    Optional<Value.RecordValue> attributes,
    Span span,
    Span nameSpan,
    Expr value) {

  /** An attribute's value: {@code DataSource.Kind}, {@code Publish}... */
  public Optional<Value> attribute(String name) {
    return attributes.flatMap(a -> a.get(name));
  }
}
