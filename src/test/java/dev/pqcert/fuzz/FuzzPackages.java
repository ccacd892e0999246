package dev.pqcert.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packages for the fuzz tests: built in memory, written beside the fuzzed files. */
final class FuzzPackages {
  /**
   * A connector with MUST, SHOULD and REVIEW findings, so that a fuzzed configuration or baseline
   * has findings to switch off, move, ignore or accept.
   */
  static final String BAD_SECTION =
      "section Woodgrove;\r\n"
          + "[DataSource.Kind = \"Woodgrove\", Publish = \"Woodgrove.Publish\"]\r\n"
          + "shared Woodgrove.Contents = (url as text) => Web.Contents(\"http://example.com/\" &"
          + " url);\r\n"
          + "Woodgrove = [ Authentication = [ Key = [] ] ];\r\n"
          + "Woodgrove.Publish = [ Beta = true, Category = \"Other\" ];\r\n";

  private FuzzPackages() {}

  /** {@code Woodgrove.mez} (see {@link #BAD_SECTION}) in {@code dir}, written once. */
  static Path badConnector(Path dir) {
    Path mez = dir.resolve("Woodgrove.mez");
    if (!Files.exists(mez)) {
      Promises.write(
          mez,
          zip(List.of(Map.entry("Woodgrove.pq", BAD_SECTION.getBytes(StandardCharsets.UTF_8)))));
    }
    return mez;
  }

  /**
   * A zip of these entries, in order; a name used before (compared as Windows compares file names)
   * is left out, as a zip cannot hold both.
   */
  static byte[] zip(List<Map.Entry<String, byte[]>> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Set<String> names = new HashSet<>();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries) {
        if (!names.add(entry.getKey().toLowerCase(Locale.ROOT))) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
