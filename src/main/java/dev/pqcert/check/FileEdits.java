package dev.pqcert.check;

import dev.pqcert.bundle.DecodedText;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TextDecoder;
import dev.pqcert.bundle.XmlInput;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.SourceText;
import dev.pqcert.rules.Fix;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Applies fixes to one file's bytes as text edits, so that every byte outside the edits stays as it
 * was: the byte order mark, the encoding, line ends, comments and formatting. A file that does not
 * decode exactly, or does not parse (an M file) or is not well-formed XML (resources.resx), is left
 * alone, and so is one the edits would break. Which fixes are applied is decided before, for all
 * the files of a target together ({@link SourceFixer}), since a fix may edit several files.
 */
final class FileEdits {
  /** The file after its fixes: its new bytes, and its text before and after. */
  @SuppressWarnings("ArrayRecordComponent") // written as it is, never compared
  record Edited(byte[] bytes, String before, String after) implements Outcome {}

  /** Why a file was not edited, one clause ("it does not parse"). */
  record LeftAlone(String reason) implements Outcome {}

  /** What became of a file. */
  sealed interface Outcome permits Edited, LeftAlone {}

  /** What a file's text must be, before and after its edits. */
  interface Syntax {
    /** Why the text is not acceptable ("it does not parse"), or empty when it is. */
    Optional<String> problem(String name, String text);
  }

  /** An M document, parsed as the checker parsed it (a module is an expression document). */
  static Syntax m(DocumentKind kind) {
    return (name, text) ->
        DocumentParser.parse(new SourceText(name, text), kind).ok()
            ? Optional.empty()
            : Optional.of("it does not parse");
  }

  /** Well-formed XML without a document type (as resources.resx is read). */
  static final Syntax XML =
      (name, text) -> {
        XMLInputFactory factory = XmlInput.factory();
        try {
          XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(text));
          while (xml.hasNext()) {
            xml.next();
          }
          xml.close();
          return Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
          return Optional.of("it is not well-formed XML");
        }
      };

  private FileEdits() {}

  @SuppressWarnings("ArrayRecordComponent") // constants, never compared
  private record Encoding(byte[] bom, Charset charset) {}

  private static final List<Encoding> WITH_BOM =
      List.of(
          new Encoding(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8),
          new Encoding(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE),
          new Encoding(new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE));

  /**
   * Applies the edits of these fixes that are in this file ({@code key}, the file's name in the
   * package); the fixes do not overlap.
   *
   * @param shownAs the file as messages name it
   * @param original the file's bytes; empty for a file the fixes create (UTF-8, no byte order mark)
   * @return the edited file, or why it was left alone
   */
  static Outcome apply(
      String key, String shownAs, Optional<byte[]> original, Syntax syntax, List<Fix> fixes) {
    String text = "";
    Encoding encoding = new Encoding(new byte[0], StandardCharsets.UTF_8);
    if (original.isPresent()) {
      DecodedText decoded;
      try {
        decoded = TextDecoder.decode(shownAs, original.get());
      } catch (InputException e) {
        return new LeftAlone(e.problem());
      }
      if (decoded.undecodable().isPresent()) {
        return new LeftAlone("it holds " + decoded.problem().orElseThrow());
      }
      encoding = encodingOf(original.get());
      text = decoded.text();
      if (!Arrays.equals(encode(encoding, text), original.get())) {
        // Decoding and encoding again would change bytes outside the edits.
        return new LeftAlone("its text does not encode back to the same bytes");
      }
      Optional<String> problem = syntax.problem(shownAs, text);
      if (problem.isPresent()) {
        return new LeftAlone(problem.get());
      }
    }
    SourceText source = new SourceText(shownAs, text);
    List<Fix.Edit> edits = new ArrayList<>();
    for (Fix fix : fixes) {
      fix.edits().stream().filter(e -> e.location().file().equals(key)).forEach(edits::add);
    }
    edits.sort(
        Comparator.comparingInt((Fix.Edit e) -> e.location().span().startOffset()).reversed());
    StringBuilder edited = new StringBuilder(text);
    for (Fix.Edit edit : edits) {
      int start = source.charIndex(edit.location().span().startOffset());
      int end = source.charIndex(edit.location().span().endOffset());
      edited.replace(start, end, edit.replacement());
    }
    String after = edited.toString();
    if (syntax.problem(shownAs, after).isPresent()) {
      return new LeftAlone(
          "its fixed text would not " + (syntax == XML ? "be well-formed" : "parse"));
    }
    return new Edited(encode(encoding, after), text, after);
  }

  /** Two edits touch the same text, or insert at the same place (their order would be a guess). */
  static boolean overlap(Fix.Edit a, Fix.Edit b) {
    if (!a.location().file().equals(b.location().file())) {
      return false;
    }
    int aStart = a.location().span().startOffset();
    int aEnd = a.location().span().endOffset();
    int bStart = b.location().span().startOffset();
    int bEnd = b.location().span().endOffset();
    return (aStart < bEnd && bStart < aEnd) || aStart == bStart;
  }

  static boolean selfOverlapping(Fix fix) {
    List<Fix.Edit> edits = fix.edits();
    for (int i = 0; i < edits.size(); i++) {
      for (int j = i + 1; j < edits.size(); j++) {
        if (overlap(edits.get(i), edits.get(j))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Encoding encodingOf(byte[] bytes) {
    for (Encoding encoding : WITH_BOM) {
      byte[] bom = encoding.bom();
      if (bytes.length >= bom.length && Arrays.equals(bytes, 0, bom.length, bom, 0, bom.length)) {
        return encoding;
      }
    }
    return new Encoding(new byte[0], StandardCharsets.UTF_8);
  }

  private static byte[] encode(Encoding encoding, String text) {
    byte[] body = text.getBytes(encoding.charset());
    byte[] bytes = Arrays.copyOf(encoding.bom(), encoding.bom().length + body.length);
    System.arraycopy(body, 0, bytes, encoding.bom().length, body.length);
    return bytes;
  }
}
