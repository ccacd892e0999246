package dev.pqcert.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A chain of name bindings: section members, then {@code let} variables, parameters and record
 * fields as expressions nest. Each binding's value is computed lazily, once.
 */
public final class Scope {
  private final Scope parent;
  private final Map<String, Binding> bindings;

  /** A name of this scope's own bindings that lookups skip (see {@link #excluding}); or null. */
  private final String excluded;

  /** A name, what defines it, and its value. */
  public record Binding(Definition definition, Thunk value) {}

  private Scope(Scope parent, Map<String, Binding> bindings) {
    this(parent, bindings, null);
  }

  private Scope(Scope parent, Map<String, Binding> bindings, String excluded) {
    this.parent = parent;
    this.bindings = bindings;
    this.excluded = excluded;
  }

  /**
   * This scope as the initializer of its own binding {@code name} sees it: every binding but that
   * one, which names the outer {@code name} instead ({@code [SqlCapabilities = SqlCapabilities]}
   * reads the enclosing variable, as the M specification says). Shares the bindings.
   */
  public Scope excluding(String name) {
    return new Scope(parent, bindings, name);
  }

  public static Scope root() {
    return new Scope(null, new LinkedHashMap<>());
  }

  /** A child scope; fill it with {@link #bind} before evaluating anything in it. */
  public Scope child() {
    return new Scope(this, new LinkedHashMap<>());
  }

  public void bind(Definition definition, Thunk value) {
    bindings.put(definition.name(), new Binding(definition, value));
  }

  public Optional<Binding> lookup(String name) {
    return lookup(name, false);
  }

  /**
   * {@code @name}: the binding including the one being initialized (for recursion); otherwise as
   * {@link #lookup(String)}.
   */
  public Optional<Binding> lookup(String name, boolean inclusive) {
    for (Scope scope = this; scope != null; scope = scope.parent) {
      if (!inclusive && name.equals(scope.excluded)) {
        continue;
      }
      Binding binding = scope.bindings.get(name);
      if (binding != null) {
        return Optional.of(binding);
      }
    }
    return Optional.empty();
  }

  /** The scope that binds {@code name}: where a {@code let} variable's expression is evaluated. */
  public Optional<Scope> owner(String name) {
    for (Scope scope = this; scope != null; scope = scope.parent) {
      if (scope.bindings.containsKey(name) && !name.equals(scope.excluded)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }

  /** The bindings made directly in this scope, in order. */
  public Map<String, Binding> own() {
    return java.util.Collections.unmodifiableMap(bindings);
  }
}
