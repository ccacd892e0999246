package dev.pqcert.model;

import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tracing feature flag: a member holding a constant logical that decides, in an {@code if},
 * between a branch that traces (refers to {@code Diagnostics...}) and one that does not. Found by
 * how it is used, whatever it is called.
 */
public record TraceFlag(
    Member member, boolean value, Span valueSpan, List<Span> guards, List<Member> guarded) {

  /**
   * Whether code at {@code span} of {@code file} is under this flag: inside one of its guarding
   * {@code if}s, or inside a section member such an {@code if} refers to (the helper record a
   * guarded binding picks a tracing function from).
   */
  public boolean covers(String file, Span span) {
    return guards.stream().anyMatch(g -> member.file().equals(file) && within(span, g))
        || guarded.stream().anyMatch(m -> m.file().equals(file) && within(span, m.span()));
  }

  private static boolean within(Span inner, Span outer) {
    return inner.startOffset() >= outer.startOffset() && inner.endOffset() <= outer.endOffset();
  }

  static List<TraceFlag> find(
      Optional<Section> section, Map<Expr.Identifier, Definition> names, Scope scope) {
    // Members by identity: a member's own equals and hashCode walk its whole tree.
    List<Member> flagMembers = new ArrayList<>(); // in the order they are met
    IdentityHashMap<Member, List<Span>> guards = new IdentityHashMap<>();
    IdentityHashMap<Member, List<Member>> guarded = new IdentityHashMap<>();
    for (Member member : section.map(Section::members).orElse(List.of())) {
      ExprWalk.forEach(
          member.value(),
          node -> {
            if (node instanceof Expr.If when
                && (tracing(when.whenTrue()) || tracing(when.whenFalse()))) {
              ExprWalk.forEach(
                  when.condition(),
                  c -> {
                    if (c instanceof Expr.Identifier id
                        && names.get(id) instanceof Definition.MemberDefinition flag) {
                      if (!guards.containsKey(flag.member())) {
                        flagMembers.add(flag.member());
                      }
                      guards
                          .computeIfAbsent(flag.member(), m -> new ArrayList<>())
                          .add(when.span());
                      List<Member> reached =
                          guarded.computeIfAbsent(flag.member(), m -> new ArrayList<>());
                      for (Expr branch : List.of(when.whenTrue(), when.whenFalse())) {
                        ExprWalk.forEach(
                            branch,
                            b -> {
                              if (b instanceof Expr.Identifier used
                                  && names.get(used)
                                      instanceof Definition.MemberDefinition definition
                                  && !containsSame(reached, definition.member())) {
                                reached.add(definition.member());
                              }
                            });
                      }
                    }
                  });
            }
          });
    }
    List<TraceFlag> flags = new ArrayList<>();
    for (Member member : flagMembers) {
      Value value =
          scope
              .lookup(member.name())
              .map(b -> b.value().force())
              .orElse(new Value.Unknown(member.span()));
      Optional<Boolean> constant = Values.logical(value);
      if (constant.isPresent()) {
        flags.add(
            new TraceFlag(
                member,
                constant.get(),
                Values.plain(value).span(),
                List.copyOf(guards.get(member)),
                List.copyOf(guarded.getOrDefault(member, List.of()))));
      }
    }
    return flags;
  }

  @SuppressWarnings("ReferenceEquality") // members by identity, as in find
  private static boolean containsSame(List<Member> members, Member member) {
    for (Member each : members) {
      if (each == member) {
        return true;
      }
    }
    return false;
  }

  /** Whether an expression refers to tracing: {@code Diagnostics.Trace}, a Diagnostics module. */
  static boolean tracing(Expr expression) {
    return ExprWalk.any(
        expression,
        node -> node instanceof Expr.Identifier id && id.name().startsWith("Diagnostics"));
  }
}
