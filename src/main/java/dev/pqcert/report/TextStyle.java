package dev.pqcert.report;

import java.nio.file.Path;

/**
 * How the text report is written for the person reading it.
 *
 * @param colour whether to colour the level words: for standard output only, never in a file
 * @param quiet {@code --quiet}: only the targets with findings, and nothing besides the findings
 * @param workingDirectory absolute; locations of files below it are written relative to it, so a
 *     terminal (VS Code's) can open them; others are written absolute
 */
public record TextStyle(boolean colour, boolean quiet, Path workingDirectory) {
  public TextStyle {
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** Plain text, relative to the process's working directory. */
  public static TextStyle plain() {
    return new TextStyle(false, false, Path.of("").toAbsolutePath());
  }

  /** This style without colour, for a report written to a file. */
  TextStyle withoutColour() {
    return new TextStyle(false, quiet, workingDirectory);
  }

  /**
   * A path as the text report writes it: relative to the working directory when it lies below it,
   * absolute otherwise; with the platform's separator, as the user's shell and terminal write it.
   */
  String display(Path path) {
    Path absolute = workingDirectory.resolve(path).toAbsolutePath().normalize();
    if (absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)) {
      return workingDirectory.relativize(absolute).toString();
    }
    return absolute.equals(workingDirectory) ? "." : absolute.toString();
  }
}
