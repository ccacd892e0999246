package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sources an unknown value may carry: a credential, a user-entered parameter, a web response.
 * Each flow keeps the path it took, for messages a reviewer can follow. Immutable.
 */
public final class Taint {
  public static final Taint NONE = new Taint(List.of());
  private static final int MAX_FLOWS = 16;
  private static final int MAX_STEPS = 12;

  /** Where a sensitive or untrusted value comes from. */
  public enum SourceKind {
    /** The record {@code Extension.CurrentCredential()} returns, holding every secret. */
    CREDENTIAL("credential"),
    /** A secret read from the credential: its {@code Key}, {@code Password}, a token. */
    SECRET("secret"),
    /** Personal data read from the credential: its {@code Username}. */
    PERSONAL_DATA("personal data"),
    /** A parameter the user fills in, or a property typed into the credential dialog. */
    USER_INPUT("user input"),
    /** What a request or another data source returned at run time. */
    RESPONSE("response of");

    private final String description;

    SourceKind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }

    /** Whether it is the credential or a secret in it: what must not leak. */
    public boolean isSecret() {
      return this == CREDENTIAL || this == SECRET;
    }

    /** Whether it was read from the credential (its secrets, or the user name). */
    public boolean isCredential() {
      return isSecret() || this == PERSONAL_DATA;
    }
  }

  /** A source: what it is, written where. */
  public record Source(SourceKind kind, String description, String file, Span span) {
    // Written out: a record's own equals and hashCode are built from method handles on first use,
    // some 5 ms each in a cold run. Same results (see RecordMethodsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof Source source
          && kind == source.kind
          && Objects.equals(description, source.description)
          && Objects.equals(file, source.file)
          && Objects.equals(span, source.span);
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(kind);
      hash = 31 * hash + Objects.hashCode(description);
      hash = 31 * hash + Objects.hashCode(file);
      return 31 * hash + Objects.hashCode(span);
    }
  }

  /** A place the value passed through: a field read, a call, a parameter. */
  public record Step(String description, String file, Span span, Optional<String> callee) {
    public Step(String description, String file, Span span) {
      this(description, file, span, Optional.empty());
    }
  }

  /**
   * What is known of the URL scheme of the value a flow is part of, and what settled it: an HTTPS
   * check the value passed ({@code Uri.Parts(url)[Scheme] = "https"}, in whatever helper), a
   * constant the value was joined onto ({@code "https://api.contoso.example/" & path}), or text of
   * unknown origin joined before the flow's part, which then does not decide the scheme.
   */
  public record Scheme(SchemeKind kind, String description, String file, Span span) {
    public boolean https() {
      return kind == SchemeKind.HTTPS;
    }
  }

  /** How a flow's scheme is settled; in order from least to most safe. */
  public enum SchemeKind {
    /** A constant {@code http://} the value was joined onto. */
    HTTP,
    /** Text of unknown origin before the flow's part: that text decides the scheme. */
    PRECEDED,
    /** An HTTPS check passed, or a constant {@code https://} the value was joined onto. */
    HTTPS
  }

  /**
   * One source and the path from it. {@code scheme} is what is known of the scheme of the value the
   * flow reached (empty: nothing). {@code computation} is where that value was first computed from
   * the source (joined with other text, transformed by a function); empty while the source's value
   * is passed on as it is.
   */
  public record Flow(
      Source source, List<Step> steps, Optional<Scheme> scheme, Optional<Step> computation) {
    public Flow {
      steps = List.copyOf(steps);
    }

    public Flow(Source source, List<Step> steps) {
      this(source, steps, Optional.empty(), Optional.empty());
    }

    /** Whether the value was computed from the source rather than passed on as it is. */
    public boolean computed() {
      return computation.isPresent();
    }

    /** The same flow, with what is now known of its scheme. */
    public Flow withScheme(Optional<Scheme> known) {
      return new Flow(source, steps, known, computation);
    }

    /** Whether the value is known to go over HTTPS. */
    public boolean https() {
      return scheme.map(Scheme::https).orElse(false);
    }

    /** Of two paths from one source, the one that says less about HTTPS (never the safer). */
    static Flow weaker(Flow first, Flow second) {
      return firstIsWeaker(first, second) ? first : second;
    }

    /** Whether {@link #weaker} keeps the first (ties keep the first path found). */
    static boolean firstIsWeaker(Flow first, Flow second) {
      int byScheme = Integer.compare(rank(first), rank(second));
      if (byScheme != 0) {
        return byScheme < 0;
      }
      return first.computed() || !second.computed();
    }

    /**
     * A known plain-HTTP scheme ranks lowest, then a flow that may decide the scheme with nothing
     * known of it, one preceded by other text, and HTTPS.
     */
    private static int rank(Flow flow) {
      return flow.scheme
          .map(
              s ->
                  switch (s.kind()) {
                    case HTTP -> 0;
                    case PRECEDED -> 2;
                    case HTTPS -> 3;
                  })
          .orElse(1);
    }
  }

  private final List<Flow> flows;

  private Taint(List<Flow> flows) {
    this.flows = flows;
  }

  public static Taint of(Source source) {
    return new Taint(List.of(new Flow(source, List.of())));
  }

  public List<Flow> flows() {
    return flows;
  }

  public boolean isEmpty() {
    return flows.isEmpty();
  }

  public boolean has(SourceKind kind) {
    return flows.stream().anyMatch(f -> f.source().kind() == kind);
  }

  /**
   * Both taints; one flow per source (the first path found, unless another path from the same
   * source is less safe: a guard on one path must not hide its bypass on another), at most a
   * bounded number.
   */
  public Taint union(Taint other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Map<Source, Flow> bySource = new LinkedHashMap<>();
    for (Flow flow : flows) {
      bySource.merge(flow.source(), flow, Flow::weaker);
    }
    for (Flow flow : other.flows) {
      if (bySource.size() >= MAX_FLOWS && !bySource.containsKey(flow.source())) {
        continue;
      }
      bySource.merge(flow.source(), flow, Flow::weaker);
    }
    return new Taint(List.copyOf(bySource.values()));
  }

  /**
   * The same flows, each with one more step on its path: the same value, passed to {@code callee}
   * as its parameter {@code parameter}.
   */
  public Taint passed(String callee, String parameter, String file, Span span) {
    Step at =
        new Step(
            "passed to " + callee + " as '" + parameter + "'", file, span, Optional.of(callee));
    return map(flow -> new Flow(flow.source(), step(flow, at), flow.scheme, flow.computation));
  }

  /**
   * The flows of a value computed from this one by a function: one more step each, computed there,
   * and nothing known of the new value's scheme.
   */
  public Taint transformed(String description, String file, Span span) {
    Step at = new Step(description, file, span);
    return map(
        flow ->
            new Flow(
                flow.source(),
                step(flow, description, file, span),
                Optional.empty(),
                flow.computation.or(() -> Optional.of(at))));
  }

  /** The same flows, now part of a value computed from them at {@code at} (joined text). */
  public Taint computed(Step at) {
    return map(
        flow ->
            new Flow(
                flow.source(),
                flow.steps(),
                flow.scheme,
                flow.computation.or(() -> Optional.of(at))));
  }

  /** The flows of a text joined at {@code at} with other text, with the scheme the join gives. */
  public Taint joined(Scheme scheme, Step at) {
    return map(
        flow ->
            new Flow(
                flow.source(),
                flow.steps(),
                Optional.of(scheme),
                flow.computation.or(() -> Optional.of(at))));
  }

  /**
   * The flows of {@code value[field]}, selected at {@code span}, engine-style: a field of the
   * credential record is what that field holds (a secret, the user name, the properties the user
   * typed, or nothing sensitive); a field of something computed from a secret (a claim decoded from
   * a token) is neither; any other flow passes on, with nothing known of the scheme.
   */
  public Taint field(String field, String file, Span span) {
    if (isEmpty()) {
      return this;
    }
    List<Flow> selected = new ArrayList<>();
    for (Flow flow : flows) {
      SourceKind kind = flow.source().kind();
      if (kind == SourceKind.CREDENTIAL && !flow.computed()) {
        credentialPart(field)
            .ifPresent(
                part ->
                    selected.add(
                        new Flow(
                            new Source(
                                part,
                                "[" + field + "] of " + flow.source().description(),
                                file,
                                span),
                            flow.steps())));
      } else if (!(kind.isCredential() && flow.computed())) {
        selected.add(
            new Flow(
                    flow.source(),
                    step(flow, "[" + field + "]", file, span),
                    flow.scheme,
                    flow.computation)
                .withScheme(Optional.empty()));
      }
    }
    return new Taint(List.copyOf(selected));
  }

  /** The credential record's fields the documentation names, by what they hold. */
  private static final java.util.regex.Pattern SECRET_FIELD =
      java.util.regex.Pattern.compile(
          "(?i)key|password|pwd|secret|.*_?token|.*secret.*|.*password.*");

  /** What a field of the credential record holds; empty when nothing sensitive. */
  static Optional<SourceKind> credentialPart(String field) {
    if (field.equalsIgnoreCase("Username")) {
      return Optional.of(SourceKind.PERSONAL_DATA);
    }
    if (field.equals("Properties")) {
      return Optional.of(SourceKind.USER_INPUT); // what the user typed into the dialog
    }
    if (field.equalsIgnoreCase("token_type") || !SECRET_FIELD.matcher(field).matches()) {
      return Optional.empty(); // AuthenticationKind, EncryptConnection, expires...
    }
    return Optional.of(SourceKind.SECRET);
  }

  /**
   * The flows after an HTTPS check on a value carrying {@code sources}: those flows from them whose
   * scheme was not known are now known to be HTTPS.
   */
  public Taint checked(java.util.Set<Source> sources, Scheme check) {
    return map(
        flow ->
            flow.scheme.isEmpty() && sources.contains(flow.source())
                ? flow.withScheme(Optional.of(check))
                : flow);
  }

  /** The sources of the flows. */
  public java.util.Set<Source> sources() {
    java.util.Set<Source> sources = new java.util.LinkedHashSet<>();
    flows.forEach(f -> sources.add(f.source()));
    return sources;
  }

  /** The scheme every flow is known to have, when they all agree on HTTPS. */
  public Optional<Scheme> httpsScheme() {
    if (isEmpty() || !flows.stream().allMatch(Flow::https)) {
      return Optional.empty();
    }
    return flows.get(0).scheme();
  }

  private Taint map(java.util.function.UnaryOperator<Flow> change) {
    if (isEmpty()) {
      return this;
    }
    List<Flow> changed = new ArrayList<>();
    for (Flow flow : flows) {
      changed.add(change.apply(flow));
    }
    return new Taint(List.copyOf(changed));
  }

  private static List<Step> step(Flow flow, String description, String file, Span span) {
    return step(flow, new Step(description, file, span));
  }

  private static List<Step> step(Flow flow, Step next) {
    if (flow.steps().size() >= MAX_STEPS) {
      return flow.steps();
    }
    List<Step> steps = new ArrayList<>(flow.steps());
    steps.add(next);
    return steps;
  }

  /** Every flow a value may carry, looking inside records, lists and metadata. */
  public static Taint of(Value value) {
    if (value instanceof Value.Unknown unknown) {
      return unknown.taint();
    }
    if (value instanceof Value.WithMeta withMeta) {
      return of(withMeta.value());
    }
    if (value instanceof Value.RecordValue record) {
      Taint taint = NONE;
      for (Value.RecordField field : record.fields().values()) {
        taint = taint.union(of(field.value()));
      }
      return taint;
    }
    if (value instanceof Value.ListValue list) {
      Taint taint = NONE;
      for (Value item : list.items()) {
        taint = taint.union(of(item));
      }
      return taint;
    }
    return NONE;
  }
}
