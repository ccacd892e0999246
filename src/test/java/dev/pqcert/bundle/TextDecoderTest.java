package dev.pqcert.bundle;

import static dev.pqcert.bundle.TestZips.assertInputError;
import static dev.pqcert.bundle.TestZips.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final String TEXT = "section Contoso;\r\nshared X = \"é€😀\";\r\n";

  @Test
  void decodesUtf8WithoutBom() throws Exception {
    assertEquals(
        new DecodedText(TEXT, Optional.empty()), TextDecoder.decode("Contoso.pq", utf8(TEXT)));
  }

  @Test
  void decodesUtf8AndStripsItsBom() throws Exception {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(TEXT));

    assertEquals(new DecodedText(TEXT, Optional.empty()), TextDecoder.decode("Contoso.pq", bytes));
  }

  @Test
  void decodesUtf16LittleEndianWithBom() throws Exception {
    byte[] bytes =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));

    assertEquals(new DecodedText(TEXT, Optional.empty()), TextDecoder.decode("Contoso.pq", bytes));
  }

  @Test
  void decodesUtf16BigEndianWithBom() throws Exception {
    byte[] bytes =
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));

    assertEquals(new DecodedText(TEXT, Optional.empty()), TextDecoder.decode("Contoso.pq", bytes));
  }

  @Test
  void decodesAnEmptyFile() throws Exception {
    assertEquals(
        new DecodedText("", Optional.empty()), TextDecoder.decode("Empty.pq", new byte[0]));
  }

  /** The problem a decoding notes, asserting the text was read on with replacements. */
  private static String problem(byte[] bytes) throws InputException {
    DecodedText decoded = TextDecoder.decode("a.pq", bytes);
    assertTrue(decoded.text().contains("\uFFFD"), decoded.text());
    return decoded.problem().orElseThrow();
  }

  @Test
  void readsInvalidUtf8AsPowerQueryDoesCountingEveryKindOfLineEnd() throws InputException {
    // Lines end at CRLF, CR, U+2028, U+0085 and LF; the emoji is one column.
    String prefix = "ab\r\ncd\re\u2028f\u0085g\nh😀i";
    byte[] bytes = concat(utf8(prefix), new byte[] {(byte) 0xFF, 'x', (byte) 0xFE});

    DecodedText decoded = TextDecoder.decode("Contoso.pq", bytes);

    // Each undecodable sequence is one U+FFFD, and the text goes on after it.
    assertEquals(prefix + "\uFFFDx\uFFFD", decoded.text());
    assertEquals(
        Optional.of(
            new DecodedText.Undecodable(prefix.length(), 6, 4, utf8(prefix).length, 2, "UTF-8")),
        decoded.undecodable());
    assertEquals(
        Optional.of("invalid UTF-8 at line 6, column 4 (byte offset " + utf8(prefix).length + ")"),
        decoded.problem());
  }

  @Test
  void aReplacementCharacterWrittenInTheTextIsValid() throws InputException {
    // U+FFFD is a character like any other: only bytes that do not decode are reported.
    String text = "shared X = \"\uFFFD\";\n";
    assertEquals(new DecodedText(text, Optional.empty()), TextDecoder.decode("a.pq", utf8(text)));

    byte[] withInvalid = concat(utf8(text), new byte[] {(byte) 0xFF});
    assertEquals(
        "invalid UTF-8 at line 2, column 1 (byte offset " + utf8(text).length + ")",
        problem(withInvalid));
  }

  @Test
  void readsInvalidUtf8AtTheStartAfterTheBom() throws InputException {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3, '('};

    assertEquals("invalid UTF-8 at line 1, column 1 (byte offset 3)", problem(bytes));
    assertEquals("\uFFFD(", TextDecoder.decode("a.pq", bytes).text());
  }

  @Test
  void readsASequenceCutShortAtTheEnd() throws InputException {
    byte[] bytes = concat(utf8("ok\n"), new byte[] {(byte) 0xE2, (byte) 0x82});

    assertEquals("invalid UTF-8 at line 2, column 1 (byte offset 3)", problem(bytes));
  }

  @Test
  void readsEncodedSurrogatesAsInvalid() throws InputException {
    // CESU-8 style: U+D800 encoded as if it were a character.
    byte[] bytes = concat(utf8("x"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});

    assertEquals("invalid UTF-8 at line 1, column 2 (byte offset 1)", problem(bytes));
  }

  @Test
  void readsInvalidUtf16() throws InputException {
    // An odd number of bytes after the BOM: the last one is half a code unit.
    byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, utf16le("a\r\nb"), new byte[1]);

    assertEquals("invalid UTF-16LE at line 2, column 2 (byte offset 10)", problem(bytes));
  }

  @Test
  void aValidFileHasNoProblem() throws InputException {
    assertEquals(Optional.empty(), TextDecoder.decode("a.pq", utf8(TEXT)).problem());
  }

  @Test
  void rejectsUtf16WithoutBom() {
    byte[] bytes = utf16le(TEXT);

    assertInputError(
        "Contoso.pq",
        () -> TextDecoder.decode("Contoso.pq", bytes),
        "looks like UTF-16 text without a byte order mark",
        "save it as UTF-8");
  }

  @Test
  void entryErrorsNameThePackageAndTheEntry() {
    BundleEntry entry = new BundleEntry("Contoso.pq", EntryKind.SECTION_DOCUMENT, utf16le(TEXT));

    InputException error =
        assertInputError("dist/Contoso.mez/Contoso.pq", () -> entry.text("dist/Contoso.mez"));
    assertTrue(error.getMessage().startsWith("dist/Contoso.mez/Contoso.pq: looks like UTF-16"));
  }

  @Test
  void entryErrorsOfASingleFileBundleNameJustTheFile() {
    BundleEntry entry = new BundleEntry("Contoso.pq", EntryKind.SECTION_DOCUMENT, utf16le(TEXT));

    assertInputError("src/Contoso.pq", () -> entry.text("src/Contoso.pq"), "looks like UTF-16");
    assertInputError("Contoso.pq", () -> entry.text("Contoso.pq"), "looks like UTF-16");
  }

  @Test
  void entryDisplayNamesJoinFolderAndFile() {
    BundleEntry entry = new BundleEntry("Helper.pqm", EntryKind.MODULE, new byte[0]);

    assertEquals("Contoso/Helper.pqm", entry.displayName("Contoso"));
    assertEquals("Contoso/Helper.pqm", entry.displayName("Contoso/"));
    assertEquals("C:\\src\\Contoso/Helper.pqm", entry.displayName("C:\\src\\Contoso\\"));
  }

  private static byte[] utf16le(String text) {
    return text.getBytes(StandardCharsets.UTF_16LE);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }
}
