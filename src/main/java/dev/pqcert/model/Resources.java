package dev.pqcert.model;

import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TextDecoder;
import dev.pqcert.bundle.XmlInput;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.Span;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
  /**
   * One string and where its {@code <data>} element starts ({@link Span#NONE} when the file's text
   * cannot be decoded), for findings that point into {@code resources.resx}.
   */
  public record Entry(String key, String value, Span span) {}

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
    XMLInputFactory factory = XmlInput.factory();
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<Span> dataTags = dataTags(fileName, bytes);
    int dataIndex = 0;
    try {
      XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
      String key = null;
      Span span = Span.NONE;
      boolean inValue = false;
      StringBuilder value = new StringBuilder();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String element = xml.getLocalName();
          if (element.equals("data")) {
            key = xml.getAttributeValue(null, "name");
            span = dataIndex < dataTags.size() ? dataTags.get(dataIndex) : Span.NONE;
            dataIndex++;
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
            entries.putIfAbsent(key, new Entry(key, value.toString(), span));
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

  /**
   * Where each {@code <data} start tag is, in document order (the order the XML reader meets them),
   * skipping comments, CDATA and processing instructions. The reader's own locations point past the
   * tag, and in UTF-16 units rather than code points.
   */
  private static List<Span> dataTags(String fileName, byte[] bytes) {
    SourceText source;
    try {
      source = new SourceText(fileName, TextDecoder.decode(fileName, bytes).text());
    } catch (InputException e) {
      return List.of();
    }
    String text = source.text();
    List<Span> tags = new ArrayList<>();
    int counted = 0;
    int codePoints = 0;
    int i = 0;
    while ((i = text.indexOf('<', i)) >= 0) {
      String skipTo =
          text.startsWith("<!--", i)
              ? "-->"
              : text.startsWith("<![CDATA[", i) ? "]]>" : text.startsWith("<?", i) ? "?>" : null;
      if (skipTo != null) {
        int end = text.indexOf(skipTo, i);
        i = end < 0 ? text.length() : end + skipTo.length();
        continue;
      }
      int after = i + "<data".length();
      if (text.startsWith("<data", i)
          && (after == text.length()
              || Character.isWhitespace(text.charAt(after))
              || text.charAt(after) == '>'
              || text.charAt(after) == '/')) {
        codePoints += text.codePointCount(counted, i); // counted so far: linear in the text
        counted = i;
        tags.add(source.span(codePoints, codePoints + "<data".length()));
      }
      i++;
    }
    return tags;
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
