package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DataSourceKind;
import dev.pqcert.model.ExportedFunction;
import dev.pqcert.parse.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PQ014: exported functions are named {@code Kind.FunctionName} after their data source kind, and
 * the section, kind and function names leave out the banned words. Each offending name is one
 * finding, however many places write it (the section and the kind of one name, the kind part of
 * every function): the other places are related. A suggested name is a valid identifier without the
 * banned words.
 */
final class NamingRule implements Rule {
  /** A part of a function's own name with a banned word in it. */
  private record BannedPart(String name, String part, Location where) {}

  @Override
  public String id() {
    return "PQ014";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    Map<String, List<Finding.Related>> banned = new LinkedHashMap<>();
    List<BannedPart> functions = new ArrayList<>();
    model
        .section()
        .ifPresent(
            section ->
                section
                    .name()
                    .ifPresent(
                        name ->
                            place(
                                banned,
                                name,
                                "the section",
                                section.file(),
                                section.keywordSpan())));
    for (DataSourceKind kind : model.kinds()) {
      var where = kind.functions().get(0).member();
      Span span = where.attribute("DataSource.Kind").orElseThrow().span();
      place(banned, kind.name(), "the data source kind", where.file(), span);
    }
    for (ExportedFunction export : model.exports()) {
      String name = export.name();
      String prefix = export.kind() + ".";
      String file = export.member().file();
      Span span = export.member().nameSpan();
      if (!name.startsWith(prefix) || name.length() == prefix.length()) {
        findings.report(
            file,
            span,
            "exported function '"
                + name
                + "' should be named after its data source kind '"
                + export.kind()
                + "': "
                + suggestion(export.kind() + "." + withoutKind(lastPart(name), export.kind())));
      }
      // Each dotted part is a name of its own; a part that is the section's or a kind's name is
      // a place of that name's finding (renaming the kind renames the function's first part).
      Location where = new Location(file, span);
      for (String part : name.split("\\.", -1)) {
        if (banned.containsKey(part) && !banned.get(part).isEmpty()) {
          banned.get(part).add(new Finding.Related("function '" + name + "'", where));
        } else if (BannedWords.find(part).isPresent()) {
          functions.add(new BannedPart(name, part, where));
        }
      }
    }
    for (BannedPart function : functions) {
      findings.report(
          function.where().file(),
          function.where().span(),
          "function '"
              + function.name()
              + "' contains \""
              + BannedWords.find(function.part()).orElseThrow()
              + "\"; certified names leave out Fabric, Power BI, Connector and API: "
              + suggestion(function.name()));
    }
    for (Map.Entry<String, List<Finding.Related>> entry : banned.entrySet()) {
      if (entry.getValue().isEmpty()) {
        continue;
      }
      String name = entry.getKey();
      String word = BannedWords.find(name).orElseThrow();
      List<Finding.Related> places = entry.getValue();
      findings.reportGroup(
          findings.level(),
          places,
          places.get(0).label()
              + " is named '"
              + name
              + "', which contains \""
              + word
              + "\"; certified names leave out Fabric, Power BI, Connector and API: "
              + suggestion(name),
          "place");
    }
  }

  /** Records a place of a name; names without a banned word are kept with no places. */
  private static void place(
      Map<String, List<Finding.Related>> banned, String name, String what, String file, Span span) {
    List<Finding.Related> places = banned.computeIfAbsent(name, n -> new ArrayList<>());
    if (BannedWords.find(name).isPresent()) {
      places.add(new Finding.Related(what, new Location(file, span)));
    }
  }

  private static String lastPart(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** {@code WoodgroveContents} after kind {@code Woodgrove} is {@code Contents}. */
  private static String withoutKind(String name, String kind) {
    return name.length() > kind.length() && name.startsWith(kind)
        ? name.substring(kind.length())
        : name;
  }

  /**
   * {@code name it 'Contoso.Contents'}: a valid identifier, without the banned words; a part made
   * only of banned words is left out.
   */
  private static String suggestion(String name) {
    List<String> parts = new ArrayList<>();
    for (String part : name.split("\\.", -1)) {
      String clean = BannedWords.without(part).replaceAll("[^A-Za-z0-9_]", "");
      if (clean.isEmpty()) {
        continue;
      }
      parts.add(Character.isLetter(clean.charAt(0)) ? clean : "X" + clean);
    }
    // A function keeps the Kind.FunctionName shape: a part left empty becomes Contents.
    if (parts.isEmpty() || (parts.size() == 1 && name.contains("."))) {
      parts.add("Contents");
    }
    return "name it '" + String.join(".", parts) + "'";
  }
}
