package dev.pqcert.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.parse.ast.Expr;
import dev.pqcert.testing.Connectors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The model's facts on connectors written in each of the shapes real connectors use. */
class ConnectorModelTest {
  private static final Path FIXTURES = Path.of("src/test/resources/model");

  private static ConnectorModel model(String folder) {
    return Connectors.model(FIXTURES.resolve(folder));
  }

  @Test
  void kindRecordsAreFoundHoweverTheyAreWritten() {
    ConnectorModel model = model("kinds");
    assertEquals(
        List.of("Inline", "InLet", "Elsewhere", "Merged"),
        model.kinds().stream().map(DataSourceKind::name).toList(),
        "a kind attribute on a member that is not shared exports nothing");
    Map<String, String> authentication =
        model.kinds().stream()
            .collect(
                Collectors.toMap(
                    DataSourceKind::name,
                    k -> String.join(",", k.authentication().orElseThrow().fields().keySet())));
    assertEquals("Anonymous", authentication.get("Inline"));
    assertEquals("Key", authentication.get("InLet"));
    assertEquals("UsernamePassword,Windows", authentication.get("Elsewhere"));
    assertEquals("Anonymous", authentication.get("Merged"));

    assertEquals(
        Optional.of("Elsewhere label"),
        model
            .kind("Elsewhere")
            .flatMap(DataSourceKind::recordValue)
            .flatMap(r -> r.get("Label"))
            .flatMap(Values::text),
        "Extension.LoadString is resolved through resources.resx");
    TestConnection inLet = model.kind("InLet").orElseThrow().testConnection().orElseThrow();
    assertEquals(1, inLet.parameterCount());
    assertEquals(Optional.of("InLet.Contents"), inLet.functionName());
    TestConnection merged = model.kind("Merged").orElseThrow().testConnection().orElseThrow();
    assertEquals(Optional.of("Merged.Contents"), merged.functionName());
    assertEquals(1, merged.arguments().size(), "the data source path is passed on");
    assertTrue(model.kind("Elsewhere").orElseThrow().testConnection().isEmpty());
  }

  @Test
  void publishRecordsAreResolvedByTheirAttributeNames() {
    ConnectorModel model = model("publish");
    Map<String, ExportedFunction> exports =
        model.exports().stream().collect(Collectors.toMap(ExportedFunction::name, e -> e));
    assertEquals(Optional.of(true), beta(exports.get("Publish.Contents")));
    assertEquals(Optional.of(true), beta(exports.get("Publish.Tables")), "Beta through a let");
    assertEquals(Optional.of(false), beta(exports.get("Publish.Feed")), "merged with &");
    ExportedFunction missing = exports.get("Publish.Files");
    assertEquals(Optional.of("Publish.Missing"), missing.publishName());
    assertTrue(missing.publishMember().isEmpty(), "a Publish name with no member is a fact");
    assertEquals(1, model.kinds().size());
    assertEquals(4, model.kinds().get(0).functions().size());
  }

  private static Optional<Boolean> beta(ExportedFunction export) {
    return export
        .publishRecord()
        .flatMap(Values::record)
        .flatMap(r -> r.get("Beta"))
        .flatMap(Values::logical);
  }

  @Test
  void documentationTypesAreReadInlineFromMembersAndFromHelpers() {
    ConnectorModel model = model("docs");
    Map<String, ExportedFunction> exports =
        model.exports().stream().collect(Collectors.toMap(ExportedFunction::name, e -> e));

    FunctionSignature inline = exports.get("Docs.Inline").signature().orElseThrow();
    assertTrue(inline.fromReplacedType());
    assertEquals(Optional.of("Inline"), documentation(inline, "Documentation.Name"));
    assertEquals(Optional.of("URL"), caption(inline.parameters().get(0)));
    assertEquals("text", inline.parameters().get(0).typeName());
    assertEquals("table", ParameterInfo.describeTypeName(inline.returnType().orElseThrow()));

    FunctionSignature member = exports.get("Docs.Member").signature().orElseThrow();
    assertEquals(
        Optional.of("In a member"), documentation(member, "Documentation.LongDescription"));
    assertEquals("Uri.Type", member.parameters().get(0).typeName());
    assertEquals(Optional.of("Address"), caption(member.parameters().get(0)));
    assertTrue(member.parameters().get(1).optional());
    assertEquals(1, member.required().size());

    FunctionSignature helper = exports.get("Docs.Helper").signature().orElseThrow();
    assertEquals(Optional.of("Helper"), documentation(helper, "Documentation.Name"));
    assertEquals("server", helper.parameters().get(0).name());
    assertEquals(Optional.of("Server"), caption(helper.parameters().get(0)));

    FunctionSignature plain = exports.get("Docs.Plain").signature().orElseThrow();
    assertFalse(plain.fromReplacedType());
    assertTrue(plain.documentation().isEmpty());
    assertEquals("record", ParameterInfo.describeTypeName(plain.returnType().orElseThrow()));
  }

