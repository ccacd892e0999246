package dev.pqcert.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * JSON as pqcert writes it (reports, models, baselines): indented, with {@code \n} line ends on
 * every platform (Jackson's default pretty printer uses the system's line separator), so the same
 * input gives the same bytes on Windows and Linux.
 */
public final class Json {
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private Json() {}

  /** A writer for {@code mapper}'s settings with pqcert's indentation. */
  public static ObjectWriter writer(ObjectMapper mapper) {
    return mapper.writer(PRINTER);
  }

  /** {@code value} as indented JSON text ending in a line break. */
  public static String pretty(ObjectMapper mapper, Object value) {
    try {
      return writer(mapper).writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** {@code value} as indented JSON text with a default mapper. */
  public static String pretty(Object value) {
    return pretty(new ObjectMapper(), value);
  }
}
