package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pqcert.cli.CliTest.Run;
import dev.pqcert.testing.Snapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the command line tells a user about itself, pinned: the help of {@code pqcert}, {@code
 * check} and {@code parse} (declared through picocli's programmatic API; the snapshots were taken
 * from their annotated versions) and the completion script built from every command.
 */
class HelpTest {
  private static final Path SNAPSHOTS = Path.of("src", "test", "resources", "snapshots", "help");

  @Test
  void pqcertHelp() throws IOException {
    assertOutput("pqcert.txt", CliTest.run("--help"));
  }

  @Test
  void checkHelp() throws IOException {
    assertOutput("check.txt", CliTest.run("check", "--help"));
    assertEquals(CliTest.run("check", "--help").out(), CliTest.run("check", "-h").out());
  }

  @Test
  void parseHelp() throws IOException {
    assertOutput("parse.txt", CliTest.run("parse", "--help"));
    assertEquals(CliTest.run("parse", "--help").out(), CliTest.run("parse", "-h").out());
  }

  @Test
  void completionScript() throws IOException {
    assertOutput("completion.bash", CliTest.run("completion"));
  }

  @Command(name = "annotated", mixinStandardHelpOptions = true)
  static final class Annotated {}

  @Test
  void standardOptionsAreWhatPicocliMixesIn() {
    CommandSpec annotated = new CommandLine(new Annotated()).getCommandSpec();
    CommandSpec declared = CommandSpec.create().name("annotated");
    StandardOptions.add(declared);
    assertEquals(describe(annotated.options()), describe(declared.options()));
    assertEquals(
        new CommandLine(annotated).getUsageMessage(CommandLine.Help.Ansi.OFF),
        new CommandLine(declared).getUsageMessage(CommandLine.Help.Ansi.OFF));
  }

  private static List<String> describe(List<OptionSpec> options) {
    return options.stream()
        .map(
            o ->
                Arrays.toString(o.names())
                    + " usageHelp="
                    + o.usageHelp()
                    + " versionHelp="
                    + o.versionHelp()
                    + " arity="
                    + o.arity()
                    + " type="
                    + o.type().getName()
                    + " "
                    + Arrays.toString(o.description()))
        .toList();
  }

  private static void assertOutput(String snapshot, Run run) throws IOException {
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    // picocli ends help lines as the platform does; the snapshots are written with LF.
    String out = run.out().replace(System.lineSeparator(), "\n");
    Snapshots.assertMatches(SNAPSHOTS.resolve(snapshot), out, snapshot);
  }
}
