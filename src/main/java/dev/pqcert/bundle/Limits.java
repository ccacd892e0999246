package dev.pqcert.bundle;

import java.util.Locale;

/**
 * Bounds on what reading a target may cost, so a hostile package cannot exhaust memory.
 *
 * @param maxPackageBytes largest package file read into memory
 * @param maxEntries most files in a package or folder
 * @param maxEntryBytes largest file, once decompressed
 * @param maxTotalBytes largest sum of all files, once decompressed
 * @param maxCompressionRatio largest ratio of decompressed to compressed size of a package entry
 */
public record Limits(
    long maxPackageBytes,
    int maxEntries,
    long maxEntryBytes,
    long maxTotalBytes,
    long maxCompressionRatio) {

  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;

  /** The largest byte array the JVM reliably allocates; whole files are held in arrays. */
  private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  public Limits {
    requireInRange("maxPackageBytes", maxPackageBytes, MAX_ARRAY_BYTES);
    requireInRange("maxEntries", maxEntries, Integer.MAX_VALUE);
    requireInRange("maxEntryBytes", maxEntryBytes, MAX_ARRAY_BYTES);
    requireInRange("maxTotalBytes", maxTotalBytes, Long.MAX_VALUE);
    requireInRange("maxCompressionRatio", maxCompressionRatio, Long.MAX_VALUE);
  }

  /** 64 MiB package, 2,000 entries, 32 MiB per entry, 128 MiB in total, ratio 100. */
  public static Limits defaults() {
    return new Limits(64 * MIB, 2_000, 32 * MIB, 128 * MIB, 100);
  }

  /** A size for messages: "32 MiB", "4 KiB" or "1000 bytes". */
  static String describeBytes(long bytes) {
    if (bytes >= MIB && bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    if (bytes >= KIB && bytes % KIB == 0) {
      return bytes / KIB + " KiB";
    }
    return String.format(Locale.ROOT, "%d bytes", bytes);
  }

  private static void requireInRange(String name, long value, long max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(name + " must be between 1 and " + max + ": " + value);
    }
  }
}
