package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.model.ParameterInfo;
import dev.pqcert.model.Value;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PQ021: required parameters of exported functions have {@code Documentation.FieldCaption}, the
 * label the gateway and the Get Data dialog show.
 */
final class FieldCaptionRule implements Rule {
  private static final Pattern WORD_BREAK = Pattern.compile("[_\\-\\s.]+");

  @Override
  public String id() {
    return "PQ021";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    for (ExportedFunction export : model.exports()) {
      if (export.knownSignature().isEmpty() || export.publishName().isEmpty()) {
        continue; // a helper with no publish record is not shown in a dialog
      }
      List<ParameterInfo> missing = new ArrayList<>();
      for (ParameterInfo parameter : export.signature().get().required()) {
        boolean captioned =
            parameter
                .documentation()
                .map(d -> d.field("Documentation.FieldCaption").isPresent())
                .orElse(false);
        if (!captioned) {
          missing.add(parameter);
        }
      }
      if (missing.isEmpty()) {
        continue;
      }
      // One finding per function: its parameters are captioned in one place, its type.
      List<Finding.Related> places = new ArrayList<>();
      for (ParameterInfo parameter : missing) {
        places.add(
            new Finding.Related(
                "required parameter '" + parameter.name() + "' has no Documentation.FieldCaption",
                new Location(parameter.file(), parameter.span())));
      }
      ParameterInfo first = missing.get(0);
      String names =
          missing.size() == 1
              ? "required parameter '" + first.name() + "'"
              : "required parameters '" + first.name() + "' and " + (missing.size() - 1) + " more";
      findings.reportGroup(
          findings.level(),
          places,
          names
              + " of '"
              + export.name()
              + "' "
              + (missing.size() == 1 ? "has" : "have")
              + " no Documentation.FieldCaption, the label the gateway shows; in its function type"
              + " write "
              + first.name()
              + " as "
              + captioned(first),
          "",
          addCaptions(model, missing));
    }
  }

  /**
   * {@code Documentation.FieldCaption} derived from each parameter's name, as the first field of
   * the metadata record written in its type ({@code type text meta [...]}), for every parameter of
   * the finding or none. Only when the connector already writes display strings in the code (PQ033
   * reports them): one that reads them from resources.resx wants the caption there too.
   */
  private static Optional<Fix> addCaptions(ConnectorModel model, List<ParameterInfo> missing) {
    if (ResourceStringsRule.hardCoded(model).isEmpty()) {
      return Optional.empty();
    }
    List<Fix.Edit> edits = new ArrayList<>();
    for (ParameterInfo parameter : missing) {
      Optional<Value.RecordValue> meta = parameter.documentation();
      Optional<SourceText> source = Editable.source(model, parameter.file());
      if (meta.isEmpty()
          || source.isEmpty()
          || !meta.get().file().equals(parameter.file())
          || !Editable.within(meta.get().span(), parameter.span())) {
        return Optional.empty(); // no metadata, or metadata that other parameters may share
      }
      Optional<Expr.RecordExpr> record =
          Editable.recordAt(model, parameter.file(), meta.get().span());
      String caption = caption(parameter.name());
      Optional<Fix> added =
          record.flatMap(
              r ->
                  RecordEdits.addFirst(
                      source.get(),
                      parameter.file(),
                      r,
                      "Documentation.FieldCaption = " + RecordEdits.textLiteral(caption),
                      ""));
      if (added.isEmpty() || caption.isEmpty()) {
        return Optional.empty();
      }
      edits.addAll(added.get().edits());
    }
    String names = missing.stream().map(ParameterInfo::name).collect(Collectors.joining(", "));
    return Optional.of(new Fix("add Documentation.FieldCaption to " + names, edits));
  }

  /**
   * A caption from a parameter name: words split at {@code _}, {@code -}, blanks, dots and case
   * changes ({@code serverName}, {@code HTTPServer}), each capitalised, the rest kept as written:
   * {@code serverUrl} is "Server Url", {@code HTTPServer} "HTTP Server", {@code api_key} "Api Key".
   */
  static String caption(String name) {
    List<String> words = new ArrayList<>();
    for (String part : WORD_BREAK.split(name, -1)) {
      int start = 0;
      for (int i = 1; i < part.length(); i++) {
        char previous = part.charAt(i - 1);
        char c = part.charAt(i);
        boolean lowerToUpper = Character.isLowerCase(previous) && Character.isUpperCase(c);
        boolean acronymEnds =
            Character.isUpperCase(previous)
                && Character.isUpperCase(c)
                && i + 1 < part.length()
                && Character.isLowerCase(part.charAt(i + 1));
        if (lowerToUpper || acronymEnds) {
          words.add(part.substring(start, i));
          start = i;
        }
      }
      if (start < part.length()) {
        words.add(part.substring(start));
      }
    }
    return words.stream()
        .filter(w -> !w.isEmpty())
        .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
        .collect(Collectors.joining(" "));
  }

  /** The parameter's type with a caption, as valid M inside a function type. */
  private static String captioned(ParameterInfo parameter) {
    String type = parameter.typeName();
    String written = type.endsWith(".Type") ? type : "type " + type;
    return "(" + written + " meta [Documentation.FieldCaption = \"...\"])";
  }
}
