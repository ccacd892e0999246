package dev.pqcert.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlInputTest {
  private static XmlInput.Element read(String text) throws XmlInput.MalformedException {
    return XmlInput.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void namesAreLocalAttributesAndTextAsMsBuildReadsThem() throws Exception {
    XmlInput.Element root =
        read(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
                + "<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\r\n"
                + "  <PropertyGroup><Name>A &amp; <![CDATA[B]]><!-- c --><x:Sub xmlns:x=\"u\">C</x:Sub>"
                + "</Name></PropertyGroup>\r\n"
                + "  <Target><Inner><Copy SourceFiles=\"a;b\" /></Inner><Copy /></Target>\r\n"
                + "</Project>");

    assertEquals("Project", root.name());
    XmlInput.Element name = root.children("PropertyGroup").get(0).children().get(0);
    assertEquals("Name", name.name());
    assertEquals("A & BC", name.text());
    assertEquals("Sub", name.children().get(0).name());
    List<XmlInput.Element> copies = root.children("Target").get(0).descendants("Copy");
    assertEquals(2, copies.size());
    assertEquals(Map.of("SourceFiles", "a;b"), copies.get(0).attributes());
    assertEquals("", copies.get(1).attribute("SourceFiles").orElse(""));
  }

  @Test
  void aDocumentTypeIsRefusedBeforeAnyEntityIsRead() {
    XmlInput.MalformedException e =
        assertThrows(
            XmlInput.MalformedException.class,
            () ->
                read(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM"
                        + " \"file:///etc/passwd\">]>\n<Project>&x;</Project>"));
    assertEquals("it declares a document type, which pqcert does not read", e.getMessage());
  }

  @Test
  void brokenXmlSaysWhereInOneLine() {
    XmlInput.MalformedException e =
        assertThrows(
            XmlInput.MalformedException.class,
            () ->
                read("<Project>\r\n  <ItemGroup>\r\n    <MezContent Include=\"a\"\r\n</Project>"));
    assertEquals(4, e.line());
    assertEquals(false, e.getMessage().contains("\n"));
    assertEquals(false, e.getMessage().startsWith("ParseError"), e.getMessage());
  }

  @Test
  void nestingIsBounded() {
    String deep = "<a>".repeat(XmlInput.MAX_DEPTH + 1) + "</a>".repeat(XmlInput.MAX_DEPTH + 1);
    XmlInput.MalformedException e =
        assertThrows(XmlInput.MalformedException.class, () -> read(deep));
    assertEquals("it nests elements more than 256 deep", e.getMessage());
  }

  @Test
  void anEmptyDocumentHasNoRoot() {
    assertThrows(XmlInput.MalformedException.class, () -> read(""));
  }
}
