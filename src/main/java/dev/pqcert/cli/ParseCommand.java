package dev.pqcert.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.BundleEntry;
import dev.pqcert.bundle.BundleKind;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.DecodedText;
import dev.pqcert.bundle.EntryKind;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TextDecoder;
import dev.pqcert.json.Json;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.ParseResult;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.SyntaxError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pqcert parse}: a developer aid that reports only syntax errors. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parses M files and reports syntax errors.",
      ".pq and .m files are parsed as section documents when they start like one, else as"
          + " expression documents; .pqm modules are expression documents. A package (.mez, .pqx)"
          + " or a connector folder stands for the M files in it, each named as"
          + " Contoso.mez/Contoso.pq."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file parsed",
      "1:at least one file has a syntax error",
      "2:a file cannot be read, or a usage error"
    })
final class ParseCommand implements Callable<Integer> {
  private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "M files (.pq, .m, .pqm), packages (.mez, .pqx) or connector folders")
  List<Path> files;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  OutputFormat format;

  enum OutputFormat {
    text,
    json
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode results = root.putArray("files");
    boolean anyUnreadable = false;
    int failed = 0;
    for (Path file : files) {
      List<Document> documents;
      try {
        documents = documents(file);
      } catch (InputException unreadable) {
        err.println("pqcert: " + unreadable.getMessage());
        anyUnreadable = true;
        continue;
      }
      for (Document document : documents) {
        String display = document.display();
        ParseResult result;
        try {
          result = parse(display, document.bytes());
        } catch (InputException unreadable) {
          err.println("pqcert: " + unreadable.getMessage());
          anyUnreadable = true;
          continue;
        }
        if (!result.ok()) {
          failed++;
        }
        ObjectNode entry = results.addObject();
        entry.put("path", display);
        entry.put("ok", result.ok());
        ArrayNode errors = entry.putArray("errors");
        for (SyntaxError error : result.errors()) {
          ObjectNode e = errors.addObject();
          e.put("line", error.span().start().line());
          e.put("column", error.span().start().column());
          e.put("message", error.message());
          if (format == OutputFormat.text) {
            out.println(display + ":" + error.span().start() + ": " + error.message());
          }
        }
      }
    }
    if (format == OutputFormat.json) {
      out.print(Json.pretty(json, root));
    }
    out.flush();
    err.println(
        String.format(
            Locale.ROOT, "%d file(s) parsed, %d with syntax errors", results.size(), failed));
    if (anyUnreadable) {
      return ExitCodes.INPUT_ERROR;
    }
    return failed > 0 ? ExitCodes.VIOLATIONS : ExitCodes.OK;
  }

  /** An M document to parse: its name in messages and its bytes. */
  @SuppressWarnings("ArrayRecordComponent") // read once, parsed once
  private record Document(String display, byte[] bytes) {}

  /**
   * The M documents a path stands for: a file itself; a package or a connector folder, the M files
   * in it ({@code dist/Contoso.mez/Contoso.pq}, {@code src/Contoso/Contoso.pq}).
   */
  private static List<Document> documents(Path path) throws InputException {
    String display = path.toString();
    String lower = display.toLowerCase(Locale.ROOT);
    if (!Files.isDirectory(path) && !lower.endsWith(".mez") && !lower.endsWith(".pqx")) {
      return List.of(new Document(display, readFile(path, display)));
    }
    Bundle bundle = new BundleReader().read(path);
    List<Document> documents = new ArrayList<>();
    for (BundleEntry entry : bundle.entries()) {
      if (entry.kind() == EntryKind.SECTION_DOCUMENT
          || entry.kind() == EntryKind.MODULE
          || entry.kind() == EntryKind.QUERY_DOCUMENT) {
        String name =
            bundle.kind() == BundleKind.FOLDER
                ? path.resolve(bundle.sourcePath(entry.name())).toString()
                : entry.displayName(display);
        documents.add(new Document(name, entry.bytes()));
      }
    }
    if (documents.isEmpty()) {
      throw new InputException(display, "holds no M file (.pq, .m, .pqm)");
    }
    return documents;
  }

  private static byte[] readFile(Path file, String display) throws InputException {
    try {
      if (!Files.isRegularFile(file)) {
        throw new InputException(display, "no such file");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InputException(display, "file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(display, "cannot read: " + e.getMessage());
    }
  }

  private static ParseResult parse(String display, byte[] bytes) throws InputException {
    DecodedText decoded = TextDecoder.decode(display, bytes);
    // `parse` checks the syntax of the file as written: text it would have to replace is not that.
    Optional<String> undecodable = decoded.problem();
    if (undecodable.isPresent()) {
      throw new InputException(display, undecodable.get());
    }
    String text = decoded.text();
    DocumentKind kind =
        display.toLowerCase(Locale.ROOT).endsWith(".pqm")
            ? DocumentKind.EXPRESSION
            : DocumentKind.AUTO;
    return DocumentParser.parse(new SourceText(display, text), kind);
  }
}
