package dev.pqcert.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DocsUrlTest {
  @Test
  void aTemplateTakesTheRuleIdWhereItSaysAndAFolderTakesTheDocumentName() throws Exception {
    assertEquals(
        "https://docs.example.com/pqcert/PQ011.html",
        DocsUrl.parse("https://docs.example.com/pqcert/{rule}.html").forRule("PQ011"));
    assertEquals(
        "https://github.com/org/pqcert/blob/main/rules/PQ013.md",
        DocsUrl.parse("https://github.com/org/pqcert/blob/main/rules/").forRule("PQ013"));
    assertEquals(
        "http://intranet/rules/PQ013.md",
        DocsUrl.parse(" http://intranet/rules ").forRule("PQ013"));
  }

  @Test
  void onlyAbsoluteWebUrlsAreAccepted() {
    for (String bad :
        new String[] {"", "rules/", "ftp://example.com/rules", "https:///rules", "https://a b/"}) {
      DocsUrl.Invalid invalid = assertThrows(DocsUrl.Invalid.class, () -> DocsUrl.parse(bad), bad);
      assertTrue(!invalid.getMessage().isBlank(), bad);
    }
  }
}
