package dev.pqcert.bundle;

/** Temporary stand-in until the bundle package lands. */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final String problem;

  public InputException(String file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  public String problem() {
    return problem;
  }
}
