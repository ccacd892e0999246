package dev.pqcert.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.pqcert.parse.Position;
import dev.pqcert.parse.SourceText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the M queries of a tabular model written as JSON (TMSL): a template's {@code
 * DataModelSchema} entry or a project's {@code model.bim}. The queries are each table's partitions
 * whose {@code source.type} is {@code "m"}, named after the table, then the model's {@code
 * expressions} (shared queries and parameters) of kind {@code "m"}. An expression is text or a list
 * of lines. Everything else is skipped unread by a streaming parser, so a large model costs little
 * beyond its text.
 */
final class ModelSchemaReader {
  /** Models nest a few levels; far deeper is hostile, and would only cost stack and memory. */
  static final int MAX_NESTING_DEPTH = 64;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final String file;
  private final Blame blame;
  private final String text;
  private final SourceText source;
  private final List<ReportQuery> partitions = new ArrayList<>();
  private final List<ReportQuery> expressions = new ArrayList<>();

  // Jackson locates tokens by UTF-16 index; positions count code points. Tokens come in order,
  // so one pass converts them all.
  private int charCursor;
  private int codePointCursor;

  /** Who to blame in messages: the file, and what inside it ("entry 'DataModelSchema'"). */
  record Blame(String displayName, String subject) {
    InputException error(String problem) {
      return error(problem, null);
    }

    InputException error(String problem, Throwable cause) {
      return new InputException(
          displayName, subject.isEmpty() ? problem : subject + " " + problem, cause);
    }
  }

  private ModelSchemaReader(String file, Blame blame, String text) {
    this.file = file;
    this.blame = blame;
    this.text = text;
    this.source = new SourceText(file, text);
  }

  /**
   * Reads the queries of a model's JSON text: tables' M partitions first, then expressions, each in
   * the order the model lists them.
   *
   * @param file the file as queries name it
   */
  static List<ReportQuery> read(String file, Blame blame, String text) throws InputException {
    ModelSchemaReader reader = new ModelSchemaReader(file, blame, text);
    reader.parse();
    List<ReportQuery> queries = new ArrayList<>(reader.partitions);
    queries.addAll(reader.expressions);
    return queries;
  }

