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
import dev.pqcert.parse.DeepStack;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.ParseResult;
import dev.pqcert.parse.ParserWarmup;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.SyntaxError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code pqcert parse}: a developer aid that reports only syntax errors.
 *
 * <p>Declared through picocli's programmatic API, as {@link CheckCommand} is and for the same
 * reason: a batch waits for its command line before its first file, and reading annotations costs a
 * cold start proxy classes that Java 17 cannot archive.
 */
final class ParseCommand implements Callable<Integer> {
  private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

  ParseCommand() {
    spec.name("parse").versionProvider(new Main.Version());
    spec.usageMessage()
        .description(
            "Parses M files and reports syntax errors.",
            ".pq and .m files are parsed as section documents when they start like one, else as"
                + " expression documents; .pqm modules are expression documents. A package (.mez,"
                + " .pqx) or a connector folder stands for the M files in it, each named as"
                + " Contoso.mez/Contoso.pq.")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(
            StandardOptions.exitCodes(
                "0:every file parsed",
                "1:at least one file has a syntax error",
                "2:a file cannot be read, or a usage error"));
    spec.addPositional(
        PositionalParamSpec.builder()
            .arity("1..*")
            .required(true)
            .paramLabel("FILE")
            .type(List.class)
            .auxiliaryTypes(Path.class)
            .parameterConsumer(new FileArguments())
            .description("M files (.pq, .m, .pqm), packages (.mez, .pqx) or connector folders")
            .build());
    spec.addOption(
        OptionSpec.builder("--format")
            .paramLabel("<format>")
            .type(OutputFormat.class)
            .defaultValue("text")
            .description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
            .build());
    StandardOptions.add(spec);
  }

  /**
   * The files, taken as picocli takes them, but a run of plain arguments at once: picocli asks of
   * every argument of a list whether it looks like an option, by parsing it as a number and
   * catching the exception, some 20 ms before a batch of a thousand files can start. An argument
   * that starts with {@code -} is left to picocli, which decides whether it is an option (and hands
   * it back here when it is a file).
   */
  static final class FileArguments implements IParameterConsumer {
    private static final Main.PathConverter PATHS = new Main.PathConverter();

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      List<Object> files = new ArrayList<>();
      if (argSpec.getValue() instanceof List<?> earlier) {
        files.addAll(earlier);
      }
      files.add(path(args.pop(), argSpec, commandSpec)); // picocli has decided this one is a file
      while (!args.isEmpty() && !(args.peek().startsWith("-") && args.peek().length() > 1)) {
        files.add(path(args.pop(), argSpec, commandSpec));
      }
      argSpec.setValue(files);
    }

    /** The argument as a path; the error as picocli words it for a value it cannot convert. */
    private static Path path(String argument, ArgSpec argSpec, CommandSpec commandSpec) {
      try {
        return PATHS.convert(argument);
      } catch (TypeConversionException notAPath) {
        PositionalParamSpec positional = (PositionalParamSpec) argSpec;
        throw new ParameterException(
            commandSpec.commandLine(),
            String.format(
                Locale.ROOT,
                "Invalid value for positional parameter at index %s (%s): %s",
                positional.index(),
                positional.paramLabel(),
                notAPath.getMessage()),
            notAPath,
            argSpec,
            argument);
      }
    }
  }

  /** The command's options, for picocli to parse into. */
  CommandSpec spec() {
    return spec;
  }

  enum OutputFormat {
    text,
    json
  }

  /**
   * Documents parsed ahead of the one being reported, at most: enough to keep every core busy, few
   * enough that a batch of large files never sits in memory whole.
   */
  private static final int AHEAD = 64;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<Path> files = new ArrayList<>();
    for (Object file : (List<?>) spec.positionalParameters().get(0).getValue()) {
      files.add((Path) file);
    }
    OutputFormat format = (OutputFormat) spec.findOption("--format").getValue();
    ParserWarmup.await(); // the tables, built while picocli read the command line
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // A batch parses on every core, each file on its large-stack worker (not handed on to
    // another thread); results are reported in the order the files were given.
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService workers = DeepStack.pool(cores);
    Report report = new Report(out, err, format);
    try {
      Deque<Future<Outcome>> pending = new ArrayDeque<>();
      for (Path file : files) {
        List<Document> documents;
        try {
          documents = documents(file);
        } catch (InputException unreadable) {
          pending.add(CompletableFuture.completedFuture(Outcome.unreadable(unreadable)));
          continue;
        }
        for (Document document : documents) {
          if (pending.size() == AHEAD) {
            report.add(result(pending.remove()));
          }
          pending.add(workers.submit(() -> Outcome.of(document)));
        }
      }
      while (!pending.isEmpty()) {
        report.add(result(pending.remove()));
      }
    } finally {
      workers.shutdownNow();
    }
    return report.finish();
  }

  private static Outcome result(Future<Outcome> outcome) throws InterruptedException {
    try {
      return outcome.get();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(failed.getCause());
    }
  }

  /** One document's parse: its syntax errors, or why it could not be read. */
  private record Outcome(
      String display, List<SyntaxError> errors, Optional<InputException> unreadable) {
    static Outcome of(Document document) {
      try {
        ParseResult result = parse(document.display(), document.bytes());
        return new Outcome(document.display(), result.errors(), Optional.empty());
      } catch (InputException unreadable) {
        return unreadable(unreadable);
      }
    }

    static Outcome unreadable(InputException unreadable) {
      return new Outcome("", List.of(), Optional.of(unreadable));
    }
  }

  /** The report, written as outcomes arrive in order; JSON only when asked for. */
  private static final class Report {
    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputFormat format;
    private final List<Outcome> parsed = new ArrayList<>();
    private boolean anyUnreadable;
    private int count;
    private int failed;

    Report(PrintWriter out, PrintWriter err, OutputFormat format) {
      this.out = out;
      this.err = err;
      this.format = format;
    }

    void add(Outcome outcome) {
      if (outcome.unreadable().isPresent()) {
        err.println("pqcert: " + outcome.unreadable().get().getMessage());
        anyUnreadable = true;
        return;
      }
      count++;
      if (format == OutputFormat.json) {
        parsed.add(outcome);
      }
      if (!outcome.errors().isEmpty()) {
        failed++;
      }
      if (format == OutputFormat.text) {
        for (SyntaxError error : outcome.errors()) {
          out.println(outcome.display() + ":" + error.span().start() + ": " + error.message());
        }
      }
    }

    int finish() {
      if (format == OutputFormat.json) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode results = root.putArray("files");
        for (Outcome outcome : parsed) {
          ObjectNode entry = results.addObject();
          entry.put("path", outcome.display());
          entry.put("ok", outcome.errors().isEmpty());
          ArrayNode errors = entry.putArray("errors");
          for (SyntaxError error : outcome.errors()) {
            ObjectNode e = errors.addObject();
            e.put("line", error.span().start().line());
            e.put("column", error.span().start().column());
            e.put("message", error.message());
          }
        }
        out.print(Json.pretty(json, root));
      } else {
        for (Outcome outcome : parsed) {
          for (SyntaxError error : outcome.errors()) {
            out.println(outcome.display() + ":" + error.span().start() + ": " + error.message());
          }
        }
      }
      out.flush();
      err.println(
          String.format(Locale.ROOT, "%d file(s) parsed, %d with syntax errors", count, failed));
      if (anyUnreadable) {
        return ExitCodes.INPUT_ERROR;
      }
      return failed > 0 ? ExitCodes.VIOLATIONS : ExitCodes.OK;
    }
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
