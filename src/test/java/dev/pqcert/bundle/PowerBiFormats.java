package dev.pqcert.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the parts of Power BI files from their published descriptions, for tests and the sample
 * reports: deterministic zips, UTF-16LE text, and the [MS-QDEFF] DataMashup stream with its package
 * parts.
 */
final class PowerBiFormats {
  /** As {@link MezPacker} uses, for the same reason: DOS time fields without a zone. */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  /** [MS-QDEFF] 2.3: the content types of the package parts. */
  static final String PACKAGE_CONTENT_TYPES =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types"
          + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
          + " Extension=\"xml\" ContentType=\"text/xml\" /><Default Extension=\"m\""
          + " ContentType=\"application/x-ms-m\" /></Types>";

  /** [MS-QDEFF] 2.3.1: the package's version and culture. */
  static final String PACKAGE_CONFIG =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><Package"
          + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><Version>1.0.0.0</Version>"
          + "<MinVersion>1.0.0.0</MinVersion><Culture>en-US</Culture></Package>";

  /** [MS-QDEFF] 2.4: the permissions, as a new document has them. */
  static final String PERMISSIONS =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><PermissionList"
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
          + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
          + "<CanEvaluateFuturePackages>false</CanEvaluateFuturePackages>"
          + "<FirewallEnabled>true</FirewallEnabled></PermissionList>";

  private PowerBiFormats() {}

  /** A zip of the entries in their order, deflated, every entry at one fixed time. */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setMethod(ZipEntry.DEFLATED);
        zipEntry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] utf8(String text) {
    return TestZips.utf8(text);
  }

  /** UTF-16LE, as Power BI writes DataModelSchema, optionally after a byte order mark. */
  static byte[] utf16le(String text, boolean byteOrderMark) {
    return (byteOrderMark ? "\uFEFF" + text : text).getBytes(StandardCharsets.UTF_16LE);
  }

  /** [MS-QDEFF] 2.3: the package parts, a zip holding the section document. */
  static byte[] packageParts(byte[] section1) {
    return zip(
        orderedMap(
            "[Content_Types].xml", utf8(PACKAGE_CONTENT_TYPES),
            "Config/Package.xml", utf8(PACKAGE_CONFIG),
            "Formulas/Section1.m", section1));
  }

  /**
   * [MS-QDEFF] 2.5: the metadata, a version (0), the metadata XML's length and the XML, then the
   * length of a content package and the package (none here).
   */
  static byte[] metadata(String metadataXml) {
    byte[] xml = utf8(metadataXml);
    return ByteBuffer.allocate(12 + xml.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(0)
        .putInt(xml.length)
        .put(xml)
        .putInt(0)
        .array();
  }

  /** [MS-QDEFF] 2.2: the version, then each part after its length. */
  static byte[] dataMashup(
      byte[] packageParts, byte[] permissions, byte[] metadata, byte[] permissionBindings) {
    byte[][] parts = {packageParts, permissions, metadata, permissionBindings};
    int size = 4;
    for (byte[] part : parts) {
      size += 4 + part.length;
    }
    ByteBuffer stream = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN).putInt(0);
    for (byte[] part : parts) {
      stream.putInt(part.length).put(part);
    }
    return stream.array();
  }

  /** A DataMashup holding the section document, with the other parts as small as they come. */
  static byte[] dataMashup(String section1) {
    return dataMashup(
        packageParts(utf8(section1)),
        utf8(PERMISSIONS),
        metadata("<?xml version=\"1.0\" encoding=\"utf-8\"?><LocalPackageMetadataFile />"),
        new byte[0]);
  }

  /** Keys and values alternating, in order. */
  static Map<String, byte[]> orderedMap(Object... keysAndValues) {
    Map<String, byte[]> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (byte[]) keysAndValues[i + 1]);
    }
    return map;
  }
}
