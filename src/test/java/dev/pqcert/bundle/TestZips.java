package dev.pqcert.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.function.Executable;

/** Builds zip files for tests, and patches their headers to make them lie. */
final class TestZips {
  private static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
  private static final int END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;

  /** Field offsets inside a central directory file header. */
  static final int CENTRAL_FLAGS = 8;

  static final int CENTRAL_METHOD = 10;
  static final int CENTRAL_CRC = 16;
  static final int CENTRAL_UNCOMPRESSED_SIZE = 24;
  private static final int CENTRAL_NAME_LENGTH = 28;
  private static final int CENTRAL_LOCAL_HEADER_OFFSET = 42;
  private static final int CENTRAL_HEADER_LENGTH = 46;

  /** Field offsets inside a local file header. */
  static final int LOCAL_FLAGS = 6;

  static final int LOCAL_METHOD = 8;
  private static final int LOCAL_NAME_LENGTH = 26;
  private static final int LOCAL_HEADER_LENGTH = 30;

  private TestZips() {}

  /** A builder of zip bytes with entries in insertion order. */
  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, Integer> methods = new LinkedHashMap<>();

    Builder add(String name, byte[] content) {
      entries.put(name, content);
      methods.put(name, ZipEntry.DEFLATED);
      return this;
    }

    Builder add(String name, String content) {
      return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Builder addStored(String name, byte[] content) {
      add(name, content);
      methods.put(name, ZipEntry.STORED);
      return this;
    }

    Builder addDirectory(String name) {
      return add(name, new byte[0]);
    }

    byte[] build() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
          ZipEntry zipEntry = new ZipEntry(entry.getKey());
          byte[] content = entry.getValue();
          if (methods.get(entry.getKey()) == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(content);
            zipEntry.setMethod(ZipEntry.STORED);
            zipEntry.setSize(content.length);
            zipEntry.setCrc(crc.getValue());
          }
          zip.putNextEntry(zipEntry);
          zip.write(content);
          zip.closeEntry();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Path write(Path folder, String name, byte[] bytes) {
    try {
      return Files.write(folder.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Overwrites a field of the central directory header of entry {@code index}. */
  static void patchCentralHeader(byte[] zip, int index, int fieldOffset, int width, long value) {
    patch(zip, centralHeaderOffset(zip, index) + fieldOffset, width, value);
  }

  /** Overwrites a field of the local file header of entry {@code index}. */
  static void patchLocalHeader(byte[] zip, int index, int fieldOffset, int width, long value) {
    int central = centralHeaderOffset(zip, index);
    int local = (int) read(zip, central + CENTRAL_LOCAL_HEADER_OFFSET, 4);
    patch(zip, local + fieldOffset, width, value);
  }

  /** Overwrites the first byte of the (compressed) data of entry {@code index}. */
  static void patchEntryData(byte[] zip, int index, byte value) {
    int local = (int) read(zip, centralHeaderOffset(zip, index) + CENTRAL_LOCAL_HEADER_OFFSET, 4);
    int dataOffset =
        local
            + LOCAL_HEADER_LENGTH
            + (int) read(zip, local + LOCAL_NAME_LENGTH, 2)
            + (int) read(zip, local + LOCAL_NAME_LENGTH + 2, 2);
    zip[dataOffset] = value;
  }

  /** Renames entry {@code index} in place; the new name must have the same length in bytes. */
  static void renameEntry(byte[] zip, int index, String newName) {
    byte[] name = utf8(newName);
    int central = centralHeaderOffset(zip, index);
    assertEquals(name.length, (int) read(zip, central + CENTRAL_NAME_LENGTH, 2));
    System.arraycopy(name, 0, zip, central + CENTRAL_HEADER_LENGTH, name.length);
    int local = (int) read(zip, central + CENTRAL_LOCAL_HEADER_OFFSET, 4);
    System.arraycopy(name, 0, zip, local + LOCAL_HEADER_LENGTH, name.length);
  }

  private static int centralHeaderOffset(byte[] zip, int index) {
    // Archives built here have no comment, so the end record is the last 22 bytes.
    int end = zip.length - 22;
    assertEquals(END_OF_CENTRAL_DIRECTORY_SIGNATURE, (int) read(zip, end, 4));
    int offset = (int) read(zip, end + 16, 4);
    for (int i = 0; i < index; i++) {
      offset +=
          CENTRAL_HEADER_LENGTH
              + (int) read(zip, offset + CENTRAL_NAME_LENGTH, 2)
              + (int) read(zip, offset + CENTRAL_NAME_LENGTH + 2, 2)
              + (int) read(zip, offset + CENTRAL_NAME_LENGTH + 4, 2);
    }
    assertEquals(CENTRAL_HEADER_SIGNATURE, (int) read(zip, offset, 4));
    return offset;
  }

  private static long read(byte[] zip, int offset, int width) {
    ByteBuffer buffer = ByteBuffer.wrap(zip, offset, width).order(ByteOrder.LITTLE_ENDIAN);
    return width == 2
        ? Short.toUnsignedLong(buffer.getShort())
        : Integer.toUnsignedLong(buffer.getInt());
  }

  private static void patch(byte[] zip, int offset, int width, long value) {
    ByteBuffer buffer = ByteBuffer.wrap(zip, offset, width).order(ByteOrder.LITTLE_ENDIAN);
    if (width == 2) {
      buffer.putShort((short) value);
    } else {
      buffer.putInt((int) value);
    }
  }

  /**
   * Asserts that {@code action} fails with an InputException whose message is one line, starts with
   * {@code file}, and contains every fragment; returns it for further checks.
   */
  static InputException assertInputError(String file, Executable action, String... fragments) {
    InputException error = assertThrows(InputException.class, action);
    assertOneLineMessage(error);
    assertTrue(
        error.getMessage().startsWith(file + ": "),
        () -> "message should start with the file: " + error.getMessage());
    for (String fragment : fragments) {
      assertTrue(
          error.problem().contains(fragment),
          () -> "problem should contain '" + fragment + "': " + error.getMessage());
    }
    return error;
  }

  /** One line, and no Java class names: messages are for users, not developers. */
  static void assertOneLineMessage(InputException error) {
    String message = error.getMessage();
    assertFalse(message.isBlank(), "message is blank");
    assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
    assertFalse(
        message.matches("(?s).*\\b(java|javax|org\\.apache)\\.[a-z].*")
            || message.contains("Exception"),
        () -> "mentions a class: " + message);
  }
}
