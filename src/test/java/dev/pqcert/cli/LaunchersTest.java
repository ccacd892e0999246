package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four launchers (checkout and download, sh/bash and Windows) run the JVM alike, and each has
 * the line ends its interpreter needs: cmd.exe misreads LF-only batch files, sh fails on CR.
 */
class LaunchersTest {
  private static final Path BASH_CHECKOUT = Path.of("pqcert");
  private static final Path CMD_CHECKOUT = Path.of("pqcert.cmd");
  private static final Path SH_DOWNLOAD = Path.of("src", "dist", "bin", "pqcert");
  private static final Path CMD_DOWNLOAD = Path.of("src", "dist", "bin", "pqcert.cmd");

  @Test
  void windowsLaunchersHaveCrlfLineEndsOnly() throws IOException {
    for (Path launcher : List.of(CMD_CHECKOUT, CMD_DOWNLOAD)) {
      assertCrlfOnly(launcher.toString(), Files.readAllBytes(launcher));
    }
  }

  @Test
  void shellLaunchersHaveLfLineEndsOnly() throws IOException {
    for (Path launcher : List.of(BASH_CHECKOUT, SH_DOWNLOAD)) {
      String text = Files.readString(launcher, StandardCharsets.UTF_8);
      assertFalse(text.contains("\r"), launcher + " holds a CR: sh would fail on it");
      assertTrue(text.startsWith("#!/"), launcher + " starts with a #! line");
    }
  }

  @Test
  void everyLauncherGivesTheJvmTheBashLaunchersFlags() throws IOException {
    List<String> bash = flags(BASH_CHECKOUT, "jvm_flags=(", ")");
    assertTrue(bash.contains("-XX:+UseSerialGC"), "read the bash launcher's flags: " + bash);
    assertEquals(bash, flags(SH_DOWNLOAD, "jvm_flags='", "'"), SH_DOWNLOAD.toString());
    assertEquals(bash, flags(CMD_CHECKOUT, "set \"jvm_flags=", "\""), CMD_CHECKOUT.toString());
    assertEquals(bash, flags(CMD_DOWNLOAD, "set \"jvm_flags=", "\""), CMD_DOWNLOAD.toString());
  }

  @Test
  void everyLauncherGivesAParseBatchTheSameLargerFirstHeap() throws IOException {
    List<String> bash = flags(BASH_CHECKOUT, "parse_flags=(", ")");
    assertEquals(List.of("-Xms64m"), bash, "read the bash launcher's parse flags");
    assertEquals(bash, flags(SH_DOWNLOAD, "parse_flags='", "'"), SH_DOWNLOAD.toString());
    assertEquals(bash, flags(CMD_CHECKOUT, "set \"parse_flags=", "\""), CMD_CHECKOUT.toString());
    assertEquals(bash, flags(CMD_DOWNLOAD, "set \"parse_flags=", "\""), CMD_DOWNLOAD.toString());
    // Only for parse, and every run (never the training run) takes them.
    assertTrue(text(BASH_CHECKOUT).contains("if [ \"${1-}\" = parse ]; then\n  run_flags+=("));
    assertTrue(
        text(SH_DOWNLOAD).contains("if [ \"${1-}\" = parse ]; then\n  run_flags=\"$run_flags"));
    for (Path launcher : List.of(CMD_CHECKOUT, CMD_DOWNLOAD)) {
      assertTrue(
          text(launcher)
              .contains("if \"%~1\"==\"parse\" set \"run_flags=%jvm_flags% %parse_flags%\""),
          launcher.toString());
    }
    for (Path launcher : List.of(BASH_CHECKOUT, SH_DOWNLOAD, CMD_CHECKOUT, CMD_DOWNLOAD)) {
      for (String line : text(launcher).split("\r?\n", -1)) {
        if (line.contains("-jar \"") && !line.strip().startsWith("#")) {
          boolean training = line.contains("train-archive");
          assertEquals(
              !training,
              line.contains("run_flags"),
              launcher + ": run flags on a run only: " + line);
        }
      }
    }
  }

