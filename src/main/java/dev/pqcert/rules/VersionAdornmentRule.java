package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.Section;
import dev.pqcert.model.Value;
import java.util.Optional;
import java.util.regex.Pattern;

/** PQ011: the section carries {@code [Version = "major.minor.patch"]}. */
final class VersionAdornmentRule implements Rule {
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

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
              + "'");
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
          "the section's attribute record has no Version field" + hint);
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
              + " is not of the form \"major.minor.patch\" (for example \"1.0.0\")");
    }
  }
}
