/**
 * Reads a check target (a {@code .mez} or {@code .pqx} package, a connector project folder, or one
 * M file) into memory within fixed limits, and classifies its files.
 *
 * <p>Nothing here extracts to disk or writes anywhere; every unreadable or hostile input becomes an
 * {@link dev.pqcert.bundle.InputException} with a one-line message.
 */
package dev.pqcert.bundle;
