package dev.pqcert.check;

import dev.pqcert.bundle.DecodedText;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TextDecoder;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.SourceText;
import dev.pqcert.rules.Fix;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Applies fixes to one M file's bytes as text edits, so that every byte outside the edits stays as
 * it was: the byte order mark, the encoding, line ends, comments and formatting. Fixes are applied
 * in the order given; a fix with an edit that overlaps one already taken is skipped (the next run
 * gets it). A file that does not decode exactly, or does not parse, is left alone, and so is one
 * the edits would leave unparseable.
 */
final class FileEdits {
  /**
   * The file after its fixes.
   *
   * @param applied the fixes applied, in the order given
   * @param skipped the fixes left for a later run, as they overlapped an applied one
   */
  @SuppressWarnings("ArrayRecordComponent") // written as it is, never compared
  record Edited(byte[] bytes, String before, String after, List<Fix> applied, List<Fix> skipped)
      implements Outcome {
    Edited {
      applied = List.copyOf(applied);
      skipped = List.copyOf(skipped);
    }
  }

  /** Why a file was not edited, one clause ("it does not parse"). */
  record LeftAlone(String reason) implements Outcome {}

  /** What became of a file. */
  sealed interface Outcome permits Edited, LeftAlone {}

  private FileEdits() {}

  @SuppressWarnings("ArrayRecordComponent") // constants, never compared
  private record Encoding(byte[] bom, Charset charset) {}

  private static final List<Encoding> WITH_BOM =
      List.of(
          new Encoding(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8),
          new Encoding(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE),
          new Encoding(new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE));

  /**
   * Applies the fixes whose edits are all in this file.
   *
   * @param name the file as messages name it
   * @param kind how the checker parsed it (a module is an expression document)
   * @return the edited file, or why it was left alone
   */
  static Outcome apply(String name, byte[] original, DocumentKind kind, List<Fix> fixes) {
    DecodedText decoded;
    try {
      decoded = TextDecoder.decode(name, original);
    } catch (InputException e) {
      return new LeftAlone(e.problem());
    }
    if (decoded.undecodable().isPresent()) {
      return new LeftAlone("it holds " + decoded.problem().orElseThrow());
    }
    Encoding encoding = encodingOf(original);
    String text = decoded.text();
    if (!Arrays.equals(encode(encoding, text), original)) {
      // Decoding and encoding again would change bytes outside the edits.
      return new LeftAlone("its text does not encode back to the same bytes");
    }
    SourceText source = new SourceText(name, text);
    if (!DocumentParser.parse(source, kind).ok()) {
      return new LeftAlone("it does not parse");
    }
    List<Fix> applied = new ArrayList<>();
    List<Fix> skipped = new ArrayList<>();
    List<Fix.Edit> taken = new ArrayList<>();
    for (Fix fix : fixes) {
      if (applied.stream().anyMatch(a -> a.edits().equals(fix.edits()))) {
        continue; // the same remedy offered by a second finding (one directive, two rules)
      }
      boolean clashes =
          fix.edits().stream().anyMatch(e -> taken.stream().anyMatch(t -> overlap(e, t)))
              || selfOverlapping(fix);
      if (clashes) {
        skipped.add(fix);
      } else {
        applied.add(fix);
        taken.addAll(fix.edits());
      }
    }
    StringBuilder edited = new StringBuilder(text);
    taken.sort(
        Comparator.comparingInt((Fix.Edit e) -> e.location().span().startOffset()).reversed());
    for (Fix.Edit edit : taken) {
      int start = source.charIndex(edit.location().span().startOffset());
      int end = source.charIndex(edit.location().span().endOffset());
      edited.replace(start, end, edit.replacement());
    }
    String after = edited.toString();
    if (!DocumentParser.parse(new SourceText(name, after), kind).ok()) {
      return new LeftAlone("its fixed text would not parse");
    }
    return new Edited(encode(encoding, after), text, after, applied, skipped);
  }

  /** Two edits touch the same text, or insert at the same place (their order would be a guess). */
  private static boolean overlap(Fix.Edit a, Fix.Edit b) {
    int aStart = a.location().span().startOffset();
    int aEnd = a.location().span().endOffset();
    int bStart = b.location().span().startOffset();
    int bEnd = b.location().span().endOffset();
    return (aStart < bEnd && bStart < aEnd) || aStart == bStart;
  }

  private static boolean selfOverlapping(Fix fix) {
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
