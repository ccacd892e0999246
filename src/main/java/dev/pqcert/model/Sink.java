package dev.pqcert.model;

import dev.pqcert.parse.Span;

/**
 * A flow that reached a place that matters: a request's URL or options, a connection string, a
 * trace, an evaluated expression. {@code role} says which part ({@code URL}, {@code Query}, {@code
 * Headers}, {@code Content}, {@code CredentialQuery}, {@code connection string}, {@code trace},
 * {@code expression}).
 */
public record Sink(
    String function, String role, String file, Span span, Taint.Flow flow, CallSite call) {

  /** Whether the call it reached sends a web request ({@link CallSite#isRequest}). */
  public boolean isRequest() {
    return call.isRequest();
  }
}
