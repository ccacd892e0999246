package dev.pqcert.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.Position;
import dev.pqcert.parse.Span;
import dev.pqcert.rules.Fix;
import dev.pqcert.rules.Location;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fixes as byte-exact text edits: encodings, byte order marks, line ends, overlaps. */
class FileEditsTest {
  private static final String FLAGGED =
      "[Version = \"1.0.0\"]\r\nsection Contoso;\r\n// \uD83D\uDE00 caf\u00e9\r\nTrace = true;\r\n";

  /** Replaces the code points {@code [start, end)} (line and column do not matter here). */
  private static Fix replace(int start, int end, String replacement) {
    return Fix.of(
        "test",
        new Location("Contoso.pq", Span.of(new Position(1, 1, start), new Position(1, 1, end))),
        replacement);
  }

  /** Where {@code word} starts in {@code text}, counted in code points as the parser counts. */
  private static int codePointOffset(String text, String word) {
    int index = text.indexOf(word);
    return text.codePointCount(0, index);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  void aUtf8FileWithAByteOrderMarkAndCrlfKeepsBothAndEveryOtherByte() {
    byte[] original = concat(UTF8_BOM, FLAGGED.getBytes(StandardCharsets.UTF_8));
    int start = codePointOffset(FLAGGED, "true");
    FileEdits.Outcome outcome =
        FileEdits.apply(
            "Contoso.pq",
            "Contoso.pq",
            Optional.of(original),
            FileEdits.m(DocumentKind.AUTO),
            List.of(replace(start, start + "true".length(), "false")));
    FileEdits.Edited edited = assertInstanceOf(FileEdits.Edited.class, outcome);
    byte[] expected =
        concat(UTF8_BOM, FLAGGED.replace("true", "false").getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(expected, edited.bytes());
  }

  @Test
  void aUtf16FileStaysUtf16WithItsByteOrderMark() {
    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    byte[] original = concat(bom, FLAGGED.getBytes(StandardCharsets.UTF_16LE));
    int start = codePointOffset(FLAGGED, "true");
    FileEdits.Edited edited = assertInstanceOf(FileEdits.Edited.class, flagOff(original, start));
    assertArrayEquals(
        concat(bom, FLAGGED.replace("true", "false").getBytes(StandardCharsets.UTF_16LE)),
        edited.bytes());
  }

  @Test
  void ofTwoOverlappingFixesTheFirstIsAppliedAndTheOtherLeftForTheNextRun() {
    int start = codePointOffset(FLAGGED, "true");
    Fix first = replace(start, start + 4, "false");
    Fix second = replace(start + 1, start + 2, "x");
    Fix sameInsertion = replace(start, start, "not ");
    SourceFixer.Selection selection =
        SourceFixer.select(List.of(first, second, sameInsertion, first));
    assertEquals(List.of(first), selection.applied());
    assertEquals(List.of(second, sameInsertion), selection.skipped());
    FileEdits.Edited edited =
        assertInstanceOf(
            FileEdits.Edited.class,
            FileEdits.apply(
                "Contoso.pq",
                "Contoso.pq",
                Optional.of(FLAGGED.getBytes(StandardCharsets.UTF_8)),
                FileEdits.m(DocumentKind.AUTO),
                selection.applied()));
    assertEquals(FLAGGED.replace("true", "false"), edited.after());
  }

  @Test
  void editsInTheSameSpanOfTwoFilesDoNotOverlap() {
    Fix inM = replace(0, 0, "// a");
    Fix inResources =
        Fix.of(
            "test",
            new Location("resources.resx", Span.of(new Position(1, 1, 0), new Position(1, 1, 0))),
            "<root/>");
    assertEquals(
        List.of(inM, inResources), SourceFixer.select(List.of(inM, inResources)).applied());
  }

  @Test
  void aCreatedFileIsItsEditsAndAResourceFileMustStayWellFormed() {
    Fix create =
        new Fix(
            "test",
            List.of(
                new Fix.Edit(
                    new Location(
                        "resources.resx", Span.of(new Position(1, 1, 0), new Position(1, 1, 0))),
                    "<root>&amp;</root>")),
            List.of("resources.resx"));
    FileEdits.Edited created =
        assertInstanceOf(
            FileEdits.Edited.class,
            FileEdits.apply(
                "resources.resx",
                "x/resources.resx",
                Optional.empty(),
                FileEdits.XML,
                List.of(create)));
    assertArrayEquals("<root>&amp;</root>".getBytes(StandardCharsets.UTF_8), created.bytes());
    Fix broken =
        Fix.of(
            "test",
            new Location("resources.resx", Span.of(new Position(1, 1, 6), new Position(1, 1, 6))),
            "<data>");
    FileEdits.LeftAlone alone =
        assertInstanceOf(
            FileEdits.LeftAlone.class,
            FileEdits.apply(
                "resources.resx",
                "x/resources.resx",
                Optional.of("<root></root>".getBytes(StandardCharsets.UTF_8)),
                FileEdits.XML,
                List.of(broken)));
    assertEquals("its fixed text would not be well-formed", alone.reason());
  }

  @Test
  void aFileThatDoesNotParseIsLeftAlone() {
    String broken = FLAGGED.replace("Trace = true;", "Trace = (true;");
    int start = codePointOffset(broken, "true");
    FileEdits.LeftAlone alone =
        assertInstanceOf(
            FileEdits.LeftAlone.class,
            FileEdits.apply(
                "Contoso.pq",
                "Contoso.pq",
                Optional.of(broken.getBytes(StandardCharsets.UTF_8)),
                FileEdits.m(DocumentKind.AUTO),
                List.of(replace(start, start + 4, "false"))));
    assertEquals("it does not parse", alone.reason());
  }

  @Test
  void anEditThatWouldBreakTheSyntaxIsNotWritten() {
    int start = codePointOffset(FLAGGED, "true");
    assertInstanceOf(
        FileEdits.LeftAlone.class,
        FileEdits.apply(
            "Contoso.pq",
            "Contoso.pq",
            Optional.of(FLAGGED.getBytes(StandardCharsets.UTF_8)),
            FileEdits.m(DocumentKind.AUTO),
            List.of(replace(start, start + 4, "(false"))));
  }

  @Test
  void aFileWithBytesThatAreNotUtf8IsLeftAlone() {
    byte[] original = concat(FLAGGED.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3});
    int start = codePointOffset(FLAGGED, "true");
    FileEdits.LeftAlone alone =
        assertInstanceOf(FileEdits.LeftAlone.class, flagOff(original, start));
    int end = FLAGGED.getBytes(StandardCharsets.UTF_8).length;
    assertEquals(
        "it holds invalid UTF-8 at line 5, column 1 (byte offset " + end + ")", alone.reason());
  }

  /** Turns the flag at code point {@code start} of Contoso.pq ({@code true}) to {@code false}. */
  private static FileEdits.Outcome flagOff(byte[] original, int start) {
    return FileEdits.apply(
        "Contoso.pq",
        "Contoso.pq",
        Optional.of(original),
        FileEdits.m(DocumentKind.AUTO),
        List.of(replace(start, start + 4, "false")));
  }
}
