package dev.pqcert.check;

import dev.pqcert.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A finding's identity that survives edits elsewhere in the file: its rule, its file and its
 * message with every number masked (messages quote positions such as {@code line 235} or {@code
 * X.pq:41}, which move when code is added above). Not its line or column.
 */
public final class Fingerprint {
  private static final Pattern NUMBERS = Pattern.compile("\\d+");

  private Fingerprint() {}

  public static String of(Finding finding) {
    String key =
        finding.ruleId()
            + '\u0000'
            + finding.file().orElse("")
            + '\u0000'
            + NUMBERS.matcher(finding.message()).replaceAll("#");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
