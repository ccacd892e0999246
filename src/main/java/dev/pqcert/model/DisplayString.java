package dev.pqcert.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A string the user reads in Power Query's dialogs: a publish record's button text, a data source
 * kind's or an authentication kind's label, a function's or parameter's documentation caption.
 * {@code what} names it for messages; {@code value} is what the model knows of it; {@code use}
 * names its use as a resource key would ({@code Contoso.Publish.ButtonText.Title}, {@code
 * Contoso.Label}, {@code Contoso.Contents.server.FieldCaption}).
 */
public record DisplayString(String what, Value value, String use) {

  private static final List<String> AUTHENTICATION_LABELS =
      List.of("Label", "UsernameLabel", "PasswordLabel", "KeyLabel");
  private static final List<String> FUNCTION_DOCUMENTATION =
      List.of(
          "Documentation.Name",
          "Documentation.Caption",
          "Documentation.Description",
          "Documentation.LongDescription");
  private static final List<String> PARAMETER_DOCUMENTATION =
      List.of("Documentation.FieldCaption", "Documentation.FieldDescription");

  /** The text, when it is known. */
  public Optional<Value.Text> text() {
    return Values.plain(value) instanceof Value.Text text ? Optional.of(text) : Optional.empty();
  }

  /** Whether it is loaded from resources.resx with {@code Extension.LoadString}. */
  public boolean fromResources() {
    return text().map(Value.Text::wholeResource).orElse(false);
  }

  /** Every display string of the connector, each place once. */
  static List<DisplayString> of(ConnectorModel model) {
    List<DisplayString> strings = new ArrayList<>();
    for (PublishRecord publish : model.publishRecords()) {
      Optional<Value> buttonText = publish.record().flatMap(r -> r.get("ButtonText"));
      if (buttonText.isPresent()
          && Values.plain(buttonText.get()) instanceof Value.ListValue list) {
        String[] parts = {"title", "help text"};
        for (int i = 0; i < list.items().size() && i < parts.length; i++) {
          strings.add(
              new DisplayString(
                  "the ButtonText " + parts[i] + " of publish record '" + publish.name() + "'",
                  list.items().get(i),
                  publish.name() + ".ButtonText." + (i == 0 ? "Title" : "Help")));
        }
      }
    }
    for (DataSourceKind kind : model.kinds()) {
      kind.recordValue()
          .flatMap(r -> r.get("Label"))
          .ifPresent(
              v ->
                  strings.add(
                      new DisplayString(
                          "the Label of data source kind '" + kind.name() + "'",
                          v,
                          kind.name() + ".Label")));
      for (Value.RecordField authentication :
          kind.authentication().map(a -> a.fields().values()).orElse(List.of())) {
        Optional<Value.RecordValue> fields = Values.record(authentication.value());
        for (String label : AUTHENTICATION_LABELS) {
          fields
              .flatMap(r -> r.get(label))
              .ifPresent(
                  v ->
                      strings.add(
                          new DisplayString(
                              "the "
                                  + label
                                  + " of the "
                                  + authentication.name()
                                  + " authentication of '"
                                  + kind.name()
                                  + "'",
                              v,
                              kind.name() + "." + authentication.name() + "." + label)));
        }
      }
    }
    for (ExportedFunction export : model.exports()) {
      Optional<FunctionSignature> signature = export.knownSignature();
      if (signature.isEmpty()) {
        continue;
      }
      Optional<Value.RecordValue> documentation = signature.get().documentation();
      for (String field : FUNCTION_DOCUMENTATION) {
        documentation
            .flatMap(d -> d.get(field))
            .ifPresent(
                v ->
                    strings.add(
                        new DisplayString(
                            field + " of '" + export.name() + "'",
                            v,
                            export.name() + "." + withoutPrefix(field))));
      }
      for (ParameterInfo parameter : signature.get().parameters()) {
        for (String field : PARAMETER_DOCUMENTATION) {
          parameter
              .documentation()
              .flatMap(d -> d.get(field))
              .ifPresent(
                  v ->
                      strings.add(
                          new DisplayString(
                              field
                                  + " of parameter '"
                                  + parameter.name()
                                  + "' of '"
                                  + export.name()
                                  + "'",
                              v,
                              export.name()
                                  + "."
                                  + parameter.name()
                                  + "."
                                  + withoutPrefix(field))));
        }
      }
    }
    // One type or record shared by several exports or kinds is one set of strings.
    Set<String> seen = new HashSet<>();
    return strings.stream()
        .filter(
            s ->
                seen.add(
                    Values.plain(s.value()).file()
                        + ":"
                        + Values.plain(s.value()).span().start().offset()))
        .toList();
  }

  private static String withoutPrefix(String field) {
    return field.substring(field.indexOf('.') + 1);
  }
}
