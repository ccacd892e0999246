package dev.pqcert.rules;

import dev.pqcert.bundle.BundleEntry;
import dev.pqcert.bundle.BundleKind;
import dev.pqcert.bundle.DecodedText;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TextDecoder;
import dev.pqcert.model.Addresses;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.DisplayString;
import dev.pqcert.model.Resources;
import dev.pqcert.model.Site;
import dev.pqcert.model.Value;
import dev.pqcert.parse.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
    findings.report(
        findings.level(),
        text.file(),
        text.span(),
        message + more,
        others,
        moveToResources(model, hardCoded));
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

  /** The file a fix creates when the connector has none, beside its section document. */
  private static final String NEW_RESOURCES = "resources.resx";

  private static final String RESX_READER =
      "System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0,"
          + " Culture=neutral, PublicKeyToken=b77a5c561934e089";
  private static final String RESX_WRITER =
      "System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0,"
          + " Culture=neutral, PublicKeyToken=b77a5c561934e089";

  /** Characters XML 1.0 cannot hold in any form. */
  private static final Pattern NOT_XML =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  private static final Pattern NOT_KEY = Pattern.compile("[^A-Za-z0-9._-]");

  /**
   * Every display string written in the code moved into resources.resx, each literal replaced by
   * {@code Extension.LoadString("Key")}, the key named after its use ({@link DisplayString#use()}),
   * made unique with a number; an entry already there with that key and the same text is read as it
   * is. Offered for a folder (or its package), whose resources.resx the fix edits or creates, not
   * for a single {@code .pq} file, which has no resource file the package would hold; and only when
   * every string is a text literal in a member of a section document (not computed, not in a
   * module).
   */
  private static Optional<Fix> moveToResources(
      ConnectorModel model, List<DisplayString> hardCoded) {
    if (model.bundle().kind() == BundleKind.FILE || model.resources().problem().isPresent()) {
      return Optional.empty();
    }
    Optional<String> existing = model.resources().file();
    String resx = existing.orElse(NEW_RESOURCES);
    Optional<SourceText> resxText = Optional.empty();
    if (existing.isPresent()) {
      resxText = resourceText(model, existing.get());
      if (resxText.isEmpty()) {
        return Optional.empty();
      }
    }
    Map<String, String> keys = new HashMap<>();
    model
        .resources()
        .entries()
        .values()
        .forEach(e -> keys.put(e.key().toLowerCase(Locale.ROOT), e.value()));
    List<Fix.Edit> edits = new ArrayList<>();
    List<Resources.Entry> added = new ArrayList<>();
    Optional<String> lineEnd = Optional.empty();
    for (DisplayString string : hardCoded) {
      Value.Text text = string.text().orElseThrow();
      Optional<SourceText> source = Editable.source(model, text.file());
      if (source.isEmpty()
          || NOT_XML.matcher(text.value()).find()
          || Editable.textLiteralAt(model, text.file(), text.span())
              .filter(l -> text.value().equals(l.value()))
              .isEmpty()) {
        return Optional.empty();
      }
      lineEnd = lineEnd.or(() -> source.get().firstLineEnd());
      String base = NOT_KEY.matcher(string.use()).replaceAll("_");
      String key = base;
      for (int n = 2; keys.containsKey(key.toLowerCase(Locale.ROOT)); n++) {
        if (keys.get(key.toLowerCase(Locale.ROOT)).equals(text.value())) {
          break; // the same text under this name: read it
        }
        key = base + n;
      }
      if (!keys.containsKey(key.toLowerCase(Locale.ROOT))) {
        keys.put(key.toLowerCase(Locale.ROOT), text.value());
        added.add(new Resources.Entry(key, text.value(), text.span()));
      }
      edits.add(
          new Fix.Edit(
              new Location(text.file(), text.span()),
              "Extension.LoadString(" + RecordEdits.textLiteral(key) + ")"));
    }
    String description =
        "move "
            + hardCoded.size()
            + " display string"
            + (hardCoded.size() == 1 ? "" : "s")
            + " into "
            + resx
            + " and read "
            + (hardCoded.size() == 1 ? "it" : "them")
            + " with Extension.LoadString";
    if (resxText.isEmpty()) {
      String end = lineEnd.orElse("\r\n");
      String created =
          "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
              + end
              + "<root>"
              + end
              + header("resmimetype", "text/microsoft-resx", end)
              + header("version", "2.0", end)
              + header("reader", RESX_READER, end)
              + header("writer", RESX_WRITER, end)
              + entries(added, end)
              + "</root>"
              + end;
      SourceText empty = new SourceText(resx, "");
      edits.add(0, new Fix.Edit(new Location(resx, empty.span(0, 0)), created));
      return Optional.of(new Fix(description, edits, List.of(resx)));
    }
    if (!added.isEmpty()) {
      SourceText source = resxText.get();
      String text = source.text();
      int close = text.lastIndexOf("</root>");
      int offset = text.codePointCount(0, close);
      int line = source.positionAt(offset).line();
      int lineStart = source.lineStart(line);
      String end = source.firstLineEnd().orElse(lineEnd.orElse("\r\n"));
      Fix.Edit edit =
          source.slice(lineStart, offset).isBlank()
              ? new Fix.Edit(
                  new Location(resx, source.span(lineStart, lineStart)), entries(added, end))
              : new Fix.Edit(
                  new Location(resx, source.span(offset, offset)), end + entries(added, end));
      edits.add(0, edit);
    }
    return Optional.of(new Fix(description, edits));
  }

  /**
   * The text of the connector's resources.resx, when a fix may add to it: it decodes whole and ends
   * with its {@code </root>}.
   */
  private static Optional<SourceText> resourceText(ConnectorModel model, String name) {
    Optional<BundleEntry> entry = model.bundle().find(name);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try {
      DecodedText decoded = TextDecoder.decode(name, entry.get().bytes());
      if (decoded.undecodable().isPresent()
          || !decoded.text().stripTrailing().endsWith("</root>")) {
        return Optional.empty();
      }
      return Optional.of(new SourceText(name, decoded.text()));
    } catch (InputException e) {
      return Optional.empty();
    }
  }

  /** A {@code <resheader>} as Visual Studio writes them. */
  private static String header(String name, String value, String end) {
    return "  <resheader name=\""
        + name
        + "\">"
        + end
        + "    <value>"
        + value
        + "</value>"
        + end
        + "  </resheader>"
        + end;
  }

  /** {@code <data>} elements as Visual Studio writes them, each line ended. */
  private static String entries(List<Resources.Entry> entries, String end) {
    StringBuilder out = new StringBuilder();
    for (Resources.Entry entry : entries) {
      out.append("  <data name=\"")
          .append(xml(entry.key()))
          .append("\" xml:space=\"preserve\">")
          .append(end)
          .append("    <value>")
          .append(xml(entry.value()))
          .append("</value>")
          .append(end)
          .append("  </data>")
          .append(end);
    }
    return out.toString();
  }

  /** Text as XML character data (keys have no quotes); a CR kept (a reader would turn it to LF). */
  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#xD;");
  }
}
