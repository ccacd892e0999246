package dev.pqcert.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's document, {@code rules/<id>.md}: YAML front matter (id, level, title, requirement,
 * since, and {@code judges: package contents} for a rule whose verdict depends on which files a
 * package holds) and Markdown sections in a fixed order. It is the single source for {@code pqcert
 * explain}, report metadata and the documentation.
 *
 * @param judgesPackageContents whether the rule judges the files of the package beside the M code
 *     (resources, bundled files, icons): a single {@code .pq} target cannot know them, so the rule
 *     is left out for it
 */
public record RuleDoc(
    String id,
    Level level,
    String title,
    String requirement,
    String since,
    boolean judgesPackageContents,
    Map<String, String> sections,
    String markdown) {
  /** The tests' expectation markers in the examples: {@code // expect: PQ011} and its kin. */
  private static final Pattern MARKER_LINE =
      Pattern.compile(
          "(?m)^[ \\t]*//[ \\t]*expect(?:-package)?:[ \\t]*PQ\\d{3}(?:[ \\t]*,[ \\t]*PQ\\d{3})*[ \\t]*\\R");

  private static final Pattern MARKER_AT_END =
      Pattern.compile(
          "(?m)[ \\t]*//[ \\t]*expect(?:-package)?:[ \\t]*PQ\\d{3}(?:[ \\t]*,[ \\t]*PQ\\d{3})*[ \\t]*$");

  private static final Pattern HTML_COMMENT = Pattern.compile("[ \\t]*<!--.*?-->", Pattern.DOTALL);

  /** The sections every document has, in this order. */
  public static final List<String> REQUIRED_SECTIONS =
      List.of("What it checks", "Why", "Bad example", "Good example", "How to fix");

  /** The front matter's parser, started only by a document read without the index. */
  private static final class Yaml {
    static final ObjectMapper MAPPER =
        YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A---\\R(.*?)\\R---\\R(.*)\\z", Pattern.DOTALL);
  private static final Pattern HEADING = Pattern.compile("^## (.+)$", Pattern.MULTILINE);
  private static final Pattern M_BLOCK =
      Pattern.compile("^```m\\R(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

  /** What {@code judges:} may say: only {@value}, for a rule that judges package contents. */
  static final String PACKAGE_CONTENTS = "package contents";

  /** The front matter's fields; unknown keys are an error. */
  record FrontMatter(
      String id, Level level, String title, String requirement, String since, String judges) {}

  public static RuleDoc parse(String markdown) throws IOException {
    Matcher matcher = FRONT_MATTER.matcher(markdown);
    if (!matcher.matches()) {
      throw new IOException("no '---' front matter at the top");
    }
    FrontMatter front = Yaml.MAPPER.readValue(matcher.group(1), FrontMatter.class);
    if (front.judges() != null && !front.judges().equals(PACKAGE_CONTENTS)) {
      throw new IOException(
          "judges: '" + front.judges() + "'; the only value is '" + PACKAGE_CONTENTS + "'");
    }
    return new RuleDoc(
        front.id(),
        front.level(),
        front.title(),
        front.requirement(),
        front.since(),
        front.judges() != null,
        sections(matcher.group(2)),
        markdown);
  }

  /** The body's {@code ##} sections, by heading, in order. */
  private static Map<String, String> sections(String body) {
    Map<String, String> sections = new LinkedHashMap<>();
    Matcher heading = HEADING.matcher(body);
    String current = null;
    int start = 0;
    while (heading.find()) {
      if (current != null) {
        sections.put(current, body.substring(start, heading.start()).strip());
      }
      current = heading.group(1).strip();
      start = heading.end();
    }
    if (current != null) {
      sections.put(current, body.substring(start).strip());
    }
    return sections;
  }

  /** Loads {@code rules/<id>.md} from the classpath (the build copies the top-level folder). */
  public static RuleDoc load(String id) {
    try {
      return parse(read(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource(id) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads an indexed rule's document, taking its front matter from the index the build wrote from
   * it ({@link RuleIndex}): no YAML parser starts, which costs a cold run that shows the documents
   * (a SARIF report, explain) some 50 ms.
   */
  public static RuleDoc load(RuleIndex.Entry entry) {
    String markdown = read(entry.id());
    Matcher matcher = FRONT_MATTER.matcher(markdown);
    if (!matcher.matches()) {
      throw new IllegalStateException(resource(entry.id()) + ": no '---' front matter at the top");
    }
    return new RuleDoc(
        entry.id(),
        entry.level(),
        entry.title(),
        entry.requirement(),
        entry.since(),
        entry.judgesPackageContents(),
        sections(matcher.group(2)),
        markdown);
  }

  private static String resource(String id) {
    return "/rules/" + id + ".md";
  }

  private static String read(String id) {
    String resource = resource(id);
    try (InputStream in = RuleDoc.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("rule " + id + " has no document " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  /** The M code block of a section ("Bad example" or "Good example"). */
  public Optional<String> example(String section) {
    String text = sections.get(section);
    if (text == null) {
      return Optional.empty();
    }
    Matcher block = M_BLOCK.matcher(text);
    return block.find() ? Optional.of(block.group(1)) : Optional.empty();
  }

  /**
   * The document as a person reads it: the title as a heading, the level and the requirement it
   * checks under it, then the sections, without the front matter and the tests' markers.
   */
  public String forPeople() {
    Matcher document = FRONT_MATTER.matcher(markdown);
    String body = document.matches() ? document.group(2) : markdown;
    body = MARKER_LINE.matcher(body).replaceAll("");
    body = MARKER_AT_END.matcher(body).replaceAll("");
    body = HTML_COMMENT.matcher(body).replaceAll("");
    // Line ends as the document has them; the shipped documents use LF.
    return "# "
        + id
        + ": "
        + title
        + "\n\nLevel: "
        + level
        + "\nRequirement: "
        + requirement
        + "\n\n"
        + body.strip()
        + "\n";
  }
}
