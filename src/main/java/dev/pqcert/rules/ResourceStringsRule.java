package dev.pqcert.rules;

import dev.pqcert.model.Addresses;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DisplayString;
import dev.pqcert.model.Site;
import dev.pqcert.model.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PQ033: the strings users read (button texts, kind and authentication labels, documentation
 * captions) come from {@code resources.resx} through {@code Extension.LoadString}, so they can be
 * translated; and the package has a {@code resources.resx}.
 */
final class ResourceStringsRule implements Rule {
  @Override
  public String id() {
    return "PQ033";
  }

  @Override
  public void check(ConnectorModel model, FindingSink findings) {
    List<DisplayString> hardCoded = hardCoded(model);
    if (hardCoded.isEmpty()) {
      return;
    }
    // One finding for them all, at the first, with every other as a related place: the fix is one
    // (move the strings to resources.resx), and twenty lines saying it would bury the report.
    DisplayString first = hardCoded.get(0);
    Value.Text text = first.text().orElseThrow();
    List<Finding.Related> others = new ArrayList<>();
    for (DisplayString other : hardCoded.subList(1, hardCoded.size())) {
      Value.Text otherText = other.text().orElseThrow();
      others.add(
          new Finding.Related(
              other.what() + " is written in the code (" + Messages.quote(otherText.value()) + ")",
              new Location(otherText.file(), otherText.span())));
    }
    String more =
        others.isEmpty()
            ? ""
            : " (and " + others.size() + " more display string" + (others.size() == 1 ? ")" : "s)");
    String message =
        model.resources().file().isEmpty()
            ? "the package has no resources.resx: "
                + first.what()
                + " is written in the code ("
                + Messages.quote(text.value())
                + "); add resources.resx and read each display string with Extension.LoadString"
            : first.what()
                + " is written in the code ("
                + Messages.quote(text.value())
                + "); put it in "
                + model.resources().file().get()
                + " and read it with Extension.LoadString";
    findings.report(findings.level(), text.file(), text.span(), message + more, others, List.of());
  }

  /** The display strings written in the code, in reading order: what this rule reports. */
  static List<DisplayString> hardCoded(ConnectorModel model) {
    // A string that is a URL or a host name is a value: the requirement keeps it in the code
    // (PQ035 would report it in resources.resx), so it is not asked for here.
    return model.displayStrings().stream()
        .filter(s -> !s.fromResources())
        .filter(s -> s.text().map(t -> !t.value().isBlank()).orElse(false))
        .filter(s -> !Addresses.isAddress(s.text().orElseThrow().value()))
        .sorted(
            Comparator.comparing(
                (DisplayString s) ->
                    Site.of(s.text().orElseThrow().file(), s.text().orElseThrow().span())))
        .toList();
  }
}
