package dev.pqcert.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A zip held in memory (a report, or the package inside its {@code DataMashup}) from which only the
 * entries asked for are decompressed, within a {@link ReadBudget}: a report's other entries (its
 * data model can be large) are listed but never read. Names are checked as a package's are (unique,
 * no absolute or {@code ..} paths); entries read are checked for method, encryption and checksum.
 */
final class ReportZip implements AutoCloseable {
  private static final Set<ZipMethod> SUPPORTED_METHODS =
      EnumSet.of(ZipMethod.STORED, ZipMethod.DEFLATED, ZipMethod.ENHANCED_DEFLATED);

  private static final byte[] LOCAL_FILE_HEADER_SIGNATURE = {'P', 'K', 3, 4};
  private static final byte[] CENTRAL_DIRECTORY_SIGNATURE = {'P', 'K', 1, 2};

  private final ZipFile zip;
  private final String displayName;

  /** Entries by case-folded name: Windows tools treat names without regard to case. */
  private final Map<String, ZipArchiveEntry> entries;

  private final Map<String, String> names;

  private ReportZip(
      ZipFile zip,
      String displayName,
      Map<String, ZipArchiveEntry> entries,
      Map<String, String> names) {
    this.zip = zip;
    this.displayName = displayName;
    this.entries = entries;
    this.names = names;
  }

  /**
   * Opens zip bytes.
   *
   * @param namePrefix put before entry names in messages ("DataMashup/" for the nested package)
   * @param notAZip the problem to state when the bytes are not a zip at all
   */
  static ReportZip open(
      byte[] bytes, Limits limits, String displayName, String namePrefix, String notAZip)
      throws InputException {
    if (bytes.length == 0) {
      throw new InputException(displayName, notAZip + " (it is empty)");
    }
    // As for packages: the zip library holds every central directory record in memory before
    // they can be counted, so the records are bounded by counting their signatures first.
    ReadBudget counter = new ReadBudget(limits, displayName, ReadBudget.Item.ENTRY);
    counter.requireCountWithinLimit(countCentralDirectorySignatures(bytes));
    ZipFile zip;
    try {
      zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
    } catch (IOException | RuntimeException e) {
      boolean startsLikeAZip =
          bytes.length >= 4 && Arrays.equals(bytes, 0, 4, LOCAL_FILE_HEADER_SIGNATURE, 0, 4);
      throw new InputException(
          displayName,
          startsLikeAZip
              ? (namePrefix.isEmpty()
                      ? ""
                      : "the package inside "
                          + namePrefix.substring(0, namePrefix.length() - 1)
                          + " is a ")
                  + "truncated or damaged zip archive (its central directory cannot be read)"
              : notAZip,
          e);
    }
    try {
      List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
      counter.requireCountWithinLimit(all.size());
      Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      List<String> fileNames = new ArrayList<>();
      for (ZipArchiveEntry entry : all) {
        String name = EntryNames.normalize(displayName, namePrefix + entry.getName());
        if (name.endsWith("/")) {
          continue;
        }
        fileNames.add(name);
        String key = EntryNames.caseInsensitiveKey(name.substring(namePrefix.length()));
        entries.put(key, entry);
        names.put(key, name);
      }
      EntryNames.requireUnique(displayName, fileNames);
      return new ReportZip(zip, displayName, entries, names);
    } catch (InputException | RuntimeException e) {
      ZipFile.closeQuietly(zip);
      throw e;
    }
  }

  boolean has(String name) {
    return entries.containsKey(EntryNames.caseInsensitiveKey(name));
  }

  /** The entry's content, or empty when there is no such entry. */
  Optional<byte[]> read(String name, ReadBudget budget) throws InputException {
    String key = EntryNames.caseInsensitiveKey(name);
    ZipArchiveEntry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    String shown = names.get(key);
    requireReadable(entry, shown);
    byte[] content;
    try (InputStream in = zip.getInputStream(entry)) {
      content = budget.readCompressed(shown, in, () -> compressedBytesRead(in, entry));
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          displayName, "entry '" + shown + "' is damaged and cannot be decompressed", e);
    }
    CRC32 crc = new CRC32();
    crc.update(content);
    if (crc.getValue() != entry.getCrc()) {
      throw new InputException(
          displayName,
          "entry '" + shown + "' is damaged (its checksum does not match its content)");
    }
    return Optional.of(content);
  }

  private void requireReadable(ZipArchiveEntry entry, String shown) throws InputException {
    if (entry.getGeneralPurposeBit().usesEncryption()
        || entry.getGeneralPurposeBit().usesStrongEncryption()) {
      throw new InputException(displayName, "entry '" + shown + "' is encrypted");
    }
    ZipMethod method = ZipMethod.getMethodByCode(entry.getMethod());
    if (method == null || !SUPPORTED_METHODS.contains(method)) {
      throw new InputException(
          displayName,
          "entry '"
              + shown
              + "' uses an unsupported compression method ("
              + entry.getMethod()
              + "); reports use Deflate or no compression");
    }
  }

  private static long compressedBytesRead(InputStream in, ZipArchiveEntry entry) {
    return in instanceof InputStreamStatistics statistics
        ? statistics.getCompressedCount()
        : entry.getCompressedSize();
  }

  private static long countCentralDirectorySignatures(byte[] bytes) {
    long count = 0;
    for (int i = 0; i + CENTRAL_DIRECTORY_SIGNATURE.length <= bytes.length; i++) {
      if (bytes[i] == 'P'
          && Arrays.equals(
              bytes,
              i,
              i + CENTRAL_DIRECTORY_SIGNATURE.length,
              CENTRAL_DIRECTORY_SIGNATURE,
              0,
              CENTRAL_DIRECTORY_SIGNATURE.length)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public void close() {
    ZipFile.closeQuietly(zip);
  }
}
