package dev.pqcert.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a check target into memory: a {@code .mez} or {@code .pqx} package, a connector project
 * folder, or one {@code .pq} or {@code .m} file (a {@code .pqm} module alone is refused with the
 * folder to check instead). Never extracts or writes anything.
 */
public final class BundleReader {
  private static final String SUPPORTED_TARGETS =
      "expected a .mez or .pqx package, a connector project folder, or a .pq or .m file";

  /**
   * Deflate64 comes from some Windows tools; all three are decoded in pure Java. Other methods are
   * refused rather than left to optional native libraries.
   */
  private static final Set<ZipMethod> SUPPORTED_METHODS =
      EnumSet.of(ZipMethod.STORED, ZipMethod.DEFLATED, ZipMethod.ENHANCED_DEFLATED);

  private static final byte[] LOCAL_FILE_HEADER_SIGNATURE = {'P', 'K', 3, 4};
  private static final byte[] CENTRAL_DIRECTORY_SIGNATURE = {'P', 'K', 1, 2};

  private final Limits limits;

  public BundleReader() {
    this(Limits.defaults());
  }

  public BundleReader(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Reads a target, choosing how by what it is: a folder, or a file by its extension.
   *
   * @throws InputException if the target is missing, unsupported, unreadable, damaged, or over a
   *     limit
   */
  public Bundle read(Path target) throws InputException {
    String displayName = target.toString();
    BasicFileAttributes attributes = attributesOf(target, displayName);
    Path fileName = target.getFileName();
    String lowerName = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    TargetType type = TargetType.of(lowerName);
    if (attributes.isDirectory()) {
      if (type != TargetType.UNSUPPORTED) {
        throw new InputException(displayName, "is a folder, but a file was expected");
      }
      return readFolder(target, displayName);
    }
    if (!attributes.isRegularFile()) {
      throw new InputException(displayName, "not a regular file");
    }
    switch (type) {
      case MEZ:
        return readPackage(target, displayName, attributes.size(), BundleKind.MEZ);
      case PQX:
        return readPackage(target, displayName, attributes.size(), BundleKind.PQX);
      case M_FILE:
        requireConnectorFile(target, displayName, lowerName);
        return readSingleFile(target, displayName);
      default:
        throw new InputException(displayName, "unsupported file type; " + SUPPORTED_TARGETS);
    }
  }

  /**
   * A module or a test query alone is not a connector: checked alone, every rule about the
   * connector would report it, so the user is sent to the folder that holds the connector.
   */
  private static void requireConnectorFile(Path file, String displayName, String lowerName)
      throws InputException {
    Path parent = file.getParent();
    String folder = parent == null ? "." : parent.toString();
    // Quoted when it must be, so that the command can be pasted into a shell as it is.
    folder = folder.contains(" ") ? "\"" + folder + "\"" : folder;
    if (lowerName.endsWith(".pqm")) {
      throw new InputException(
          displayName,
          "a .pqm module is part of a connector, not one; check the folder that holds the"
              + " connector: pqcert check "
              + folder);
    }
    if (EntryKind.isTestFile(lowerName)) {
      throw new InputException(
          displayName,
          "a test query file (*.query.pq), not the connector; check the folder that holds the"
              + " connector: pqcert check "
              + folder);
    }
  }

  private enum TargetType {
    MEZ,
    PQX,
    M_FILE,
    UNSUPPORTED;

    static TargetType of(String lowerName) {
      if (lowerName.endsWith(".mez")) {
        return MEZ;
      }
      if (lowerName.endsWith(".pqx")) {
        return PQX;
      }
      if (lowerName.endsWith(".pq") || lowerName.endsWith(".m") || lowerName.endsWith(".pqm")) {
        return M_FILE;
      }
      return UNSUPPORTED;
    }
  }

  private static BasicFileAttributes attributesOf(Path target, String displayName)
      throws InputException {
    try {
      return Files.readAttributes(target, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new InputException(displayName, "no such file or folder", e);
    } catch (AccessDeniedException e) {
      throw new InputException(displayName, "permission denied", e);
    } catch (FileSystemException e) {
      String reason = e.getReason() == null ? "" : " (" + e.getReason() + ")";
      throw new InputException(displayName, "cannot be read" + reason, e);
    } catch (IOException e) {
      throw new InputException(displayName, "cannot be read", e);
    }
  }

  private Bundle readFolder(Path folder, String displayName) throws InputException {
    ReadBudget budget = new ReadBudget(limits, displayName, ReadBudget.Item.FILE);
    FolderLayout.Plan plan = FolderLayout.plan(folder, displayName, budget);
    EntryNames.requireUnique(
        displayName, plan.files().stream().map(FolderLayout.File::packageName).toList());
    List<BundleEntry> entries = new ArrayList<>();
    for (FolderLayout.File file : plan.files()) {
      String name = file.packageName();
      entries.add(
          new BundleEntry(name, EntryKind.classify(name), budget.readFile(file.source(), name)));
    }
    List<BundleEntry> unpackaged = new ArrayList<>();
    for (String name : plan.layout().leftOut()) {
      if (EntryKind.classify(name) == EntryKind.MODULE) {
        unpackaged.add(
            new BundleEntry(name, EntryKind.MODULE, budget.readFile(folder.resolve(name), name)));
      }
    }
    SourceLayout layout = plan.layout().withBuiltPackages(BuiltPackages.in(folder, entries, this));
    return new Bundle(folder, displayName, BundleKind.FOLDER, entries, layout, unpackaged);
  }

  /**
   * The names of the files in a package, within the limits, without reading their contents: to
   * compare a source folder with what was built from it. Empty when it cannot be read.
   */
  Optional<List<String>> entryNames(Path file) {
    String displayName = file.toString();
    try {
      ZipFile zip = openPackage(file, displayName, Files.size(file), BundleKind.MEZ);
      try {
        List<String> names = new ArrayList<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
          String name = EntryNames.normalize(displayName, entry.getName());
          if (!name.endsWith("/")) {
            names.add(name);
          }
        }
        return Optional.of(names);
      } finally {
        ZipFile.closeQuietly(zip);
      }
    } catch (IOException | InputException e) {
      return Optional.empty();
    }
  }

  private Bundle readSingleFile(Path file, String displayName) throws InputException {
    String name = file.getFileName().toString();
    ReadBudget budget = new ReadBudget(limits, displayName, ReadBudget.Item.FILE);
    BundleEntry entry =
        new BundleEntry(name, EntryKind.classify(name), budget.readFile(file, name));
    return new Bundle(file, displayName, BundleKind.FILE, List.of(entry));
  }

  private Bundle readPackage(Path file, String displayName, long fileSize, BundleKind kind)
      throws InputException {
    ZipFile zip = openPackage(file, displayName, fileSize, kind);
    try {
      ReadBudget budget = new ReadBudget(limits, displayName, ReadBudget.Item.ENTRY);
      return new Bundle(file, displayName, kind, readEntries(zip, budget, displayName));
    } finally {
      ZipFile.closeQuietly(zip);
    }
  }

  /** A package read into memory and opened as a zip, within the limits; the caller closes it. */
  private ZipFile openPackage(Path file, String displayName, long fileSize, BundleKind kind)
      throws InputException {
    byte[] packageBytes = readPackageBytes(file, displayName, fileSize);
    if (packageBytes.length == 0) {
      throw new InputException(displayName, "empty file, not a zip archive");
    }
    // The zip library holds every central directory record in memory (about 700 bytes each)
    // before they can be counted, and parses one only where this signature starts it: counting
    // signatures first keeps a package crammed with tiny entries from exhausting memory.
    new ReadBudget(limits, displayName, ReadBudget.Item.ENTRY)
        .requireCountWithinLimit(countCentralDirectorySignatures(packageBytes));
    return openZip(packageBytes, displayName, kind);
  }

  /** The whole package, read only after its size is known to be within the limit. */
  private byte[] readPackageBytes(Path file, String displayName, long fileSize)
      throws InputException {
    if (fileSize > limits.maxPackageBytes()) {
      throw packageTooLarge(displayName);
    }
    byte[] bytes = new byte[Math.toIntExact(fileSize)];
    boolean sizeChanged;
    try (InputStream in = Files.newInputStream(file)) {
      sizeChanged = in.readNBytes(bytes, 0, bytes.length) < bytes.length || in.read() != -1;
    } catch (IOException e) {
      throw new InputException(displayName, "cannot be read", e);
    }
    if (sizeChanged) {
      throw new InputException(displayName, "changed while it was being read");
    }
    return bytes;
  }

  private InputException packageTooLarge(String displayName) {
    return new InputException(
        displayName,
        "larger than "
            + Limits.describeBytes(limits.maxPackageBytes())
            + ", the limit on the size of a package");
  }

  private static ZipFile openZip(byte[] packageBytes, String displayName, BundleKind kind)
      throws InputException {
    try {
      return ZipFile.builder()
          .setSeekableByteChannel(new SeekableInMemoryByteChannel(packageBytes))
          .get();
    } catch (IOException | RuntimeException e) {
      throw new InputException(displayName, whyNotAZip(packageBytes, kind), e);
    }
  }

  private static long countCentralDirectorySignatures(byte[] packageBytes) {
    long count = 0;
    for (int i = 0; i + CENTRAL_DIRECTORY_SIGNATURE.length <= packageBytes.length; i++) {
      if (packageBytes[i] == 'P'
          && Arrays.equals(
              packageBytes,
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

  private static String whyNotAZip(byte[] packageBytes, BundleKind kind) {
    if (kind == BundleKind.PQX) {
      return "cannot read this signed package (.pqx); check the .mez it was signed from";
    }
    int signatureLength = LOCAL_FILE_HEADER_SIGNATURE.length;
    boolean startsLikeAZip =
        packageBytes.length >= signatureLength
            && Arrays.equals(
                packageBytes, 0, signatureLength, LOCAL_FILE_HEADER_SIGNATURE, 0, signatureLength);
    return startsLikeAZip
        ? "truncated or damaged zip archive (its central directory cannot be read)"
        : "not a zip archive (a .mez package is a zip file)";
  }

  /**
   * Validates the whole central directory first (count, names, encryption, methods), so a bad
   * package fails before any decompression; then reads each file within the budget.
   */
  private static List<BundleEntry> readEntries(ZipFile zip, ReadBudget budget, String displayName)
      throws InputException {
    List<ZipArchiveEntry> zipEntries = Collections.list(zip.getEntries());
    budget.requireCountWithinLimit(zipEntries.size()); // exact; the signature count only bounds it

    List<ZipArchiveEntry> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ZipArchiveEntry zipEntry : zipEntries) {
      String name = EntryNames.normalize(displayName, zipEntry.getName());
      if (name.endsWith("/")) {
        continue; // a directory entry has no content
      }
      requireReadable(zipEntry, name, displayName);
      files.add(zipEntry);
      names.add(name);
    }
    EntryNames.requireUnique(displayName, names);

    List<BundleEntry> entries = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String name = names.get(i);
      byte[] content = readEntry(zip, files.get(i), name, displayName, budget);
      entries.add(new BundleEntry(name, EntryKind.classify(name), content));
    }
    return entries;
  }

  private static void requireReadable(ZipArchiveEntry zipEntry, String name, String displayName)
      throws InputException {
    if (zipEntry.getGeneralPurposeBit().usesEncryption()
        || zipEntry.getGeneralPurposeBit().usesStrongEncryption()) {
      throw new InputException(
          displayName, "entry '" + name + "' is encrypted; encrypted packages cannot be checked");
    }
    // Null for a method the library does not know: not supported either.
    ZipMethod method = ZipMethod.getMethodByCode(zipEntry.getMethod());
    if (method == null || !SUPPORTED_METHODS.contains(method)) {
      throw new InputException(
          displayName,
          "entry '"
              + name
              + "' uses an unsupported compression method ("
              + zipEntry.getMethod()
              + "); packages use Deflate or no compression");
    }
  }

  private static byte[] readEntry(
      ZipFile zip, ZipArchiveEntry zipEntry, String name, String displayName, ReadBudget budget)
      throws InputException {
    byte[] content;
    try (InputStream in = zip.getInputStream(zipEntry)) {
      content = budget.readCompressed(name, in, () -> compressedBytesRead(in, zipEntry));
    } catch (IOException | RuntimeException e) {
      throw new InputException(
          displayName, "entry '" + name + "' is damaged and cannot be decompressed", e);
    }
    // The zip library leaves checksums unchecked; a mismatch means damaged content.
    CRC32 crc = new CRC32();
    crc.update(content);
    if (crc.getValue() != zipEntry.getCrc()) {
      throw new InputException(
          displayName, "entry '" + name + "' is damaged (its checksum does not match its content)");
    }
    return content;
  }

  /**
   * The compressed bytes the stream has consumed, which the library's streams report; the header's
   * claim is only a fallback.
   */
  private static long compressedBytesRead(InputStream in, ZipArchiveEntry zipEntry) {
    return in instanceof InputStreamStatistics statistics
        ? statistics.getCompressedCount()
        : zipEntry.getCompressedSize();
  }
}
