package dev.pqcert.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a check needs of each rule's document (its level, title and whether it judges package
 * contents) and the rest of its front matter (requirement, since), compiled by the build from
 * {@code rules/*.md} into one small resource, {@code rules/index.tsv}. A check then reads one line
 * per rule instead of every document through a YAML parser, which cost a cold run about a fifth of
 * its time; the documents themselves are read only when a report or command shows them. The
 * documents stay the single source: the build writes the index from them ({@link #main}), and a
 * test checks that the two agree.
 */
public final class RuleIndex {
  static final String RESOURCE = "/rules/index.tsv";

  /** One rule's line of the index: its document's front matter. */
  public record Entry(
      String id,
      Level level,
      String title,
      String requirement,
      String since,
      boolean judgesPackageContents) {
    static Entry of(RuleDoc doc) {
      return new Entry(
          doc.id(),
          doc.level(),
          doc.title(),
          doc.requirement(),
          doc.since(),
          doc.judgesPackageContents());
    }
  }

  private RuleIndex() {}

  /**
   * Writes the index of the documents in a folder: {@code RuleIndex <rules folder> <index file>}.
   * The build runs it after compiling (see the pom); one line per rule, sorted by id, LF line ends.
   */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    Map<String, Entry> entries = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        RuleDoc doc = RuleDoc.parse(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", doc.title());
        fields.put("requirement", doc.requirement());
        fields.put("since", doc.since());
        for (Map.Entry<String, String> field : fields.entrySet()) {
          if (field.getValue() == null) {
            throw new IOException(file + ": no " + field.getKey());
          }
          if (field.getValue().matches(".*[\\t\\r\\n].*")) {
            throw new IOException(
                file + ": the " + field.getKey() + " holds a tab or a line break");
          }
        }
        entries.put(doc.id(), Entry.of(doc));
      }
    }
    StringBuilder text = new StringBuilder();
    for (Entry entry : entries.values()) {
      text.append(entry.id())
          .append('\t')
          .append(entry.level().name())
          .append('\t')
          .append(entry.judgesPackageContents() ? RuleDoc.PACKAGE_CONTENTS : "")
          .append('\t')
          .append(entry.since())
          .append('\t')
          .append(entry.title())
          .append('\t')
          .append(entry.requirement())
          .append('\n');
    }
    Path output = Path.of(args[1]);
    Files.createDirectories(output.getParent());
    Files.writeString(output, text, StandardCharsets.UTF_8);
  }

  /**
   * The index the build wrote, by id; empty when the classes were built without it (an IDE's own
   * build), in which case the caller reads the documents.
   */
  static Optional<Map<String, Entry>> load() {
    try (InputStream in = RuleIndex.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(
          read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static Map<String, Entry> read(BufferedReader lines) throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    List<String> fields = new ArrayList<>(6);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      fields.clear();
      int start = 0;
      for (int i = 0; i < 5; i++) {
        int tab = line.indexOf('\t', start);
        if (tab < 0) {
          throw new IOException("malformed line in " + RESOURCE + ": " + line);
        }
        fields.add(line.substring(start, tab));
        start = tab + 1;
      }
      fields.add(line.substring(start));
      entries.put(
          fields.get(0),
          new Entry(
              fields.get(0),
              Level.valueOf(fields.get(1)),
              fields.get(4),
              fields.get(5),
              fields.get(3),
              fields.get(2).equals(RuleDoc.PACKAGE_CONTENTS)));
    }
    return entries;
  }
}