  private static Optional<String> documentation(FunctionSignature signature, String field) {
    return signature.documentation().flatMap(d -> d.get(field)).flatMap(Values::text);
  }

  private static Optional<String> caption(ParameterInfo parameter) {
    return parameter
        .documentation()
        .flatMap(d -> d.get("Documentation.FieldCaption"))
        .flatMap(Values::text);
  }

  @Test
  void modulesAreLoadedWhateverTheLoaderIsCalled() {
    ConnectorModel model = model("loaders");
    Map<String, Boolean> modules =
        model.modules().stream().collect(Collectors.toMap(ModuleLoad::name, ModuleLoad::found));
    assertEquals(
        Map.of("Math.pqm", true, "Strings.pqm", true, "Tables.pqm", true, "Missing.pqm", false),
        modules);
    Value strings =
        model
            .section()
            .orElseThrow()
            .member("Strings")
            .map(m -> memberValue(model, m))
            .orElseThrow();
    assertEquals(
        Optional.of("strings"),
        Values.record(strings).flatMap(r -> r.get("Name")).flatMap(Values::text),
        "a module's value is the record it evaluates to");
    assertTrue(
        model.files().stream().anyMatch(f -> f.name().equals("Math.pqm") && f.parse().ok()),
        "modules keep their own file");
  }

  private static Value memberValue(ConnectorModel model, Member member) {
    return model.memberValue(member.name()).orElseThrow();
  }

  @Test
  void credentialsAreFollowedToWhereTheyAreSent() {
    ConnectorModel model = model("flows");
    List<Sink> credential =
        model.sinks().stream().filter(s -> s.flow().source().kind().isCredential()).toList();
    Map<String, List<String>> rolesByLine =
        credential.stream()
            .collect(
                Collectors.groupingBy(
                    s -> s.function() + ":" + s.span().start().line(),
                    java.util.TreeMap::new,
                    Collectors.mapping(s -> s.role().label(), Collectors.toList())));
    assertEquals(
        Map.of(
            "Web.Contents:7", List.of("Headers"),
            "Web.Contents:10", List.of("Query"),
            "Web.Contents:13", List.of("URL"),
            "Web.Contents:18", List.of("Headers")),
        rolesByLine);
    Sink viaTwoCalls =
        credential.stream().filter(s -> s.span().start().line() == 18).findFirst().orElseThrow();
    assertEquals(16, viaTwoCalls.flow().source().span().start().line(), "read in GetToken");
    String path =
        viaTwoCalls.flow().steps().stream()
            .map(Taint.Step::description)
            .collect(Collectors.joining(" / "));
    assertEquals(
        "[access_token] of Extension.CurrentCredential()",
        viaTwoCalls.flow().source().description());
    assertEquals(Taint.SourceKind.SECRET, viaTwoCalls.flow().source().kind());
    assertTrue(path.contains("passed to Bearer as 'token'"), path);
    Sink plural =
        credential.stream().filter(s -> s.role() == SinkRole.URL).findFirst().orElseThrow();
    assertEquals("[Key] of Extension.CurrentCredentials()", plural.flow().source().description());
  }

  @Test
  void userInputReachingExpressionEvaluateIsAFlow() {
    ConnectorModel model = model("flows");
    Sink evaluate =
        model.sinks().stream()
            .filter(s -> s.function().equals("Expression.Evaluate"))
            .findFirst()
            .orElseThrow();
    assertEquals(Taint.SourceKind.USER_INPUT, evaluate.flow().source().kind());
    assertEquals("parameter 'code' of Flows.Evaluate", evaluate.flow().source().description());
    assertEquals(SinkRole.EXPRESSION, evaluate.role());
  }

  @Test
  void aValueThatDependsOnAParameterStaysUnknown() {
    ConnectorModel model = model("flows");
    CallSite call =
        model.calls(LibraryFunction.WEB_CONTENTS).stream()
            .filter(c -> c.span().start().line() == 18)
            .findFirst()
            .orElseThrow();
    assertEquals(Optional.of("https://api.flows.example/"), call.argument(0).flatMap(Values::text));
    assertFalse(
        Values.isKnown(call.option(1, "RelativePath").orElseThrow()),
        "RelativePath comes from a parameter: unknown, never guessed");
  }

