package dev.pqcert.cli;

import dev.pqcert.check.Warmup;
import dev.pqcert.config.Spellings;
import dev.pqcert.parse.ParserWarmup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The {@code pqcert} command line. It, {@code check} and {@code parse} (whose batches wait for it)
 * are declared through picocli's programmatic API, which a cold start pays less for than
 * annotations (see {@link CheckCommand}); the other commands, rarely run, keep their annotations.
 */
public final class Main implements Runnable {
  /** picocli's setting: built-in type converters not to register (regular expressions). */
  private static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";

  /** The commands, in the order the help lists them. */
  private static final List<String> COMMANDS =
      List.of("check", "rules", "explain", "model", "parse", "pack", "completion", "train-archive");

  private static Object command(String name) {
    return switch (name) {
      case "check" -> new CheckCommand().spec();
      case "rules" -> new RulesCommand();
      case "explain" -> new ExplainCommand();
      case "model" -> new ModelCommand();
      case "parse" -> new ParseCommand().spec();
      case "pack" -> new PackCommand();
      case "completion" -> new CompletionCommand();
      case "train-archive" -> new TrainArchiveCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  private final CommandLine.Model.CommandSpec spec =
      CommandLine.Model.CommandSpec.wrapWithoutInspection(this);

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("check")) {
      Warmup.start(CheckCommand.firstPath(args));
    } else if (args.length > 0 && args[0].equals("parse")) {
      ParserWarmup.start();
    }
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /** Runs the command line; the streams are parameters so tests can capture them. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Environment.system());
  }

  /** Runs the command line in the given environment (tests pass their own). */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Environment environment) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Answered before the command line library starts, which would be most of the run: what
      // picocli prints for these options, from the same provider (CommandLineTest compares them).
      try {
        out.println(new Version().getVersion()[0]);
        out.flush();
        return ExitCodes.OK;
      } catch (IOException unreadable) {
        // picocli reports it as it always does
      }
    }
    CommandLine commandLine = commandLine(environment, args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new InternalErrorHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    return commandLine.execute(args);
  }

  /*
   * The two handlers are classes, not lambdas: picocli's interfaces are compiled for Java 5, and a
   * lambda implementing one can be kept in neither the class-data archive nor its interface (a
   * cold run then verifies and generates them).
   */

  /** Never a stack trace: one line, and a request to report it. */
  private static final class InternalErrorHandler
      implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception exception, CommandLine cmd, CommandLine.ParseResult parseResult) {
      cmd.getErr()
          .println(
              "pqcert: internal error: "
                  + exception
                  + " (please report this with the input that caused it)");
      return ExitCodes.INPUT_ERROR;
    }
  }

  /** One line, as a configuration file's mistake is, instead of the whole usage help. */
  private static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] arguments) {
      exception.getCommandLine().getErr().println("pqcert: " + usageError(exception));
      return ExitCodes.INPUT_ERROR;
    }
  }

  /**
   * The command line that parses these arguments. picocli sets up every command it is given (and
   * reads the annotations of those declared with them), a cost each run pays at start-up: arguments
   * that name a command get only that one; help, usage errors and the completion script get them
   * all.
   */
  static CommandLine commandLine(Environment environment, String[] args) {
    // picocli registers converters for the java.sql and java.time types by reflection in every
    // command line it makes, a cold start's cost; no option of pqcert takes one of those types.
    // Paths it would also convert by reflection, one reflective call per argument (a batch of a
    // thousand files makes the JDK generate an accessor class): they get a converter of their own.
    if (System.getProperty(CONVERTERS_EXCLUDED) == null) {
      System.setProperty(CONVERTERS_EXCLUDED, "java\\.(sql|time)\\..*|java\\.nio\\.file\\.Path");
    }
    CommandLine commandLine = new CommandLine(new Main(environment).spec);
    String named = args.length > 0 ? args[0] : "";
    boolean onlyNamed = COMMANDS.contains(named) && !named.equals("completion");
    for (String name : COMMANDS) {
      if (!onlyNamed || name.equals(named)) {
        commandLine.addSubcommand(name, command(name));
      }
    }
    // Settings apply to the commands present, so they come after them. Words are read in any
    // case, as --release and --fail-on and the configuration file read them.
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.registerConverter(Path.class, new PathConverter());
    return commandLine;
  }

  /**
   * A path argument, as picocli's own converter makes it ({@code Paths.get}), with its message when
   * the text is no path. (A class, not a lambda: picocli's interfaces are Java 5 classes, which
   * keep a lambda out of the class-data archive.)
   */
  static final class PathConverter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      try {
        return Path.of(value);
      } catch (InvalidPathException notAPath) {
        throw new CommandLine.TypeConversionException(
            String.format(
                Locale.ROOT, "cannot convert '%s' to %s (%s)", value, Path.class, notAPath));
      }
    }
  }

  /**
   * A mistake on the command line in one line: what is wrong, the nearest option or command when
   * picocli finds one, and where the help is ({@code unknown option '--quiett'; did you mean
   * '--quiet'? see 'pqcert check --help'}).
   */
  static String usageError(CommandLine.ParameterException exception) {
    String help =
        "see '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'";
    // A word an option does not take (--release later): named as a configuration file names it.
    if (exception.getCause() instanceof Spellings.Unknown unknown
        && exception.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
      return option.longestName() + " " + exception.getValue() + ": " + unknown.getMessage();
    }
    if (exception instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      String argument = unmatched.getUnmatched().get(0);
      boolean hasCommands = !exception.getCommandLine().getSubcommands().isEmpty();
      String what =
          argument.startsWith("-")
              ? "unknown option"
              : hasCommands ? "unknown command" : "unexpected argument";
      List<String> suggestions = unmatched.getSuggestions();
      String nearest = suggestions.isEmpty() ? "" : " did you mean '" + suggestions.get(0) + "'?";
      return what + " '" + argument + "';" + nearest + " " + help;
    }
    String message = exception.getMessage().strip();
    int lineEnd = message.indexOf('\n');
    if (lineEnd >= 0) {
      message = message.substring(0, lineEnd).strip();
    }
    if (!message.isEmpty()) {
      message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
    return message + "; " + help;
  }

  final Environment environment;

  Main(Environment environment) {
    this.environment = environment;
    spec.name("pqcert").versionProvider(new Version());
    StandardOptions.add(spec);
    spec.usageMessage()
        .description(
            "Checks a Power Query connector against Microsoft's connector-certification"
                + " requirements.")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(
            StandardOptions.exitCodes(
                "0:no MUST violation (or, for parse, every file parsed)",
                "1:at least one MUST violation (or, for parse, a syntax error)",
                "2:usage error, or an input that cannot be read"));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command, such as 'pqcert check PATH...'");
  }

  /** The environment the command runs in, for a subcommand given its {@code @Spec}. */
  static Environment environment(CommandLine.Model.CommandSpec spec) {
    return ((Main) spec.root().userObject()).environment;
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      return new String[] {"pqcert " + version()};
    }

    static String version() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/dev/pqcert/version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return properties.getProperty("version", "unknown");
    }
  }
}
