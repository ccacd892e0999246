package dev.pqcert.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pqcert.json.Json;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.FunctionSignature;
import dev.pqcert.model.Member;
import dev.pqcert.model.ParameterInfo;
import dev.pqcert.model.SourceFile;
import dev.pqcert.model.TestConnection;
import dev.pqcert.model.Value;
import dev.pqcert.model.Values;
import dev.pqcert.parse.Span;
import java.util.Map;

/** {@code pqcert model}: the facts the rules read, as JSON, to see why a rule fired or did not. */
public final class ModelReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelReport() {}

  public static ObjectNode render(String path, ConnectorModel model) {
    ObjectNode root = JSON.createObjectNode();
    root.put("path", path);
    ArrayNode files = root.putArray("files");
    for (SourceFile file : model.files()) {
      ObjectNode node = files.addObject();
      node.put("name", file.name());
      node.put("kind", file.kind().name().toLowerCase(java.util.Locale.ROOT));
      node.put("syntaxErrors", file.parse().errors().size());
    }
    model
        .section()
        .ifPresent(
            section -> {
              ObjectNode node = root.putObject("section");
              node.put("file", section.file());
              node.put("name", section.name().orElse(null));
              node.set("attributes", section.attributes().map(ModelReport::value).orElse(null));
              node.put("members", section.members().size());
              node.put("shared", section.members().stream().filter(Member::shared).count());
            });
    model
        .resources()
        .file()
        .ifPresent(
            f ->
                root.putObject("resources")
                    .put("file", f)
                    .put("strings", model.resources().entries().size()));
    ArrayNode modules = root.putArray("modules");
    for (dev.pqcert.model.ModuleLoad module : model.modules()) {
      modules.addObject().put("name", module.name()).put("found", module.found());
    }
    ArrayNode kinds = root.putArray("kinds");
    for (DataSourceKind kind : model.kinds()) {
      ObjectNode node = kinds.addObject();
      node.put("name", kind.name());
      node.put("definedBy", kind.definition().map(m -> place(m.file(), m.nameSpan())).orElse(null));
      node.set("authentication", kind.authentication().map(ModelReport::value).orElse(null));
      node.set(
          "label",
          kind.recordValue().flatMap(r -> r.get("Label")).map(ModelReport::value).orElse(null));
      kind.testConnection().ifPresent(t -> node.set("testConnection", testConnection(t)));
      ArrayNode functions = node.putArray("functions");
      kind.functions().forEach(f -> functions.add(f.name()));
    }
    ArrayNode exports = root.putArray("exports");
    for (ExportedFunction export : model.exports()) {
      ObjectNode node = exports.addObject();
      node.put("name", export.name());
      node.put("at", place(export.member().file(), export.member().nameSpan()));
      node.put("kind", export.kind());
      node.put("publish", export.publishName().orElse(null));
      node.put("publishFound", export.publishMember().isPresent());
      node.set("publishRecord", export.publishRecord().map(ModelReport::value).orElse(null));
      node.put("value", Value.describe(export.value()));
      export.signature().ifPresent(s -> node.set("signature", signature(s)));
    }
    ArrayNode publishRecords = root.putArray("publishRecords");
    for (dev.pqcert.model.PublishRecord publish : model.publishRecords()) {
      ObjectNode node = publishRecords.addObject();
      node.put("name", publish.name());
      node.put("at", place(publish.member().file(), publish.member().nameSpan()));
      ArrayNode iconSets = node.putArray("iconSets");
      for (dev.pqcert.model.IconSet set : publish.iconSets()) {
        ObjectNode setNode = iconSets.addObject();
        setNode.put("field", set.field().name());
        ArrayNode icons = setNode.putArray("icons");
        for (dev.pqcert.model.IconSet.Icon icon : set.icons()) {
          ObjectNode iconNode = icons.addObject();
          iconNode.put("slot", icon.slot());
          iconNode.put("file", icon.fileName().orElse(null));
          ArrayNode sizes = iconNode.putArray("pixels");
          icon.allowedSizes().forEach(sizes::add);
        }
      }
    }
    ArrayNode displayStrings = root.putArray("displayStrings");
    for (dev.pqcert.model.DisplayString string : model.displayStrings()) {
      ObjectNode node = displayStrings.addObject();
      node.put("what", string.what());
      node.set("text", value(string.value()));
      node.put("fromResources", string.fromResources());
    }
    ArrayNode navigation = root.putArray("navigationEvidence");
    model
        .navigationEvidence()
        .forEach(c -> navigation.add(c.function() + " at " + place(c.file(), c.span())));
    ArrayNode unresolved = root.putArray("unresolvedNames");
    model.resolutions().entrySet().stream()
        .filter(e -> e.getValue() instanceof dev.pqcert.model.Definition.Unresolved)
        .map(e -> e.getKey().name() + " at " + e.getKey().span().start())
        .sorted()
        .forEach(unresolved::add);
    ArrayNode calls = root.putArray("calls");
    for (dev.pqcert.model.CallSite call : model.calls()) {
      ObjectNode node = calls.addObject();
      node.put("function", call.function());
      node.put("at", place(call.file(), call.span()));
      ArrayNode arguments = node.putArray("arguments");
      call.arguments().forEach(a -> arguments.add(value(a)));
      if (call.withoutCaller()) {
        node.put("withoutCaller", true); // reached only exploring a function nothing calls
      }
      if (call.onErrorPath()) {
        node.put("onErrorPath", true); // reached only when something failed
      }
    }
    ArrayNode flows = root.putArray("flows");
    for (dev.pqcert.model.Sink sink : model.sinks()) {
      ObjectNode node = flows.addObject();
      node.put("source", sink.flow().source().kind().description());
      node.put("from", sink.flow().source().description());
      node.put("sourceAt", place(sink.flow().source().file(), sink.flow().source().span()));
      ArrayNode steps = node.putArray("path");
      sink.flow()
          .steps()
          .forEach(
              step -> steps.add(step.description() + " (" + place(step.file(), step.span()) + ")"));
      sink.flow()
          .scheme()
          .ifPresent(
              scheme ->
                  node.putObject("scheme")
                      .put("kind", scheme.kind().name().toLowerCase(java.util.Locale.ROOT))
                      .put("settledBy", scheme.description())
                      .put("at", place(scheme.file(), scheme.span())));
      sink.flow()
          .computation()
          .ifPresent(step -> node.put("computedAt", place(step.file(), step.span())));
      node.put("sink", sink.function());
      node.put("role", sink.role().label());
      node.put("sinkAt", place(sink.file(), sink.span()));
    }
    model.submission().ifPresent(s -> SubmissionJson.render(root.putObject("submission"), s));
    return root;
  }

  public static String toJson(ObjectNode node) {
    return Json.pretty(JSON, node);
  }

  private static ObjectNode testConnection(TestConnection test) {
    ObjectNode node = JSON.createObjectNode();
    node.put("at", place(test.file(), test.span()));
    node.put("parameters", test.parameterCount());
    node.put("function", test.functionName().orElse(null));
    ArrayNode arguments = node.putArray("arguments");
    test.arguments().forEach(a -> arguments.add(value(a)));
    node.set("returns", value(test.returned()));
    return node;
  }

  private static ObjectNode signature(FunctionSignature signature) {
    ObjectNode node = JSON.createObjectNode();
    node.put("fromReplacedType", signature.fromReplacedType());
    ArrayNode parameters = node.putArray("parameters");
    for (ParameterInfo parameter : signature.parameters()) {
      ObjectNode p = parameters.addObject();
      p.put("name", parameter.name());
      p.put("optional", parameter.optional());
      p.put("type", parameter.typeName());
      p.set("documentation", parameter.documentation().map(ModelReport::value).orElse(null));
    }
    node.put(
        "returnType",
        signature.returnType().map(t -> ParameterInfo.describeTypeName(t)).orElse(null));
    node.set("documentation", signature.documentation().map(ModelReport::value).orElse(null));
    return node;
  }

  /** A value as JSON: constants as themselves, everything else described. */
  static com.fasterxml.jackson.databind.JsonNode value(Value value) {
    Value plain = Values.plain(value);
    if (plain instanceof Value.Text text) {
      return JSON.getNodeFactory().textNode(text.value());
    }
    if (plain instanceof Value.NumberValue number) {
      return JSON.getNodeFactory().numberNode(number.value());
    }
    if (plain instanceof Value.Logical logical) {
      return JSON.getNodeFactory().booleanNode(logical.value());
    }
    if (plain instanceof Value.Null) {
      return JSON.getNodeFactory().nullNode();
    }
    if (plain instanceof Value.ListValue list) {
      ArrayNode items = JSON.createArrayNode();
      list.items().forEach(i -> items.add(value(i)));
      return items;
    }
    if (plain instanceof Value.RecordValue record) {
      ObjectNode fields = JSON.createObjectNode();
      for (Map.Entry<String, Value.RecordField> field : record.fields().entrySet()) {
        fields.set(field.getKey(), value(field.getValue().value()));
      }
      return fields;
    }
    if (plain instanceof Value.BundledFile file) {
      return JSON.getNodeFactory().textNode("<bundled file " + file.name() + ">");
    }
    return JSON.getNodeFactory().textNode("<" + Value.describe(plain) + ">");
  }

  private static String place(String file, Span span) {
    return file + ":" + span.start().line() + ":" + span.start().column();
  }
}
