package dev.pqcert.rules;

import dev.pqcert.model.CallSite;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.LibraryFunction;
import dev.pqcert.model.Sink;
import dev.pqcert.model.SinkRole;
import dev.pqcert.model.Site;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PQ055: what {@code Expression.Evaluate} evaluates is static: a constant, or a module bundled in
 * the package. A value from a parameter, a credential or a web response is a violation; an
 * expression the model cannot prove static is a question for the reviewer.
 */
final class ExpressionEvaluateRule implements Rule {
  @Override
  public String id() {
    return "PQ055";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    List<Sink> dynamic =
        model.sinks().stream().filter(s -> s.role() == SinkRole.EXPRESSION).toList();
    Set<Site> tainted = new HashSet<>();
    dynamic.forEach(sink -> tainted.add(sink.site()));
    Flows.report(
        findings,
        findings.level(),
        dynamic,
        sink ->
            Flows.describe(sink)
                + "; evaluate only constant text or a module bundled in the package");
    // A call site is static when any evaluation of it had a constant or bundled expression: the
    // loader helper explored on its own, with an unknown file name, does not count against it.
    Map<Site, CallSite> unproven = new LinkedHashMap<>();
    Set<Site> proven = new HashSet<>();
    for (CallSite call : model.calls(LibraryFunction.EXPRESSION_EVALUATE)) {
      Site site = call.site();
      Value expression = call.argument(0).map(Values::plain).orElse(null);
      if (expression instanceof Value.Text || expression instanceof Value.BundledText) {
        proven.add(site);
      } else if (!call.withoutCaller()) {
        unproven.putIfAbsent(site, call);
      }
      // Reached only inside a function explored on its own, the text depends on what a caller
      // passes; callers are evaluated where they call, so none passes anything unknown.
    }
    for (Map.Entry<Site, CallSite> entry : unproven.entrySet()) {
      if (!proven.contains(entry.getKey()) && !tainted.contains(entry.getKey())) {
        CallSite call = entry.getValue();
        findings.report(
            Level.REVIEW,
            call.file(),
            call.span(),
            "Expression.Evaluate's expression could not be shown to be static; a reviewer will ask"
                + " where it comes from: make it a constant or a bundled module");
      }
    }
  }
}
