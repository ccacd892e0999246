package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DisplayString;
import dev.pqcert.model.Value;
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
    List<DisplayString> hardCoded =
        model.displayStrings().stream()
            .filter(s -> !s.fromResources())
            .filter(s -> s.text().map(t -> !t.value().isBlank()).orElse(false))
            .toList();
    if (hardCoded.isEmpty()) {
      return;
    }
    if (model.resources().file().isEmpty()) {
      // Without the file every string is hard-coded: one finding says what to create.
      Value.Text first = hardCoded.get(0).text().orElseThrow();
      findings.reportPackage(
          "the package has no resources.resx, and "
              + hardCoded.size()
              + (hardCoded.size() == 1 ? " display string is" : " display strings are")
              + " written in the code (first: "
              + hardCoded.get(0).what()
              + ", \""
              + first.value()
              + "\" at "
              + first.file()
              + ":"
              + first.span().start().line()
              + "); add resources.resx with a <data name=\"Key\"><value>...</value></data> per"
              + " string and read each with Extension.LoadString(\"Key\")");
      return;
    }
    for (DisplayString string : hardCoded) {
      Value.Text text = string.text().orElseThrow();
      findings.report(
          text.file(),
          text.span(),
          string.what()
              + " is written in the code (\""
              + text.value()
              + "\"); put it in "
              + model.resources().file().get()
              + " as <data name=\"Key\"><value>"
              + text.value()
              + "</value></data> and read it with Extension.LoadString(\"Key\")");
    }
  }
}
