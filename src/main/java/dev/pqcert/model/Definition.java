package dev.pqcert.model;

import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;

/** What a name refers to: each identifier use resolves to one of these. */
public sealed interface Definition {
  String name();

  /** A section member. */
  record MemberDefinition(Member member) implements Definition {
    @Override
    public String name() {
      return member.name();
    }
  }

  /** A {@code let} variable. */
  record LetVariable(String name, Span span, String file) implements Definition {}

  /** A function parameter ({@code _} for {@code each}). */
  record Parameter(String name, Span span, String file, Expr.Function function, int index)
      implements Definition {}

  /** A field of a record literal, seen by its sibling fields. */
  record RecordFieldName(String name, Span span, String file) implements Definition {}

  /** A name the connector does not define: the standard library ({@code Table.AddColumn}). */
  record Library(String name) implements Definition {}

  /** A name defined nowhere the model can see. */
  record Unresolved(String name) implements Definition {}
}
