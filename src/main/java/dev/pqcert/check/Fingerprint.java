package dev.pqcert.check;

import dev.pqcert.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A finding's identity that survives edits elsewhere in the file: its rule, its file and its
 * message with the positions it quotes masked ({@code line 235}, {@code X.pq:41:7}: they move when
 * code is added above). Not its line or column. Other numbers stay: {@code server1} and {@code
 * server2} are different findings.
 */
public final class Fingerprint {
  private static final Pattern POSITIONS =
      Pattern.compile(
          "(?<=\\.(?:pq|pqm|m|resx|png|xml)):\\d+(?::\\d+)?|(?<=\\b(?:line|lines|column) )\\d+",
          Pattern.CASE_INSENSITIVE);

  private Fingerprint() {}

  public static String of(Finding finding) {
    String key =
        finding.ruleId()
            + '\u0000'
            + finding.file().orElse("")
            + '\u0000'
            + POSITIONS.matcher(finding.message()).replaceAll("#");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
