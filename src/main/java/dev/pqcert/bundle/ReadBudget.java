package dev.pqcert.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reads a bundle's files within {@link Limits}, counting the bytes actually read: sizes claimed by
 * zip headers or file attributes are never trusted.
 */
final class ReadBudget {
  /** What messages call the files being read. */
  enum Item {
    ENTRY("entry", "entries"),
    FILE("file", "files");

    private final String singular;
    private final String plural;

    Item(String singular, String plural) {
      this.singular = singular;
      this.plural = plural;
    }
  }

  /** Below this, a high compression ratio cannot cost much and is common for tiny files. */
  static final long RATIO_CHECK_THRESHOLD_BYTES = 1024 * 1024;

  private static final int BUFFER_BYTES = 64 * 1024;

  private final Limits limits;
  private final String displayName;
  private final Item item;
  private long totalBytes;

  /** Starts a budget for the package or folder that messages call {@code displayName}. */
  ReadBudget(Limits limits, String displayName, Item item) {
    this.limits = limits;
    this.displayName = displayName;
    this.item = item;
  }

  /** Fails when a package or folder has more files than allowed. */
  void requireCountWithinLimit(long count) throws InputException {
    if (count > limits.maxEntries()) {
      throw new InputException(
          displayName,
          String.format(
              Locale.ROOT,
              "has more than %d %s, the limit on the number of %s",
              limits.maxEntries(),
              item.plural,
              item.plural));
    }
  }

  /** Reads a file from disk as the bundle file {@code name}. */
  byte[] readFile(Path file, String name) throws InputException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(name, in, null);
    } catch (IOException e) {
      throw new InputException(displayName, "cannot read " + item.singular + " '" + name + "'", e);
    }
  }

  /**
   * Reads the decompressing stream of a package entry.
   *
   * @param compressedBytesRead how many compressed bytes the stream has consumed so far
   */
  byte[] readCompressed(String name, InputStream in, LongSupplier compressedBytesRead)
      throws IOException, InputException {
    return read(name, in, compressedBytesRead);
  }

  private byte[] read(String name, InputStream in, LongSupplier compressedBytesRead)
      throws IOException, InputException {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    byte[] buffer = new byte[BUFFER_BYTES];
    long size = 0;
    int count;
    while ((count = in.read(buffer)) != -1) {
      size += count;
      if (size > limits.maxEntryBytes()) {
        throw new InputException(
            displayName,
            String.format(
                Locale.ROOT,
                "%s '%s' is larger than %s, the limit on the size of one %s",
                item.singular,
                name,
                Limits.describeBytes(limits.maxEntryBytes()),
                item.singular));
      }
      if (totalBytes + size > limits.maxTotalBytes()) {
        throw new InputException(
            displayName,
            String.format(
                Locale.ROOT,
                "%s add up to more than %s, the limit on the total size (reached at '%s')",
                item.plural,
                Limits.describeBytes(limits.maxTotalBytes()),
                name));
      }
      if (compressedBytesRead != null
          && size > RATIO_CHECK_THRESHOLD_BYTES
          && exceedsRatio(size, compressedBytesRead.getAsLong())) {
        throw new InputException(
            displayName,
            String.format(
                Locale.ROOT,
                "%s '%s' expands to more than %d times its compressed size,"
                    + " the limit on the compression ratio (this looks like a zip bomb)",
                item.singular,
                name,
                limits.maxCompressionRatio()));
      }
      content.write(buffer, 0, count);
    }
    totalBytes += size;
    return content.toByteArray();
  }

  private boolean exceedsRatio(long uncompressedBytes, long compressedBytes) {
    return compressedBytes <= 0
        || (double) uncompressedBytes / compressedBytes > limits.maxCompressionRatio();
  }
}
