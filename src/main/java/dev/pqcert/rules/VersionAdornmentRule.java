package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Section;
import dev.pqcert.model.Value;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.Span;
import java.util.Optional;
import java.util.regex.Pattern;

/** PQ011: the section carries {@code [Version = "major.minor.patch"]}. */
final class VersionAdornmentRule implements Rule {
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  private static final Pattern TWO_PARTS = Pattern.compile("\\d+\\.\\d+");
  private static final String ADORNMENT = "[Version = \"1.0.0\"]";

  @Override
  public String id() {
    return "PQ011";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    if (model.section().isEmpty()) {
      return; // PQ010 reports a connector that is not a section document
    }
    Section section = model.section().get();
    String declaration = "section " + section.name().orElse("") + ";";
    if (section.attributes().isEmpty()) {
      findings.report(
          section.file(),
          section.keywordSpan(),
          "the section has no version adornment; add [Version = \"1.0.0\"] above '"
              + declaration
              + "'",
          addAdornment(model, section));
      return;
    }
    Value.RecordValue attributes = section.attributes().get();
    Optional<Value.RecordField> version = attributes.field("Version");
    if (version.isEmpty()) {
      // Field names are case-sensitive: a `version` field is not read as the version.
      String hint =
          attributes.fields().keySet().stream()
              .filter(name -> name.equalsIgnoreCase("Version"))
              .findFirst()
              .map(name -> " (field names are case-sensitive: rename '" + name + "' to 'Version')")
              .orElse("; add Version = \"1.0.0\"");
      findings.report(
          section.file(),
          attributes.span(),
          "the section's attribute record has no Version field" + hint,
          hint.startsWith(";") ? addVersionField(model, section, attributes) : Optional.empty());
      return;
    }
    Value value = version.get().value();
    if (!(value instanceof Value.Text text)) {
      findings.report(
          section.file(),
          value.span(),
          "Version must be text of the form \"major.minor.patch\", not " + Value.describe(value));
    } else if (!VERSION.matcher(text.value()).matches()) {
      findings.report(
          section.file(),
          value.span(),
          "Version "
              + Value.describe(value)
              + " is not of the form \"major.minor.patch\" (for example \"1.0.0\")",
          addPatch(model, section, attributes, text));
    }
  }

  /**
   * {@code [Version = "1.0.0"]} on its own line above {@code section}, with the file's line end and
   * the keyword's indentation; on the same line in a file that has no line end.
   */
  private static Optional<Fix> addAdornment(ConnectorModel model, Section section) {
    Optional<SourceText> source = Editable.source(model, section.file());
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Span keyword = section.keywordSpan();
    int lineStart = source.get().lineStart(keyword.start().line());
    String before = source.get().slice(lineStart, keyword.startOffset());
    String indentation = before.isBlank() ? before : "";
    String lineEnd = source.get().firstLineEnd().map(end -> end + indentation).orElse(" ");
    return Optional.of(
        Fix.of(
            "add " + ADORNMENT + " above the section",
            new Location(section.file(), keyword.startOnly()),
            ADORNMENT + lineEnd));
  }

  /** {@code Version = "1.0.0"} as the first field of an attribute record that has others. */
  private static Optional<Fix> addVersionField(
      ConnectorModel model, Section section, Value.RecordValue attributes) {
    Optional<SourceText> source = Editable.source(model, section.file());
    Optional<Value.RecordField> first = attributes.fields().values().stream().findFirst();
    if (source.isEmpty()
        || first.isEmpty()
        || !Editable.within(first.get().nameSpan(), attributes.span())) {
      return Optional.empty();
    }
    return Optional.of(
        Fix.of(
            "add Version = \"1.0.0\" to the section's attribute record",
            new Location(section.file(), first.get().nameSpan().startOnly()),
            "Version = \"1.0.0\", "));
  }

  /** A two-part version written as text in the attribute record gets a patch number. */
  private static Optional<Fix> addPatch(
      ConnectorModel model, Section section, Value.RecordValue attributes, Value.Text version) {
    Optional<SourceText> source = Editable.source(model, section.file());
    String literal = "\"" + version.value() + "\"";
    if (source.isEmpty()
        || !TWO_PARTS.matcher(version.value()).matches()
        || !version.file().equals(section.file())
        || !Editable.within(version.span(), attributes.span())
        || !Editable.reads(source.get(), version.span(), literal)) {
      return Optional.empty();
    }
    String fixed = "\"" + version.value() + ".0\"";
    return Optional.of(
        Fix.of(
            "write the version as " + fixed, new Location(section.file(), version.span()), fixed));
  }
}
