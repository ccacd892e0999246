package dev.pqcert.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line reads from the process around it: environment variables, whether it runs on
 * a terminal, and the working directory. Read once in {@link Main#main}; tests pass their own.
 *
 * @param variables the environment variables ({@code NO_COLOR}, {@code TERM}, {@code
 *     GITHUB_WORKSPACE})
 * @param terminal whether standard output and standard error are a terminal a person watches
 * @param workingDirectory the folder relative paths are relative to, absolute
 */
public record Environment(Map<String, String> variables, boolean terminal, Path workingDirectory) {
  public Environment {
    variables = Map.copyOf(variables);
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** The process's own. */
  static Environment system() {
    // Java 17 has no test for standard error alone: a console means the process was started from
    // a terminal with neither standard input nor standard output redirected.
    @SuppressWarnings("SystemConsoleNull")
    boolean console = System.console() != null;
    return new Environment(System.getenv(), console, Path.of("").toAbsolutePath());
  }

  Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }
}
