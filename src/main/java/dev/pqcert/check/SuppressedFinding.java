package dev.pqcert.check;

import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Location;

/**
 * A finding an inline suppression removed. It is kept, not dropped, so that SARIF can report it as
 * a dismissed result: code scanning then closes its alert instead of opening it again.
 *
 * @param reason what the suppression's author wrote after {@code --}
 * @param directive where the suppression comment is
 */
public record SuppressedFinding(Finding finding, String reason, Location directive) {}
