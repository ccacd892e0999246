package dev.pqcert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The captions PQ021's fix derives from parameter names. */
class FieldCaptionTest {
  @ParameterizedTest
  @CsvSource({
    "server, Server",
    "serverUrl, Server Url",
    "server_name, Server Name",
    "HTTPPort, HTTP Port",
    "URL, URL",
    "apiKEY, Api KEY",
    "odata-feed.url, Odata Feed Url",
    "address2, Address2",
    "__x, X",
    "_, ''"
  })
  void captionFromName(String name, String caption) {
    assertEquals(caption, FieldCaptionRule.caption(name));
  }
}