  @Test
  void everyLauncherGivesTheSameRunsTheSmallerCheckArchive() throws IOException {
    // (DistributionIT runs the download's launcher and reads which archive the JVM opens.)
    List<String> commands = List.of("check", "parse", "--version", "-V");
    List<String> others = List.of("--format", "--baseline", "--write-baseline", "@");
    for (Path launcher : List.of(BASH_CHECKOUT, SH_DOWNLOAD)) {
      String text = text(launcher);
      assertTrue(text.contains("    " + String.join(" | ", commands) + ")\n"), launcher.toString());
      String patterns = String.join(" | ", others.stream().map(o -> o + "*").toList());
      assertTrue(text.contains("          " + patterns + ")\n"), launcher + ": " + patterns);
      assertTrue(text.contains("train-archive --check-archive "), launcher.toString());
    }
    for (Path launcher : List.of(CMD_CHECKOUT, CMD_DOWNLOAD)) {
      String text = text(launcher);
      assertTrue(
          text.contains("for %%C in (" + String.join(" ", commands) + ") do"), launcher.toString());
      for (String other : others) {
        assertTrue(
            text.contains("if not \"!args:" + other + "=!\"==\"!args!\" set \"other=1\""),
            launcher + ": " + other);
      }
      assertTrue(text.contains("train-archive --check-archive "), launcher.toString());
    }
  }

  private static String text(Path launcher) throws IOException {
    return Files.readString(launcher, StandardCharsets.UTF_8);
  }

  @Test
  void windowsLaunchersPassEveryArgumentAndReturnJavasExitCode() throws IOException {
    for (Path launcher : List.of(CMD_CHECKOUT, CMD_DOWNLOAD)) {
      String text = Files.readString(launcher, StandardCharsets.UTF_8);
      for (String line : text.split("\r\n", -1)) {
        if (line.contains("-jar \"%jar%\"") && !line.contains("train-archive")) {
          assertTrue(line.endsWith(" %*"), launcher + ": a run passes all arguments: " + line);
        }
      }
      assertTrue(text.contains("exit /b %errorlevel%"), launcher + " returns java's exit code");
      assertTrue(text.contains("PQCERT_CDS"), launcher + " honours PQCERT_CDS=0");
    }
  }

  /** Every byte before an LF is a CR, and there is no lone CR. */
  static void assertCrlfOnly(String what, byte[] bytes) {
    assertTrue(bytes.length > 0, what + " is empty");
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        assertTrue(i > 0 && bytes[i - 1] == '\r', what + ": LF without CR at byte " + i);
      } else if (bytes[i] == '\r') {
        assertTrue(i + 1 < bytes.length && bytes[i + 1] == '\n', what + ": lone CR at byte " + i);
      }
    }
    assertEquals('\n', bytes[bytes.length - 1], what + " ends with a line end");
  }

  /**
   * The JVM flags on the one line of {@code launcher} that starts with {@code start} and ends with
   * {@code end}, split on spaces, shell and cmd quotes removed.
   */
  private static List<String> flags(Path launcher, String start, String end) throws IOException {
    List<String> found = null;
    for (String line : Files.readAllLines(launcher, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.startsWith(start) && trimmed.endsWith(end)) {
        if (found != null) {
          fail(launcher + " sets its JVM flags on more than one line");
        }
        found = new ArrayList<>();
        String list = trimmed.substring(start.length(), trimmed.length() - end.length());
        for (String flag : list.split(" ", -1)) {
          String unquoted = flag.replace("'", "").replace("\"", "");
          if (!unquoted.isEmpty()) {
            found.add(unquoted);
          }
        }
      }
    }
    if (found == null) {
      fail(launcher + " has no line " + start + "..." + end);
    }
    return found;
  }
}
