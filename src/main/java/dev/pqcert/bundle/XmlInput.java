package dev.pqcert.bundle;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How pqcert reads XML (project files, {@code resources.resx}): the JDK's own streaming parser,
 * without document types or entities, so no file can expand or fetch anything.
 */
public final class XmlInput {
  /** Deeper than any real project file; keeps the tree's walks and text bounded. */
  static final int MAX_DEPTH = 256;

  private XmlInput() {}

  /**
   * A streaming parser factory that refuses nothing itself but never resolves a document type or an
   * entity. The JDK's built-in factory, taken directly: the service lookup {@code newFactory()}
   * makes scans the class path, which cost a cold check tens of milliseconds.
   */
  public static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return factory;
  }

  /**
   * One element of a small document read whole: local names (namespaces and prefixes dropped, as
   * MSBuild reads them), attributes by local name, child elements in order, and the text of the
   * element and all its descendants (as DOM's {@code getTextContent}).
   */
  public record Element(
      String name, Map<String, String> attributes, List<Element> children, String text) {
    /** The child elements of one local name. */
    public List<Element> children(String localName) {
      return children.stream().filter(c -> c.name().equals(localName)).toList();
    }

    /** This element's descendants of one local name, in document order. */
    public List<Element> descendants(String localName) {
      List<Element> found = new ArrayList<>();
      for (Element child : children) {
        if (child.name().equals(localName)) {
          found.add(child);
        }
        found.addAll(child.descendants(localName));
      }
      return found;
    }

    public Optional<String> attribute(String localName) {
      return Optional.ofNullable(attributes.get(localName));
    }
  }

  /** A document that is not well-formed, or declares a document type. */
  public static final class MalformedException extends Exception {
    private final int line;
    private final int column;

    MalformedException(String message, int line, int column, Throwable cause) {
      super(message, cause);
      this.line = line;
      this.column = column;
    }

    /** Where the parser stopped, 1-based; 0 when it does not say. */
    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  /** Reads a whole document into its root element. */
  public static Element read(byte[] bytes) throws MalformedException {
    Deque<Builder> open = new ArrayDeque<>();
    Element root = null;
    XMLStreamReader xml = null;
    try {
      xml = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
      while (xml.hasNext()) {
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw new MalformedException(
                  "it declares a document type, which pqcert does not read",
                  xml.getLocation().getLineNumber(),
                  xml.getLocation().getColumnNumber(),
                  null);
          case XMLStreamConstants.START_ELEMENT -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < xml.getAttributeCount(); i++) {
              attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
            if (open.size() == MAX_DEPTH) {
              throw new MalformedException(
                  "it nests elements more than " + MAX_DEPTH + " deep",
                  xml.getLocation().getLineNumber(),
                  xml.getLocation().getColumnNumber(),
                  null);
            }
            open.push(new Builder(xml.getLocalName(), attributes));
          }
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            String text = xml.getText();
            open.forEach(builder -> builder.text.append(text));
          }
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new MalformedException(
                  "it refers to an entity, '&" + xml.getLocalName() + ";'",
                  xml.getLocation().getLineNumber(),
                  xml.getLocation().getColumnNumber(),
                  null);
          case XMLStreamConstants.END_ELEMENT -> {
            Element done = open.pop().build();
            if (open.isEmpty()) {
              root = done;
            } else {
              open.peek().children.add(done);
            }
          }
          default -> {
            // comments, processing instructions, the document's start and end
          }
        }
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
      throw new MalformedException(message(e), line, column, e);
    } finally {
      close(xml);
    }
    if (root == null) {
      throw new MalformedException("it has no root element", 0, 0, null);
    }
    return root;
  }

  /** The parser's own words, without the location prefix the JDK puts before them. */
  private static String message(XMLStreamException e) {
    String text = e.getMessage() == null ? "malformed XML" : e.getMessage();
    int own = text.indexOf("Message: ");
    if (own >= 0) {
      text = text.substring(own + "Message: ".length());
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  private static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // nothing was written; closing only releases the parser
      }
    }
  }

  private static final class Builder {
    final String name;
    final Map<String, String> attributes;
    final List<Element> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Builder(String name, Map<String, String> attributes) {
      this.name = name;
      this.attributes = attributes;
    }

    Element build() {
      return new Element(name, Map.copyOf(attributes), List.copyOf(children), text.toString());
    }
  }
}
