package dev.pqcert.bundle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A file's size and SHA-256 digest: enough to tell later whether a file on disk holds the same
 * bytes, without keeping the bytes or reading the package again.
 */
@SuppressWarnings("ArrayRecordComponent") // compared with MessageDigest.isEqual, never by equals
public record ContentDigest(long size, byte[] sha256) {

  public static ContentDigest of(byte[] bytes) {
    return new ContentDigest(bytes.length, sha256(bytes));
  }

  /** Whether these bytes are the ones this digest was made from. */
  public boolean matches(byte[] bytes) {
    return bytes.length == size && MessageDigest.isEqual(sha256(bytes), sha256);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return size + " bytes, SHA-256 " + Arrays.toString(sha256);
  }
}
