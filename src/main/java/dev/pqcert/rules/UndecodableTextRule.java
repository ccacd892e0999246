package dev.pqcert.rules;

import dev.pqcert.bundle.DecodedText;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.SourceFile;
import dev.pqcert.parse.SourceText;

/**
 * PQ003: every M file is valid text in its encoding. Power Query reads each byte sequence that is
 * not as U+FFFD and goes on, so pqcert does too, and reports where the first one is.
 */
final class UndecodableTextRule implements Rule {
  @Override
  public String id() {
    return "PQ003";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (SourceFile file : model.files()) {
      if (file.undecodable().isEmpty()) {
        continue;
      }
      DecodedText.Undecodable first = file.undecodable().get();
      SourceText source = file.parse().source();
      int codePoint = source.text().codePointCount(0, first.offset());
      findings.report(
          file.name(),
          source.span(codePoint, codePoint + 1),
          "the file is not valid "
              + first.encoding()
              + ": "
              + (first.count() == 1
                  ? "a byte sequence"
                  : first.count() + " byte sequences, the first")
              + " at byte offset "
              + first.byteOffset()
              + ", which Power Query reads as U+FFFD, so the text there is not what was"
              + " written; "
              + (first.encoding().equals("UTF-8")
                  ? "reopen the file in the encoding it was saved in (often Windows-1252), check"
                      + " the text there and save it as UTF-8"
                  : "correct the text there and save the file as UTF-8"));
    }
  }
}
