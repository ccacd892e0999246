package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/**
 * A call of a library function the rules care about ({@code Web.Contents}, {@code
 * Extension.Contents}, {@code Diagnostics.Trace}...), with its arguments as far as they are known.
 * A call reached with different known arguments (a loader helper called for two modules) is one
 * record per set of arguments. {@code withoutCaller} says it was reached only inside a function
 * explored on its own, with unknown parameters, because nothing in the connector calls it that way.
 */
public record CallSite(
    String function,
    String file,
    Span span,
    List<Value> arguments,
    boolean withoutCaller,
    boolean onErrorPath) {

  public Optional<Value> argument(int index) {
    return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
  }

  /** Whether it sends a web request ({@code Web.Contents}, {@code OData.Feed}...): one list. */
  public boolean isRequest() {
    return LibraryFunction.isRequest(function);
  }

  /** Whether it is a call of {@code known}. */
  public boolean is(LibraryFunction known) {
    return function.equals(known.functionName());
  }

  /** The call, as a place. */
  public Site site() {
    return Site.of(file, span);
  }

  /** Whether it opens a connection ({@code Odbc.DataSource}, {@code Sql.Database}...). */
  public boolean isConnection() {
    return LibraryFunction.isConnection(function);
  }

  /** A field of an options-record argument ({@code Query}, {@code Headers}, {@code Content}). */
  public Optional<Value> option(int index, String field) {
    return argument(index).flatMap(Values::record).flatMap(r -> r.get(field));
  }

  /**
   * A field of a request's options record ({@code ManualCredentials}, {@code Query}), wherever the
   * request function takes it (the second argument of {@code Web.Contents}, the third of {@code
   * OData.Feed}).
   */
  public Optional<Value> requestOption(String field) {
    return LibraryFunction.named(function)
        .filter(f -> f.effect() == LibraryFunction.Effect.REQUEST)
        .flatMap(f -> option(f.optionsIndex(), field));
  }
}
