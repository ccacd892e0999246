package dev.pqcert.model;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The strings of {@code resources.resx}: {@code <data name="Key"><value>text</value></data>}. Read
 * with a streaming parser that refuses DTDs and external entities, so a package cannot make the
 * tool read other files or expand entities without bound.
 */
public final class Resources {
  /** One string and the line of its {@code <data>} element. */
  public record Entry(String key, String value, int line) {}

  private final Optional<String> file;
  private final Map<String, Entry> entries;
  private final Optional<String> problem;

  private Resources(Optional<String> file, Map<String, Entry> entries, Optional<String> problem) {
    this.file = file;
    this.entries = entries;
    this.problem = problem;
  }

  public static Resources none() {
    return new Resources(Optional.empty(), Map.of(), Optional.empty());
  }

  public static Resources read(String fileName, byte[] bytes) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    Map<String, Entry> entries = new LinkedHashMap<>();
    try {
      XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
      String key = null;
      int line = 0;
      boolean inValue = false;
      StringBuilder value = new StringBuilder();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String element = xml.getLocalName();
          if (element.equals("data")) {
            key = xml.getAttributeValue(null, "name");
            line = xml.getLocation().getLineNumber();
          } else if (element.equals("value") && key != null) {
            inValue = true;
            value.setLength(0);
          }
        } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
            && inValue) {
          value.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (xml.getLocalName().equals("value") && inValue) {
            inValue = false;
            entries.putIfAbsent(key, new Entry(key, value.toString(), line));
          } else if (xml.getLocalName().equals("data")) {
            key = null;
          }
        }
      }
      xml.close();
    } catch (XMLStreamException | RuntimeException e) {
      String message =
          e.getMessage() == null ? "malformed XML" : e.getMessage().lines().findFirst().orElse("");
      return new Resources(Optional.of(fileName), Map.copyOf(entries), Optional.of(message));
    }
    return new Resources(Optional.of(fileName), entries, Optional.empty());
  }

  /** The resx file's name in the package, when there is one. */
  public Optional<String> file() {
    return file;
  }

  public Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public Map<String, Entry> entries() {
    return java.util.Collections.unmodifiableMap(entries);
  }

  /** Why the file could not be read completely, if it could not. */
  public Optional<String> problem() {
    return problem;
  }
}
