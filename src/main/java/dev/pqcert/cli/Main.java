package dev.pqcert.cli;

import dev.pqcert.config.Spellings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pqcert} command line. */
@Command(
    name = "pqcert",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Checks a Power Query connector against Microsoft's connector-certification requirements.",
    subcommands = {
      CheckCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      ModelCommand.class,
      ParseCommand.class,
      PackCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no MUST violation (or, for parse, every file parsed)",
      "1:at least one MUST violation (or, for parse, a syntax error)",
      "2:usage error, or an input that cannot be read"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /** Runs the command line; the streams are parameters so tests can capture them. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          // Never a stack trace: one line, and a request to report it.
          cmd.getErr()
              .println(
                  "pqcert: internal error: "
                      + exception
                      + " (please report this with the input that caused it)");
          return ExitCodes.INPUT_ERROR;
        });
    CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          // A word an option does not take (--release later): one line, as a configuration
          // file's mistake is, instead of the usage help.
          if (exception.getCause() instanceof Spellings.Unknown unknown
              && exception.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            exception
                .getCommandLine()
                .getErr()
                .println(
                    "pqcert: "
                        + option.longestName()
                        + " "
                        + exception.getValue()
                        + ": "
                        + unknown.getMessage());
            return ExitCodes.INPUT_ERROR;
          }
          return usage.handleParseException(exception, arguments);
        });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command: use 'pqcert check PATH...' (see --help)");
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