  /**
   * Decodes a model's JSON bytes: UTF-16 as Power BI writes {@code DataModelSchema} (little-endian,
   * with or without a byte order mark), or UTF-8 as {@code model.bim} is written; without a byte
   * order mark, a NUL in the first two bytes tells UTF-16 (JSON text starts with an ASCII
   * character). Bytes that are not valid in the encoding make the model unreadable: a damaged model
   * would give wrong queries.
   */
  static String decode(byte[] bytes, Blame blame) throws InputException {
    int skip = 0;
    Charset charset = StandardCharsets.UTF_8;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      skip = 3;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      skip = 2;
      charset = StandardCharsets.UTF_16LE;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      skip = 2;
      charset = StandardCharsets.UTF_16BE;
    } else if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
      charset = StandardCharsets.UTF_16LE;
    } else if (bytes.length >= 2 && bytes[0] == 0 && bytes[1] != 0) {
      charset = StandardCharsets.UTF_16BE;
    }
    ByteBuffer input = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(input)
          .toString();
    } catch (MalformedInputException e) {
      throw blame.error(
          String.format(
              Locale.ROOT,
              "is not valid %s text (at byte offset %d)",
              charset.name(),
              input.position()),
          e);
    } catch (CharacterCodingException e) {
      throw blame.error("is not valid " + charset.name() + " text", e);
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private void parse() throws InputException {
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw blame.error("is not a tabular model (its JSON is not an object)");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("model") && value == JsonToken.START_OBJECT) {
          model(parser);
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw blame.error(
            "has unexpected content after the model" + at(parser.currentTokenLocation()));
      }
    } catch (StreamConstraintsException e) {
      throw blame.error(
          "is nested more than " + MAX_NESTING_DEPTH + " levels deep, unlike any tabular model", e);
    } catch (JsonProcessingException e) {
      throw blame.error("is not valid JSON" + at(e.getLocation()) + ": " + jsonProblem(e), e);
    } catch (IOException e) {
      throw blame.error("cannot be read", e);
    }
  }

  private void model(JsonParser parser) throws IOException, InputException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("tables") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (parser.currentToken() == JsonToken.START_OBJECT) {
            table(parser);
          } else {
            parser.skipChildren();
          }
        }
      } else if (field.equals("expressions") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (parser.currentToken() == JsonToken.START_OBJECT) {
            namedExpression(parser);
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
    }
  }

  /** An M expression and where its value starts. */
  private record Expression(String text, Position where) {}

  private void table(JsonParser parser) throws IOException, InputException {
    String name = null;
    List<Expression> sources = new ArrayList<>();
    List<String> partitionNames = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("name") && value == JsonToken.VALUE_STRING) {
        name = parser.getText();
      } else if (field.equals("partitions") && value == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (parser.currentToken() == JsonToken.START_OBJECT) {
            partition(parser, sources, partitionNames);
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
    }
    for (int i = 0; i < sources.size(); i++) {
      // The table is the query as Power BI shows it; its partition is named after it.
      String queryName = name != null ? name : partitionNames.get(i);
      Expression source = sources.get(i);
      partitions.add(new ReportQuery(queryName, file, source.text(), source.where()));
    }
  }

  private void partition(JsonParser parser, List<Expression> sources, List<String> names)
      throws IOException, InputException {
    String name = "";
    Expression expression = null;
    String type = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("name") && value == JsonToken.VALUE_STRING) {
        name = parser.getText();
      } else if (field.equals("source") && value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String sourceField = parser.currentName();
          JsonToken sourceValue = parser.nextToken();
          if (sourceField.equals("type") && sourceValue == JsonToken.VALUE_STRING) {
            type = parser.getText();
          } else if (sourceField.equals("expression")) {
            expression = expression(parser);
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
    }
    if (expression != null && "m".equalsIgnoreCase(type)) {
      sources.add(expression);
      names.add(name);
    }
  }

  private void namedExpression(JsonParser parser) throws IOException, InputException {
    String name = null;
    String kind = "m"; // the only kind there is, and the default
    Expression expression = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("name") && value == JsonToken.VALUE_STRING) {
        name = parser.getText();
      } else if (field.equals("kind") && value == JsonToken.VALUE_STRING) {
        kind = parser.getText();
      } else if (field.equals("expression")) {
        expression = expression(parser);
      } else {
        parser.skipChildren();
      }
    }
    if (name != null && expression != null && kind.equalsIgnoreCase("m")) {
      expressions.add(new ReportQuery(name, file, expression.text(), expression.where()));
    }
  }

  /** An expression value: text, or a list of lines (joined with LF). */
  private Expression expression(JsonParser parser) throws IOException, InputException {
    JsonLocation start = parser.currentTokenLocation();
    Position where = position(start);
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return new Expression(parser.getText(), where);
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw blame.error("has an expression that is neither text nor a list of lines" + at(start));
    }
    StringBuilder lines = new StringBuilder();
    boolean first = true;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        throw blame.error(
            "has an expression line that is not text" + at(parser.currentTokenLocation()));
      }
      if (!first) {
        lines.append('\n');
      }
      lines.append(parser.getText());
      first = false;
    }
    return new Expression(lines.toString(), where);
  }

  private Position position(JsonLocation location) {
    long charOffset = location.getCharOffset();
    if (charOffset < 0 || charOffset > text.length()) {
      return source.positionAt(0);
    }
    int target = (int) charOffset;
    if (target < charCursor) {
      charCursor = 0;
      codePointCursor = 0;
    }
    codePointCursor += text.codePointCount(charCursor, target);
    charCursor = target;
    return source.positionAt(codePointCursor);
  }

  /** The parser's own words, without the parts about its input source meant for developers. */
  static String jsonProblem(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    for (String cut : new String[] {"\n", " (for ", " at [Source"}) {
      int at = message.indexOf(cut);
      if (at > 0) {
        message = message.substring(0, at);
      }
    }
    return message;
  }

  private String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    Position position = position(location);
    return " (line " + position.line() + ", column " + position.column() + ")";
  }
}
