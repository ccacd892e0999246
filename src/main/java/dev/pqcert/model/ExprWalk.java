package dev.pqcert.model;

import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.TypeNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Visits every expression node under a root, in source order, iteratively (deep trees do not
 * overflow). Children are found by a {@link ChildVisitor}, so a new kind of node cannot be skipped.
 */
public final class ExprWalk {
  private ExprWalk() {}

  public static void forEach(Expr root, Consumer<Expr> visit) {
    Deque<Object> pending = new ArrayDeque<>();
    Children children = new Children();
    pending.push(root);
    while (!pending.isEmpty()) {
      Object next = pending.pop();
      children.found.clear();
      if (next instanceof TypeNode type) {
        type.accept(children);
      } else {
        Expr node = (Expr) next;
        visit.accept(node);
        node.accept(children);
      }
      // Last first, so that they come off the stack in source order.
      for (int i = children.found.size() - 1; i >= 0; i--) {
        pending.push(children.found.get(i));
      }
    }
  }

  /** Whether any node under {@code root} satisfies {@code test}. */
  public static boolean any(Expr root, Predicate<Expr> test) {
    boolean[] found = {false};
    forEach(root, node -> found[0] |= test.test(node));
    return found[0];
  }

  /** A node's direct child expressions, in source order (types left out). */
  public static List<Expr> children(Expr node) {
    Children children = new Children();
    node.accept(children);
    List<Expr> expressions = new ArrayList<>();
    children.found.stream().filter(Expr.class::isInstance).forEach(c -> expressions.add((Expr) c));
    return expressions;
  }

  /** Collects a node's direct children. */
  private static final class Children extends ChildVisitor {
    private final List<Object> found = new ArrayList<>();

    @Override
    void child(Expr node) {
      found.add(node);
    }

    @Override
    void child(TypeNode node) {
      found.add(node);
    }
  }
}
