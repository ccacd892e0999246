package dev.pqcert.bundle;

import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.ParseResult;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.SyntaxError;
import dev.pqcert.parse.ast.SectionDocument;
import dev.pqcert.parse.ast.SectionMember;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the queries of a {@code DataMashup} entry, the binary stream of [MS-QDEFF] section 2.2: a
 * version (4 bytes, 0), then four parts each preceded by its length (4 bytes, little-endian,
 * unsigned): the package parts (a zip holding {@code Formulas/Section1.m}), the permissions, the
 * metadata and the permission bindings. Every length is checked against what remains before
 * anything is taken from it. Only the package parts are read; the section document in it is split
 * into its shared members with pqcert's own parser, each member one query.
 */
final class DataMashupReader {
  /** The entry's name in the report. */
  static final String ENTRY = "DataMashup";

  /** The section document inside the package parts. */
  static final String SECTION_DOCUMENT = "Formulas/Section1.m";

  /** How queries name their file: the document inside the entry. */
  static final String QUERY_FILE = ENTRY + "/" + SECTION_DOCUMENT;

  private static final String[] PARTS = {
    "package parts", "permissions", "metadata", "permission bindings"
  };

  private DataMashupReader() {}

  /**
   * Reads the queries of a DataMashup stream.
   *
   * @param notes receives a line for a section document that is not valid M or UTF-8
   */
  static List<ReportQuery> read(
      byte[] mashup, Limits limits, ReadBudget budget, String displayName, List<String> notes)
      throws InputException {
    byte[] packageParts = packageParts(mashup, displayName);
    byte[] section;
    try (ReportZip zip =
        ReportZip.open(
            packageParts,
            limits,
            displayName,
            ENTRY + "/",
            "entry '" + ENTRY + "' holds no zip package where [MS-QDEFF] puts its package parts")) {
      section =
          zip.read(SECTION_DOCUMENT, budget)
              .orElseThrow(
                  () ->
                      new InputException(
                          displayName,
                          "entry '"
                              + ENTRY
                              + "' holds no "
                              + SECTION_DOCUMENT
                              + ", where its queries would be"));
    }
    DecodedText text = TextDecoder.decode(displayName + ": " + QUERY_FILE, section);
    text.problem().ifPresent(problem -> notes.add(QUERY_FILE + ": " + problem));
    return queries(text.text(), notes);
  }

  /** The package parts, after every length of the stream is checked. */
  private static byte[] packageParts(byte[] mashup, String displayName) throws InputException {
    ByteBuffer stream = ByteBuffer.wrap(mashup).order(ByteOrder.LITTLE_ENDIAN);
    if (stream.remaining() < Integer.BYTES) {
      throw damaged(displayName, "is too short to hold the version that starts it");
    }
    long version = Integer.toUnsignedLong(stream.getInt());
    if (version != 0) {
      throw damaged(
          displayName,
          "starts with version " + version + ", but [MS-QDEFF] defines only version 0");
    }
    byte[] packageParts = null;
    for (String part : PARTS) {
      if (stream.remaining() < Integer.BYTES) {
        throw damaged(displayName, "ends before the length of its " + part);
      }
      long length = Integer.toUnsignedLong(stream.getInt());
      if (length > stream.remaining()) {
        throw damaged(
            displayName,
            String.format(
                Locale.ROOT,
                "says its %s take %d bytes, but only %d bytes remain",
                part,
                length,
                stream.remaining()));
      }
      if (packageParts == null) {
        packageParts = new byte[(int) length];
        stream.get(packageParts);
      } else {
        stream.position(stream.position() + (int) length);
      }
    }
    return packageParts;
  }

  private static InputException damaged(String displayName, String problem) {
    return new InputException(
        displayName, "entry '" + ENTRY + "' is damaged: it " + problem + " ([MS-QDEFF] 2.2)");
  }

  /** Every shared member of the section document, in document order. */
  private static List<ReportQuery> queries(String text, List<String> notes) {
    SourceText source = new SourceText(QUERY_FILE, text);
    ParseResult parsed = DocumentParser.parse(source, DocumentKind.SECTION);
    if (!parsed.errors().isEmpty()) {
      SyntaxError first = parsed.errors().get(0);
      notes.add(
          QUERY_FILE + ":" + first.span().start() + ": " + first.message() + " (a syntax error)");
    }
    List<ReportQuery> queries = new ArrayList<>();
    SectionDocument section = parsed.document().section().orElse(null);
    if (section == null) {
      return queries;
    }
    for (SectionMember member : section.members()) {
      if (member.shared()) {
        queries.add(
            new ReportQuery(
                member.name().name(),
                QUERY_FILE,
                source.slice(member.value().span()),
                member.name().span().start()));
      }
    }
    return queries;
  }
}
