package dev.pqcert.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TextDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.pqcert.parse.DifferentialHarness \
 *   -Dexec.args="/path/to/refparse.js /path/to/DataConnectors"
 * </pre>
 */
public final class DifferentialHarness {
  private DifferentialHarness() {}

  public static void main(String[] args) throws IOException, InterruptedException, InputException {
    if (args.length != 2) {
      System.err.println("usage: DifferentialHarness REFPARSE_JS CORPUS_FOLDER");
      System.exit(2);
    }
    Path refparse = Path.of(args[0]);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
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
    int disagreements = report("corpus", ours, reference, Map.of());

    Path caseFolder = Files.createTempDirectory("pqcert-conformance");
    Map<Path, Boolean> caseOurs = new LinkedHashMap<>();
    Map<Path, String> notes = new LinkedHashMap<>();
    for (ConformanceCases.Case c : ConformanceCases.load()) {
      Path file = caseFolder.resolve(String.format(Locale.ROOT, "case%04d.m", c.line()));
      Files.writeString(file, c.text(), StandardCharsets.UTF_8);
      caseOurs.put(file, c.ok());
      if (!c.note().isEmpty()) {
        notes.put(file, c.note());
      }
    }
    Map<Path, Boolean> caseReference = reference(refparse, new ArrayList<>(caseOurs.keySet()));
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
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d files, pqcert accepts %d; %d unexplained disagreement(s)%n",
        what,
        ours.size(),
        accepted,
        unexplained);
    return unexplained;
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
