package dev.pqcert.cli;

/** The process exit codes, as {@code --help} lists them. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int VIOLATIONS = 1;
  public static final int INPUT_ERROR = 2;

  private ExitCodes() {}
}
