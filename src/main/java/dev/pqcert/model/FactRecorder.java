package dev.pqcert.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The facts evaluation meets on its way, kept apart from the values it computes: the library calls
 * the rules read, the sinks flows reach, the modules loaded. It also holds what decides how a fact
 * is recorded: the HTTPS checks in force, and whether evaluation is exploring a function nothing
 * calls or following an error path.
 */
final class FactRecorder {
  /**
   * What tells two recorded calls apart: one record per call site and per set of known arguments,
   * so that a loader helper called for two modules is two facts.
   */
  private record CallKey(
      String function,
      Site site,
      List<String> arguments,
      boolean withoutCaller,
      boolean onErrorPath) {
    // Written out: a record's own equals and hashCode are built from method handles on first use,
    // some 5 ms each in a cold run. Same results (see RecordMethodsTest).
    @Override
    public boolean equals(Object other) {
      return other instanceof CallKey key
          && withoutCaller == key.withoutCaller
          && onErrorPath == key.onErrorPath
          && Objects.equals(function, key.function)
          && Objects.equals(site, key.site)
          && Objects.equals(arguments, key.arguments);
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(function);
      hash = 31 * hash + Objects.hashCode(site);
      hash = 31 * hash + Objects.hashCode(arguments);
      hash = 31 * hash + Boolean.hashCode(withoutCaller);
      return 31 * hash + Boolean.hashCode(onErrorPath);
    }
  }

  /** One sink per place, role and source. */
  private record SinkKey(Site site, SinkRole role, Taint.SourceKind kind, Site source) {
    @Override
    public boolean equals(Object other) { // written out, as CallKey's
      return other instanceof SinkKey key
          && role == key.role
          && kind == key.kind
          && Objects.equals(site, key.site)
          && Objects.equals(source, key.source);
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(site);
      hash = 31 * hash + Objects.hashCode(role);
      hash = 31 * hash + Objects.hashCode(kind);
      return 31 * hash + Objects.hashCode(source);
    }
  }

  /** An HTTPS check in force while its branch is evaluated: the sources it checked. */
  record Guard(Set<Taint.Source> sources, Taint.Scheme scheme) {}

  private final Map<CallKey, CallSite> callSites = new LinkedHashMap<>();
  private final Map<SinkKey, Sink> sinks = new LinkedHashMap<>();
  private final Map<String, ModuleLoad> moduleLoads = new LinkedHashMap<>();
  private final Set<AnalysisLimit> limits = new LinkedHashSet<>();
  private final Deque<Guard> guards = new ArrayDeque<>();

  /** How deep evaluation is inside functions explored on their own, with no caller. */
  private int withoutCaller;

  /** How deep evaluation is on error paths (a try's handler, the branch of a failure). */
  private int errorPath;

  void recordCall(CallSite call) {
    List<String> arguments = new ArrayList<>();
    for (Value argument : call.arguments()) {
      StringBuilder known = new StringBuilder(Value.describe(argument));
      // Joined onto different constants, one site is several facts (http here, https there).
      if (Values.plain(argument) instanceof Value.Unknown unknown && unknown.base().isPresent()) {
        known.append(" on ").append(unknown.base().get().value());
      }
      // Or with different resource strings joined in (each key is a fact for PQ035).
      List<String> resources = Urls.resources(argument);
      if (!resources.isEmpty()) {
        known.append(" with ").append(resources);
      }
      arguments.add(known.toString());
    }
    callSites.putIfAbsent(
        new CallKey(
            call.function(), call.site(), arguments, call.withoutCaller(), call.onErrorPath()),
        call);
  }

  void recordSink(Sink reached) {
    Sink sink = reached;
    Taint.Flow flow = sink.flow();
    if (flow.scheme().isEmpty()) {
      for (Guard guard : guards) {
        if (guard.sources().contains(flow.source())) {
          sink = sink.withFlow(flow.withScheme(Optional.of(guard.scheme())));
          break;
        }
      }
    }
    Taint.Source source = sink.flow().source();
    SinkKey key =
        new SinkKey(sink.site(), sink.role(), source.kind(), Site.of(source.file(), source.span()));
    // Of a path past an HTTPS check and one around it, the one around it is kept: the bypass
    // must show. Otherwise the first path found.
    sinks.merge(
        key,
        sink,
        (kept, other) -> Taint.Flow.firstIsWeaker(kept.flow(), other.flow()) ? kept : other);
  }

  void recordLimit(AnalysisLimit limit) {
    limits.add(limit);
  }

  void recordModuleLoad(ModuleLoad load) {
    moduleLoads.putIfAbsent(load.name(), load);
  }

  /** Runs {@code work} with an HTTPS check in force: requests made meanwhile are checked. */
  <T> T checked(Guard guard, Supplier<T> work) {
    guards.push(guard);
    try {
      return work.get();
    } finally {
      guards.pop();
    }
  }

  /** Runs {@code work} exploring a function nothing in the connector calls. */
  <T> T withoutCaller(Supplier<T> work) {
    withoutCaller++;
    try {
      return work.get();
    } finally {
      withoutCaller--;
    }
  }

  /** Runs {@code work} on an error path when {@code error} says so. */
  <T> T onErrorPath(boolean error, Supplier<T> work) {
    if (!error) {
      return work.get();
    }
    errorPath++;
    try {
      return work.get();
    } finally {
      errorPath--;
    }
  }

  /** Whether evaluation is inside a function explored on its own. */
  boolean withoutCaller() {
    return withoutCaller > 0;
  }

  /** Whether evaluation is on an error path: a {@code try}'s handler, a failure's branch. */
  boolean onErrorPath() {
    return errorPath > 0;
  }

  /** The library calls recorded, in the order first reached. */
  List<CallSite> callSites() {
    return List.copyOf(callSites.values());
  }

  /** The sensitive or untrusted flows that reached a sink, one per (sink, role, source). */
  List<Sink> sinks() {
    return List.copyOf(sinks.values());
  }

  /** Where a bound on the analysis cut it short, in the order met. */
  List<AnalysisLimit> limits() {
    return List.copyOf(limits);
  }

  /** The modules loaded through {@code Expression.Evaluate}, found or not. */
  List<ModuleLoad> moduleLoads() {
    return List.copyOf(moduleLoads.values());
  }
}
