package dev.pqcert.parse.ast;

import java.util.Optional;

/** A parsed M file: a section document or an expression document (e.g. a {@code .pqm} module). */
public record Document(Optional<SectionDocument> section, Optional<Expr> expression) {
  public static Document of(SectionDocument section) {
    return new Document(Optional.of(section), Optional.empty());
  }

  public static Document of(Expr expression) {
    return new Document(Optional.empty(), Optional.of(expression));
  }

  public boolean isSection() {
    return section.isPresent();
  }
}
