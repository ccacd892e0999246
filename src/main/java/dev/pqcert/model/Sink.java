package dev.pqcert.model;

import dev.pqcert.parse.Span;

/**
 * A flow that reached a place that matters: a request's URL or options, a connection string, a
 * trace, an evaluated expression. {@code role} says which part.
 */
public record Sink(
    String function, SinkRole role, String file, Span span, Taint.Flow flow, CallSite call) {

  /** The call it reached, as a place. */
  public Site site() {
    return Site.of(file, span);
  }

  /** The same sink, reached by another flow. */
  public Sink withFlow(Taint.Flow other) {
    return new Sink(function, role, file, span, other, call);
  }

  /** Whether the call it reached sends a web request ({@link CallSite#isRequest}). */
  public boolean isRequest() {
    return call.isRequest();
  }
}