  @Test
  void everyIdentifierResolves() {
    ConnectorModel model = model("loaders");
    Map<String, Definition> byName =
        model.resolutions().entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().name() + "@" + e.getKey().span().start().line(),
                    Map.Entry::getValue,
                    (a, b) -> a));
    assertTrue(byName.get("name@8") instanceof Definition.Parameter, byName.toString());
    assertTrue(byName.get("binary@9") instanceof Definition.LetVariable);
    assertTrue(byName.get("Extension.Contents@8") instanceof Definition.Library);
    assertTrue(byName.get("LoadExpression@16") instanceof Definition.MemberDefinition);
    assertTrue(byName.get("Math@21") instanceof Definition.MemberDefinition);
    long unresolved =
        model.resolutions().values().stream()
            .filter(Definition.Unresolved.class::isInstance)
            .count();
    assertEquals(0, unresolved, model.resolutions().toString());
    assertTrue(model.resolutions().keySet().stream().allMatch(Expr.Identifier.class::isInstance));
  }

  @Test
  void httpsChecksAndConstantBasesTravelWithTheFlow() {
    ConnectorModel model = model("urls");
    Map<String, Taint.Flow> byExport =
        model.sinks().stream()
            .filter(s -> s.role() == SinkRole.URL)
            .collect(
                Collectors.toMap(s -> s.flow().source().description(), Sink::flow, (a, b) -> a));
    Taint.Flow checked = byExport.get("parameter 'url' of Urls.Checked");
    assertTrue(checked.https(), "Check(url) returns the checked URL");
    assertEquals(4, checked.scheme().orElseThrow().span().start().line());
    assertFalse(checked.computed(), "the URL is the parameter as it is");
    Taint.Flow unchecked = byExport.get("parameter 'url' of Urls.Unchecked");
    assertTrue(unchecked.scheme().isEmpty());
    Taint.Flow joined = byExport.get("parameter 'path' of Urls.Joined");
    assertTrue(joined.https(), "joined onto a resource string that is an https:// URL");
    assertEquals("joined with &", joined.computation().orElseThrow().description());
    Taint.Flow plain = byExport.get("parameter 'host' of Urls.Plain");
    assertFalse(plain.scheme().orElseThrow().https(), "the constant http:// prefix");
    CallSite joinedCall =
        model.calls(LibraryFunction.WEB_CONTENTS).stream()
            .filter(c -> c.span().start().line() == 13)
            .findFirst()
            .orElseThrow();
    Value.Unknown url = (Value.Unknown) joinedCall.argument(0).orElseThrow();
    Value.Text base = url.base().orElseThrow();
    assertTrue(base.wholeResource(), "the base is a resource string");
    assertEquals(List.of("Base"), base.resources());
  }

  @Test
  void handlersGivenToLibraryFunctionsSeeWhatTheyCloseOver() {
    ConnectorModel model = model("handlers");
    CallSite rows = model.calls(LibraryFunction.WEB_CONTENTS).stream().findFirst().orElseThrow();
    assertEquals(8, rows.span().start().line(), "GetRows, called by Table.View");
    assertEquals(
        Optional.of("http://api.handlers.example/v2/rows"),
        rows.argument(0).flatMap(Values::text),
        "the state record's URL, captured by the handler");
    Map<Integer, List<Taint.SourceKind>> traced =
        model.sinks().stream()
            .filter(s -> s.role() == SinkRole.TRACE)
            .collect(
                Collectors.groupingBy(
                    s -> s.span().start().line(),
                    Collectors.mapping(s -> s.flow().source().kind(), Collectors.toList())));
    assertEquals(
        Map.of(18, List.of(Taint.SourceKind.USER_INPUT)),
        traced,
        "OnError traces the server it closes over; SQLColumns' parameters come from the engine and"
            + " carry nothing of the credential beside them");
  }

  /** The URL argument of each Web.Contents call, by the call's line (the first call of a line). */
  private static Map<Integer, Value> requestUrlsByLine(ConnectorModel model) {
    return model.calls(LibraryFunction.WEB_CONTENTS).stream()
        .collect(
            Collectors.toMap(
                c -> c.span().start().line(), c -> c.argument(0).orElseThrow(), (a, b) -> a));
  }

  @Test
  void resourceKeysSurviveConcatenation() {
    ConnectorModel model = model("urls");
    Map<Integer, Value> urls = requestUrlsByLine(model);
    Value.Text suffixed = (Value.Text) Values.plain(urls.get(25));
    assertEquals("https://api.urls.example/v2/", suffixed.value());
    assertEquals(List.of("Base"), suffixed.resources(), "the key of the resource part");
    assertFalse(suffixed.wholeResource(), "not a resource string as a whole");
    Value.Unknown after = (Value.Unknown) Values.plain(urls.get(28));
    assertEquals(List.of("KeyLabel"), after.resources(), "joined after text of unknown origin");
    assertEquals(List.of("Base"), Urls.resources(urls.get(13)), "through the constant base");
  }

  @Test
  void anIfOnAnUnknownConditionKeepsWhatBothBranchesAgreeOn() {
    ConnectorModel model = model("branches");
    Map<Integer, Value> urls = requestUrlsByLine(model);
    Value.Unknown shared = (Value.Unknown) Values.plain(urls.get(8));
    Value.Text base = shared.base().orElseThrow();
    assertEquals("https://api.branches.example/", base.value(), "both branches combine BaseUrl");
    assertEquals(4, base.span().start().line(), "the constant where it is written");
    Value.Unknown different = (Value.Unknown) Values.plain(urls.get(12));
    assertEquals(Optional.empty(), different.base(), "each branch is built on another constant");
    Value.Unknown keys = (Value.Unknown) Values.plain(urls.get(16));
    assertEquals(Optional.empty(), keys.base(), "two different texts");
    assertEquals(List.of("Path"), Urls.resources(keys), "the key joined into both branches only");
    Value.Unknown oneSided = (Value.Unknown) Values.plain(urls.get(20));
    assertEquals(Optional.empty(), oneSided.base(), "only one branch is built on BaseUrl");
    Taint.Flow flow =
        model.sinks().stream()
            .filter(s -> s.role() == SinkRole.URL && s.span().start().line() == 20)
            .map(Sink::flow)
            .findFirst()
            .orElseThrow();
    assertEquals("parameter 'url' of Branches.OneSided", flow.source().description());
    assertTrue(flow.scheme().isEmpty(), "the user's URL as it is, on the first branch");
    Value.Unknown coalesced = (Value.Unknown) Values.plain(urls.get(24));
    assertEquals(
        "https://api.branches.example/",
        coalesced.base().map(Value.Text::value).orElseThrow(),
        "x ?? y, x unknown: either side may be the value, and both are built on BaseUrl");
  }

  @Test
  void contentParsersAreNotRequests() {
    ConnectorModel model = model("requests");
    assertEquals(
        List.of("Expression.Evaluate:12 response of Web.Contents(...)"),
        model.sinks().stream()
            .map(
                s ->
                    s.function()
                        + ":"
                        + s.span().start().line()
                        + " "
                        + s.flow().source().kind().description()
                        + " "
                        + s.flow().source().description())
            .filter(s -> !s.startsWith("OData.Feed") && !s.startsWith("Web.Contents"))
            .toList(),
        "Xml.Document and Web.Page get content, not a URL: no sink of their own, and the content"
            + " of a bundled file is not a web response");
    CallSite feed = model.calls(LibraryFunction.ODATA_FEED).get(0);
    assertTrue(feed.isRequest());
    assertEquals(
        Optional.of(true),
        feed.requestOption("ManualCredentials").flatMap(Values::logical),
        "OData.Feed's options are its third argument");
    assertTrue(
        model.calls().stream()
            .noneMatch(
                c -> c.function().equals("Xml.Document") || c.function().equals("Web.Page")));
  }

  @Test
  void resourceEntriesKnowWhereTheirDataElementIs() {
    ConnectorModel model = model("urls");
    Resources.Entry base = model.resources().get("Base").orElseThrow();
    assertEquals("4:3", base.span().start().toString(), "the commented-out entry is skipped");
    assertEquals("5:2", model.resources().get("KeyLabel").orElseThrow().span().start().toString());
  }

  @Test
  void publishRecordsIconsAndDisplayStrings() {
    ConnectorModel model = model("urls");
    PublishRecord publish = model.publishRecords().get(0);
    assertEquals(2, publish.iconSets().size());
    List<IconSet.Icon> icons = publish.iconSets().get(0).icons();
    assertEquals(Optional.of("Urls16.png"), icons.get(0).fileName());
    assertEquals(List.of(16, 20, 24, 32), icons.get(0).allowedSizes(), "a short list: any size");
    Map<String, Boolean> fromResources =
        model.displayStrings().stream()
            .collect(Collectors.toMap(DisplayString::what, DisplayString::fromResources));
    assertEquals(
        Map.of(
            "the ButtonText title of publish record 'Urls.Publish'", true,
            "the ButtonText help text of publish record 'Urls.Publish'", false,
            "the Label of data source kind 'Urls'", false,
            "the KeyLabel of the Key authentication of 'Urls'", true),
        fromResources);
  }

  @Test
  void imageHeadersAreReadNotTrusted() {
    byte[] png = dev.pqcert.testing.Images.image("png", 20, 24);
    assertEquals(Optional.of(new ImageHeader("PNG", 20, 24)), ImageHeader.read(png));
    byte[] jpeg = dev.pqcert.testing.Images.image("jpeg", 16, 16);
    assertEquals(Optional.of(new ImageHeader("JPEG", 16, 16)), ImageHeader.read(jpeg));
    assertEquals(
        Optional.empty(),
        ImageHeader.read("text".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
