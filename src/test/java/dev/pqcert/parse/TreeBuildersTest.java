package dev.pqcert.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bench.ConnectorGenerator;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TextDecoder;
import dev.pqcert.parse.antlr.MLexer;
import dev.pqcert.parse.antlr.MParser;
import dev.pqcert.parse.ast.SectionMember;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fast path builds the typed tree while parsing, without ANTLR's parse tree ({@link
 * DirectTreeParser}); error recovery builds it from a parse tree ({@link AstBuilder}); both make
 * their nodes with a {@link TreeFactory}. For every input the fast path accepts, both must build
 * the same tree and report the same errors (escapes, field-name gaps, parameter order): a grammar
 * change that one of them misses fails here.
 */
class TreeBuildersTest {
  @TestFactory
  Stream<DynamicTest> bothBuildersBuildTheSameTree() throws IOException, InputException {
    List<DynamicTest> tests = new ArrayList<>();
    for (ConformanceCases.Case c : ConformanceCases.load()) {
      tests.add(
          DynamicTest.dynamicTest(
              c.toString(), () -> assertSameTree("case.m", c.text(), c.kind())));
    }
    for (Path file : mFiles()) {
      String text = TextDecoder.decode(file.toString(), Files.readAllBytes(file)).text();
      for (DocumentKind kind : List.of(DocumentKind.SECTION, DocumentKind.EXPRESSION)) {
        tests.add(
            DynamicTest.dynamicTest(
                file + " as " + kind, () -> assertSameTree(file.toString(), text, kind)));
      }
    }
    tests.add(
        DynamicTest.dynamicTest(
            "generated connector",
            () ->
                assertSameTree(
                    "generated.pq", ConnectorGenerator.generate(64 * 1024), DocumentKind.SECTION)));
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> semanticErrorsAreTheSame() {
    return Stream.of(
            "section S; A = \"a#(bad)b\" & #\"c#(x)\"; B = (optional a, b) => a;",
            "section S; A = [a  b = 1, c\td = 2, e/**/f = 3];",
            "section S; T = type function (optional a as text, b as number) as table;",
            "[Version = \"1#(zz)\"] section S; A = #!\"v#(q)\" ;",
            "section S; A = [a . = 1, 1. = 2, b. /* c */ . = 3]; B = x .; C = type table t .;")
        .map(
            text ->
                DynamicTest.dynamicTest(
                    text,
                    () -> {
                      List<SyntaxError> errors = assertSameTree("s.pq", text, DocumentKind.SECTION);
                      assertFalse(errors.isEmpty(), "the case should report errors");
                    }));
  }

  /** Builds the tree both ways; returns the errors (both ways report the same ones). */
  private static List<SyntaxError> assertSameTree(String name, String text, DocumentKind kind) {
    SourceText source = new SourceText(name, text);
    CharStream chars = DocumentParser.charStream(source);

    List<SyntaxError> directErrors = new ArrayList<>();
    DirectTreeParser direct =
        new DirectTreeParser(tokens(chars), new TreeFactory(source, chars, directErrors));
    Object directTree;
    try {
      if (kind == DocumentKind.SECTION) {
        direct.sectionDocument();
        assertFalse(direct.failed(), "the direct builder failed");
        directTree = direct.sectionResult();
      } else {
        direct.expressionDocument();
        assertFalse(direct.failed(), "the direct builder failed");
        directTree = direct.expressionResult();
      }
    } catch (ParseCancellationException syntaxError) {
      // Not for the fast path: the parse-tree parser, with the same strategy, must give up too.
      MParser reference = fastParser(chars);
      assertThrows(
          ParseCancellationException.class,
          () -> {
            if (kind == DocumentKind.SECTION) {
              reference.sectionDocument();
            } else {
              reference.expressionDocument();
            }
          },
          "the direct builder gave up where the parse-tree parser does not");
      return List.of();
    }

    List<SyntaxError> treeErrors = new ArrayList<>();
    AstBuilder builder = new AstBuilder(new TreeFactory(source, chars, treeErrors));
    MParser parser = fastParser(chars);
    Object parseTreeTree;
    if (kind == DocumentKind.SECTION) {
      MParser.SectionDocumentContext document = parser.sectionDocument();
      List<SectionMember> members = new ArrayList<>();
      for (MParser.SectionMemberContext member : document.sectionMember()) {
        builder.member(member).ifPresent(members::add);
      }
      parseTreeTree = builder.section(document, members);
    } else {
      parseTreeTree = builder.expressionDocument(parser.expressionDocument());
    }

    assertEquals(parseTreeTree, directTree);
    assertEquals(parseTreeTree.toString(), directTree.toString());
    List<String> expected = sorted(treeErrors);
    assertEquals(expected, sorted(directErrors));
    return treeErrors;
  }

  /** The parse-tree parser as the fast path runs: SLL prediction, giving up at the first error. */
  private static MParser fastParser(CharStream chars) {
    MParser parser = new MParser(tokens(chars));
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    return parser;
  }

  private static CommonTokenStream tokens(CharStream chars) {
    chars.seek(0);
    MLexer lexer = new MLexer(chars);
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    return tokens;
  }

  /** Errors in source order (ties by message: the two builders visit nodes in other orders). */
  private static List<String> sorted(List<SyntaxError> errors) {
    List<SyntaxError> copy = new ArrayList<>(errors);
    copy.sort(
        Comparator.comparing((SyntaxError e) -> e.span().start())
            .thenComparing(SyntaxError::message));
    List<String> described = new ArrayList<>();
    for (SyntaxError error : copy) {
      described.add(error.span() + " " + error.message());
    }
    return described;
  }

  private static List<Path> mFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("samples"), Path.of("src/test/resources"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .filter(DifferentialHarness::isMFile)
            .sorted()
            .forEach(files::add);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    assertTrue(files.size() > 20, "expected the samples and fixtures: " + files.size());
    return files;
  }
}
