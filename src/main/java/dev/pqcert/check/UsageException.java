package dev.pqcert.check;

/**
 * A mistake in how {@code pqcert check} was called or configured (an option's value, a
 * configuration or baseline file that cannot be used): one line on standard error, {@code pqcert:
 * <message>}, and exit code 2.
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
