package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    CREDENTIAL("credential"),
    USER_INPUT("user input"),
    WEB_RESPONSE("web response");

    private final String description;

    SourceKind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** A source: what it is, written where. */
  public record Source(SourceKind kind, String description, String file, Span span) {}

  /** A place the value passed through: a field read, a call, a parameter. */
  public record Step(String description, String file, Span span) {}

  /** One source and the path from it. */
  public record Flow(Source source, List<Step> steps) {
    public Flow {
      steps = List.copyOf(steps);
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

  /** Both taints; one flow per source (the first path found), at most a bounded number. */
  public Taint union(Taint other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Map<Source, Flow> bySource = new LinkedHashMap<>();
    for (Flow flow : flows) {
      bySource.putIfAbsent(flow.source(), flow);
    }
    for (Flow flow : other.flows) {
      if (bySource.size() >= MAX_FLOWS) {
        break;
      }
      bySource.putIfAbsent(flow.source(), flow);
    }
    return new Taint(List.copyOf(bySource.values()));
  }

  /** The same flows, each with one more step on its path. */
  public Taint through(String description, String file, Span span) {
    if (isEmpty()) {
      return this;
    }
    List<Flow> extended = new ArrayList<>();
    for (Flow flow : flows) {
      if (flow.steps().size() >= MAX_STEPS) {
        extended.add(flow);
        continue;
      }
      List<Step> steps = new ArrayList<>(flow.steps());
      steps.add(new Step(description, file, span));
      extended.add(new Flow(flow.source(), steps));
    }
    return new Taint(List.copyOf(extended));
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
