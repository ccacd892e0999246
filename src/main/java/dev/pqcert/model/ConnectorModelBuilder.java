package dev.pqcert.model;

import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.BundleEntry;
import dev.pqcert.bundle.DecodedText;
import dev.pqcert.bundle.EntryKind;
import dev.pqcert.bundle.InputException;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.ParseResult;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.SectionDocument;
import dev.pqcert.parse.ast.SectionMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/** Parses a bundle's M files once and reads the connector's structure and facts from them. */
public final class ConnectorModelBuilder {
  /** Parses a connector's other files beside the first: daemon threads, one per spare core. */
  private static final Executor PARSERS =
      Executors.newFixedThreadPool(
          Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
          work -> {
            Thread thread = new Thread(work, "pqcert-parse");
            thread.setDaemon(true);
            return thread;
          });

  private ConnectorModelBuilder() {}

  /** A parse done on another thread, failing as it would have failed on this one. */
  private static ParseResult result(CompletableFuture<ParseResult> parse) {
    try {
      return parse.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failed.getCause() instanceof Error error) {
        throw error;
      }
      throw failed;
    }
  }

  /** One M file to parse. */
  private record Parsing(BundleEntry entry, DecodedText decoded, DocumentKind kind) {
    ParseResult parse() {
      return DocumentParser.parse(new SourceText(entry.name(), decoded.text()), kind);
    }
  }

  public static ConnectorModel build(Bundle bundle) throws InputException {
    List<BundleEntry> code = new ArrayList<>(bundle.entries());
    code.addAll(bundle.unpackagedModules()); // the connector's code, even where a build omits it
    List<Parsing> parsings = new ArrayList<>();
    for (BundleEntry entry : code) {
      if (entry.kind() == EntryKind.SECTION_DOCUMENT || entry.kind() == EntryKind.MODULE) {
        DecodedText decoded = entry.text(bundle.displayName());
        DocumentKind kind =
            entry.kind() == EntryKind.MODULE ? DocumentKind.EXPRESSION : DocumentKind.AUTO;
        parsings.add(new Parsing(entry, decoded, kind));
      }
    }
    // A connector of several files (modules) parses them on every core; the first here.
    List<CompletableFuture<ParseResult>> others = new ArrayList<>();
    for (Parsing parsing : parsings.subList(Math.min(1, parsings.size()), parsings.size())) {
      others.add(CompletableFuture.supplyAsync(parsing::parse, PARSERS));
    }
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < parsings.size(); i++) {
      Parsing parsing = parsings.get(i);
      ParseResult parse = i == 0 ? parsing.parse() : result(others.get(i - 1));
      files.add(
          new SourceFile(
              parsing.entry().name(),
              parsing.entry().kind(),
              parse,
              parsing.decoded().undecodable()));
    }
    Resources resources =
        bundle
            .find("resources.resx")
            .map(entry -> Resources.read(entry.name(), entry.bytes()))
            .orElse(Resources.none());

    // With several candidates the first is analysed; a package-level rule reports the others.
    Optional<SourceFile> sectionFile =
        files.stream().filter(f -> f.kind() == EntryKind.SECTION_DOCUMENT).findFirst();
    Scope sectionScope = Scope.root();
    Scope sharedScope = Scope.root();
    Evaluator evaluator =
        new Evaluator(new ConnectorEnvironment(files, resources, sectionScope, sharedScope));
    Optional<Section> section =
        sectionFile.flatMap(
            f ->
                f.parse()
                    .document()
                    .section()
                    .map(document -> section(f.name(), document, evaluator)));
    section.ifPresent(s -> bindMembers(s, evaluator, sectionScope, sharedScope));
    // Every member once, so module loaders run and their modules become part of the model.
    sectionScope
        .own()
        .forEach(
            (name, binding) ->
                evaluator.task(memberTask(binding.definition(), name), binding.value()::force));

    List<ExportedFunction> exports = new ArrayList<>();
    Map<String, List<ExportedFunction>> byKind = new LinkedHashMap<>();
    for (Member member : section.map(Section::members).orElse(List.of())) {
      Optional<String> kind = member.attribute("DataSource.Kind").flatMap(Values::text);
      if (kind.isEmpty() || !member.shared()) {
        continue; // a kind attribute on a member that is not shared exports nothing
      }
      ExportedFunction export = export(member, kind.get(), section.get(), sectionScope);
      exports.add(export);
      byKind.computeIfAbsent(kind.get(), k -> new ArrayList<>()).add(export);
    }
    List<DataSourceKind> kinds = new ArrayList<>();
    for (Map.Entry<String, List<ExportedFunction>> entry : byKind.entrySet()) {
      Optional<Member> definition = section.get().member(entry.getKey());
      Value record =
          definition
              .map(m -> valueOf(m, sectionScope))
              .orElse(new Value.Unknown(dev.pqcert.parse.Span.NONE));
      Optional<TestConnection> testConnection =
          Values.record(record).flatMap(r -> TestConnection.of(r, evaluator));
      kinds.add(
          new DataSourceKind(
              entry.getKey(), definition, record, List.copyOf(entry.getValue()), testConnection));
    }
    Map<String, Value> results = explore(section, exports, kinds, evaluator, sectionScope);
    Map<Expr.Identifier, Definition> resolutions =
        NameResolver.resolve(
            section, files.stream().filter(f -> f.kind() == EntryKind.MODULE).toList());
    return new ConnectorModel(
        bundle,
        List.copyOf(files),
        sectionFile,
        section,
        resources,
        List.copyOf(kinds),
        List.copyOf(exports),
        evaluator.recorder().moduleLoads(),
        evaluator.recorder().callSites(),
        evaluator.recorder().sinks(),
        resolutions,
        TraceFlag.find(section, resolutions, sectionScope),
        Map.copyOf(results),
        memberValues(sectionScope),
        evaluator.recorder().limits(),
        Optional.empty());
  }

  private static AnalysisLimit.Task memberTask(Definition definition, String name) {
    return definition instanceof Definition.MemberDefinition member
        ? new AnalysisLimit.Task(
            "member '" + name + "'", member.member().file(), member.member().nameSpan())
        : new AnalysisLimit.Task("member '" + name + "'", "", dev.pqcert.parse.Span.NONE);
  }

  /** Each section member's value, as the connector's code computes it (forced already). */
  private static Map<String, Value> memberValues(Scope sectionScope) {
    Map<String, Value> values = new LinkedHashMap<>();
    sectionScope.own().forEach((name, binding) -> values.put(name, binding.value().force()));
    return java.util.Collections.unmodifiableMap(values);
  }

  /**
   * Follows values through the connector: each exported function is called with its parameters
   * marked as user input; every other function member, and the kind records' handlers, with
   * parameters of unknown origin. What reaches a sink on the way becomes a fact.
   */
  private static Map<String, Value> explore(
      Optional<Section> section,
      List<ExportedFunction> exports,
      List<DataSourceKind> kinds,
      Evaluator evaluator,
      Scope sectionScope) {
    java.util.Set<String> exported = new java.util.HashSet<>();
    Map<String, Value> results = new LinkedHashMap<>();
    for (ExportedFunction export : exports) {
      exported.add(export.name());
      if (Values.plain(export.value()) instanceof Value.FunctionValue function) {
        List<Thunk> arguments = new ArrayList<>();
        List<Expr.Parameter> parameters = function.function().parameters();
        // The names the user sees are those of the exported type (Value.ReplaceType), when known.
        List<ParameterInfo> shown =
            export.signature().map(FunctionSignature::parameters).orElse(List.of());
        for (int i = 0; i < parameters.size(); i++) {
          Expr.Parameter parameter = parameters.get(i);
          String name =
              shown.size() == parameters.size() ? shown.get(i).name() : parameter.name().name();
          arguments.add(
              Thunk.of(
                  new Value.Unknown(
                      parameter.span(),
                      Taint.of(
                          new Taint.Source(
                              Taint.SourceKind.USER_INPUT,
                              "parameter '" + name + "' of " + export.name(),
                              function.file(),
                              parameter.span())))));
        }
        results.put(
            export.name(),
            evaluator.task(
                new AnalysisLimit.Task(
                    "exported function '" + export.name() + "'",
                    export.member().file(),
                    export.member().nameSpan()),
                () ->
                    evaluator.callExport(
                        function, arguments, export.member().nameSpan(), export.member().file())));
      }
    }
    for (Member member : section.map(Section::members).orElse(List.of())) {
      if (!exported.contains(member.name())) {
        probe(
            valueOf(member, sectionScope),
            evaluator,
            member.file(),
            new AnalysisLimit.Task(
                "member '" + member.name() + "'", member.file(), member.nameSpan()),
            true);
      }
    }
    for (DataSourceKind kind : kinds) {
      kind.recordValue().ifPresent(record -> probeFields(record, kind.name(), evaluator, 0));
    }
    return results;
  }

  private static void probeFields(
      Value.RecordValue record, String kind, Evaluator evaluator, int depth) {
    for (Map.Entry<String, Value.RecordField> field : record.fields().entrySet()) {
      Value value = field.getValue().value();
      AnalysisLimit.Task what =
          new AnalysisLimit.Task(
              "handler '" + field.getKey() + "' of data source kind '" + kind + "'",
              record.file(),
              field.getValue().nameSpan());
      probe(value, evaluator, record.file(), what, false);
      if (depth < 2) {
        Values.record(value).ifPresent(inner -> probeFields(inner, kind, evaluator, depth + 1));
      }
    }
  }

  /**
   * Calls a function with unknown parameters for the facts inside it: a section member on its own
   * ({@code withoutCaller}: its real calls, if any, are evaluated where they are), or a handler of
   * a kind record, which the engine calls with values of its own.
   */
  private static void probe(
      Value value,
      Evaluator evaluator,
      String file,
      AnalysisLimit.Task what,
      boolean withoutCaller) {
    if (Values.plain(value) instanceof Value.FunctionValue function) {
      List<Thunk> arguments = new ArrayList<>();
      for (Expr.Parameter parameter : function.function().parameters()) {
        arguments.add(Thunk.of(new Value.Unknown(parameter.span())));
      }
      evaluator.task(
          what,
          () ->
              withoutCaller
                  ? evaluator.callWithoutCaller(function, arguments, function.span(), file)
                  : evaluator.call(function, arguments, function.span(), file));
    }
  }

  private static Section section(String file, SectionDocument document, Evaluator evaluator) {
    List<Member> members = new ArrayList<>();
    for (SectionMember member : document.members()) {
      members.add(
          new Member(
              file,
              member.name().name(),
              member.shared(),
              member.attributes().map(a -> attributes(a, file, evaluator)),
              member.span(),
              member.name().span(),
              member.value()));
    }
    return new Section(
        file,
        document.name().map(n -> n.name()),
        document.sectionKeyword(),
        document.attributes().map(a -> attributes(a, file, evaluator)),
        List.copyOf(members));
  }

  /** Attribute records are literals: evaluated with nothing in scope. */
  private static Value.RecordValue attributes(
      Expr.RecordExpr record, String file, Evaluator evaluator) {
    return (Value.RecordValue) evaluator.eval(record, Scope.root(), file);
  }

  private static void bindMembers(
      Section section, Evaluator evaluator, Scope sectionScope, Scope sharedScope) {
    for (Member member : section.members()) {
      Thunk value =
          Thunk.lazy(
              member.value(), () -> evaluator.eval(member.value(), sectionScope, member.file()));
      Definition definition = new Definition.MemberDefinition(member);
      if (sectionScope.own().containsKey(member.name())) {
        continue; // a repeated member name: the first one is what M reports as defined
      }
      sectionScope.bind(definition, value);
      if (member.shared()) {
        sharedScope.bind(definition, value);
      }
    }
  }

  private static Value valueOf(Member member, Scope sectionScope) {
    return sectionScope
        .lookup(member.name())
        .map(b -> b.value().force())
        .orElse(new Value.Unknown(member.span()));
  }

  private static ExportedFunction export(
      Member member, String kind, Section section, Scope sectionScope) {
    Optional<String> publishName = member.attribute("Publish").flatMap(Values::text);
    Optional<Member> publishMember = publishName.flatMap(section::member);
    Optional<Value> publishRecord = publishMember.map(m -> valueOf(m, sectionScope));
    Value value = valueOf(member, sectionScope);
    return new ExportedFunction(
        member, kind, publishName, publishMember, publishRecord, value, Signatures.of(value));
  }

  /** What the evaluator needs: resource strings, modules, and the section's scopes. */
  private record ConnectorEnvironment(
      List<SourceFile> files, Resources resources, Scope sectionScope, Scope sharedScope)
      implements Evaluator.Environment {
    @Override
    public Optional<String> resource(String key) {
      return resources.get(key).map(Resources.Entry::value);
    }

    @Override
    public Optional<SourceFile> module(String name) {
      String wanted = name.toLowerCase(Locale.ROOT);
      return files.stream()
          .filter(f -> f.kind() == EntryKind.MODULE)
          .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(wanted))
          .findFirst();
    }
  }
}
