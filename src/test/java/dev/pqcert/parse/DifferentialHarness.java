package dev.pqcert.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TextDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Development harness, not a test: compares pqcert's accept/reject decision with Microsoft's
 * reference parser ({@code ../shared/tools/refparse}) on every M file under a folder and on the
 * conformance cases. Prints each disagreement and the totals; exits 1 on an unexplained one.
 *
 * <p>A disagreement on a conformance case is documented when the case has a note (which side we
 * take, and why). A disagreement on a corpus file is documented when an entry of {@code
 * corpus-disagreements.txt} matches the file and names a conformance case that documents the same
 * disagreement in this run.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat target/cp.txt):target/classes:target/test-classes" \
 *   dev.pqcert.parse.DifferentialHarness /path/to/refparse.js /path/to/corpus
 * </pre>
 */
public final class DifferentialHarness {
  static final Path CORPUS_DISAGREEMENTS =
      Path.of("src/test/resources/conformance/corpus-disagreements.txt");

  private DifferentialHarness() {}

  public static void main(String[] args) throws IOException, InterruptedException, InputException {
    if (args.length != 2) {
      System.err.println("usage: DifferentialHarness REFPARSE_JS CORPUS_FOLDER");
      System.exit(2);
    }
    Path refparse = Path.of(args[0]);
    Path corpus = Path.of(args[1]);

    // The conformance cases first: corpus disagreements are explained by them.
    Path caseFolder = Files.createTempDirectory("pqcert-conformance");
    Map<Path, Boolean> caseOurs = new LinkedHashMap<>();
    Map<Path, String> notes = new LinkedHashMap<>();
    Map<String, Path> caseFiles = new LinkedHashMap<>();
    for (ConformanceCases.Case c : ConformanceCases.load()) {
      Path file = caseFolder.resolve(String.format(Locale.ROOT, "case%04d.m", c.line()));
      Files.writeString(file, c.text(), StandardCharsets.UTF_8);
      caseOurs.put(file, c.ok());
      caseFiles.putIfAbsent(c.text(), file);
      if (!c.note().isEmpty()) {
        notes.put(file, c.note());
      }
    }
    Map<Path, Boolean> caseReference = reference(refparse, new ArrayList<>(caseOurs.keySet()));

    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files =
          walk.filter(Files::isRegularFile).filter(DifferentialHarness::isMFile).sorted().toList();
    }
    Map<Path, Boolean> ours = new LinkedHashMap<>();
    for (Path file : files) {
      String text = TextDecoder.decode(file.toString(), Files.readAllBytes(file)).text();
      DocumentKind kind =
          file.toString().toLowerCase(Locale.ROOT).endsWith(".pqm")
              ? DocumentKind.EXPRESSION
              : DocumentKind.AUTO;
      ours.put(file, DocumentParser.parse(new SourceText(file.toString(), text), kind).ok());
    }
    Map<Path, Boolean> reference = reference(refparse, files);
    Map<Path, String> explained = new LinkedHashMap<>();
    for (Explanation entry : explanations()) {
      Path caseFile = caseFiles.get(entry.caseText());
      String note = caseFile == null ? null : notes.get(caseFile);
      boolean documentedCase =
          note != null
              && caseOurs.get(caseFile).booleanValue() == entry.accepts()
              && caseReference.getOrDefault(caseFile, false).booleanValue() != entry.accepts();
      int matched = 0;
      for (Path file : files) {
        boolean accepted = ours.get(file);
        boolean disagrees = reference.getOrDefault(file, false) != accepted;
        if (disagrees
            && accepted == entry.accepts()
            && !explained.containsKey(file)
            && entry.glob().matches(corpus.relativize(file))) {
          matched++;
          if (documentedCase) {
            explained.put(
                file, CORPUS_DISAGREEMENTS.getFileName() + ":" + entry.line() + ", " + note);
          }
        }
      }
      if (matched > 0 && !documentedCase) {
        System.out.printf(
            Locale.ROOT,
            "%s:%d: the case '%s' does not document this disagreement (no such case, no note, or"
                + " no longer a disagreement)%n",
            CORPUS_DISAGREEMENTS,
            entry.line(),
            entry.caseText());
      }
    }
    int disagreements = report("corpus", ours, reference, explained);
    disagreements += report("conformance cases", caseOurs, caseReference, notes);
    for (Path file : caseOurs.keySet()) {
      Files.delete(file);
    }
    Files.delete(caseFolder);
    System.exit(disagreements == 0 ? 0 : 1);
  }

  private static int report(
      String what, Map<Path, Boolean> ours, Map<Path, Boolean> reference, Map<Path, String> notes) {
    int unexplained = 0;
    int documented = 0;
    int accepted = 0;
    for (Map.Entry<Path, Boolean> entry : ours.entrySet()) {
      boolean ref = reference.getOrDefault(entry.getKey(), false);
      accepted += entry.getValue() ? 1 : 0;
      if (ref != entry.getValue()) {
        String note = notes.get(entry.getKey());
        System.out.printf(
            Locale.ROOT,
            "%s: pqcert %s, reference %s%s%n",
            entry.getKey(),
            entry.getValue() ? "accepts" : "rejects",
            ref ? "accepts" : "rejects",
            note == null ? "  UNEXPLAINED" : "  (" + note + ")");
        unexplained += note == null ? 1 : 0;
        documented += note == null ? 0 : 1;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d files, pqcert accepts %d; %d agreements, %d documented disagreement(s), %d"
            + " unexplained%n",
        what,
        ours.size(),
        accepted,
        ours.size() - documented - unexplained,
        documented,
        unexplained);
    return unexplained;
  }

  /** An entry of {@code corpus-disagreements.txt}. */
  private record Explanation(int line, boolean accepts, PathMatcher glob, String caseText) {}

  private static List<Explanation> explanations() throws IOException {
    List<String> lines = Files.readAllLines(CORPUS_DISAGREEMENTS, StandardCharsets.UTF_8);
    List<Explanation> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int noteAt = line.indexOf(" ## ");
      String[] head = noteAt < 0 ? new String[0] : line.substring(0, noteAt).split(" ", 2);
      if (head.length != 2 || !(head[0].equals("accepts") || head[0].equals("rejects"))) {
        throw new IllegalArgumentException(
            CORPUS_DISAGREEMENTS + ":" + (i + 1) + ": malformed entry: " + line);
      }
      entries.add(
          new Explanation(
              i + 1,
              head[0].equals("accepts"),
              FileSystems.getDefault().getPathMatcher("glob:" + head[1]),
              line.substring(noteAt + 4)));
    }
    return entries;
  }

  private static Map<Path, Boolean> reference(Path refparse, List<Path> files)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", refparse.toString()));
    files.forEach(f -> command.add(f.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    Map<Path, Boolean> result = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : output.lines().toList()) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = json.readTree(line);
      if (node.has("file")) {
        result.put(Path.of(node.get("file").asText()), node.get("ok").asBoolean());
      }
    }
    return result;
  }

  /** An M source file by its name: {@code .pq}, {@code .pqm} or {@code .m}. */
  static boolean isMFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".pq") || name.endsWith(".pqm") || name.endsWith(".m");
  }
}
