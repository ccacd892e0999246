package dev.pqcert.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a Power BI project (PBIP): a {@code X.pbip} file names its report folder ({@code
 * artifacts[].report.path}), whose {@code definition.pbir} names the semantic model folder ({@code
 * datasetReference.byPath.path}). That folder holds the model as TMDL files under {@code
 * definition/} or as one {@code model.bim} (TMSL JSON); older projects call it {@code X.Dataset}.
 *
 * <p>Reads stay inside the folder the user named: the {@code .pbip} file's folder, or the semantic
 * model folder when that is what was given. A pointer out of it (an absolute path, {@code ..}
 * segments, a symbolic link) is refused. Queries name their files relative to the {@code .pbip}'s
 * folder (the semantic model folder's parent), with '/'.
 */
final class PowerBiProject {
  /** {@code definition/tables/X.tmdl} is two levels down; cultures and roles are no deeper. */
  private static final int MAX_TMDL_DEPTH = 6;

  private static final ObjectMapper POINTER_JSON = new ObjectMapper();

  private final ReadBudget budget;
  private final String displayName;

  /** Where query file names start, and how messages show that folder. */
  private final Path namesRoot;

  private final String displayPrefix;

  /** No file outside this folder is read. */
  private final Path boundary;

  private final List<String> notes = new ArrayList<>();

  private PowerBiProject(Limits limits, String displayName, Path namesRoot, Path boundary) {
    this.budget = new ReadBudget(limits, displayName, ReadBudget.Item.FILE);
    this.displayName = displayName;
    this.namesRoot = namesRoot;
    this.boundary = boundary;
    this.displayPrefix = parentPrefix(displayName);
  }

  /** Reads the project a {@code .pbip} file describes. */
  static TestReport readPbip(Path pbip, String displayName, Limits limits) throws InputException {
    Path folder = absolute(pbip).getParent();
    PowerBiProject project = new PowerBiProject(limits, displayName, folder, folder);
    Path model = project.semanticModelOf(absolute(pbip));
    return project.readModel(pbip, model);
  }

  /** Reads a {@code *.SemanticModel} (or {@code *.Dataset}) folder given on its own. */
  static TestReport readSemanticModel(Path folder, String displayName, Limits limits)
      throws InputException {
    Path model = absolute(folder);
    Path parent = model.getParent() == null ? model : model.getParent();
    String trimmed = displayName.replaceAll("[/\\\\]+$", "");
    return new PowerBiProject(limits, trimmed, parent, model).readModel(folder, model);
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** The display name's folder part, with its separator: where the names of its files start. */
  private static String parentPrefix(String displayName) {
    int cut = Math.max(displayName.lastIndexOf('/'), displayName.lastIndexOf('\\'));
    return cut < 0 ? "" : displayName.substring(0, cut + 1);
  }

  /** How messages name a file of the project, given by its name relative to the names root. */
  private String display(String relative) {
    boolean backslashes = displayPrefix.contains("\\") && !displayPrefix.contains("/");
    return displayPrefix + (backslashes ? relative.replace('/', '\\') : relative);
  }

  private String relative(Path file) {
    return namesRoot.relativize(file).toString().replace('\\', '/');
  }

  // ---- .pbip -> report folder -> semantic model folder

  private Path semanticModelOf(Path pbip) throws InputException {
    JsonNode project = pointerJson(pbip, displayName);
    String reportPath = null;
    for (JsonNode artifact : project.path("artifacts")) {
      JsonNode path = artifact.path("report").path("path");
      if (path.isTextual()) {
        reportPath = path.asText();
        break;
      }
    }
    if (reportPath == null) {
      throw new InputException(
          displayName, "names no report folder (no \"artifacts\" entry with a \"report\" path)");
    }
    Path report = inside(pbip.getParent(), reportPath, displayName, "report folder");
    if (!Files.isDirectory(report, LinkOption.NOFOLLOW_LINKS)) {
      throw new InputException(
          displayName, "its report folder '" + reportPath + "' is missing or not a folder");
    }
    Path pbir = report.resolve("definition.pbir");
    String pbirDisplay = display(relative(pbir));
    if (!Files.isRegularFile(pbir, LinkOption.NOFOLLOW_LINKS)) {
      throw new InputException(
          pbirDisplay, "is missing; the report folder names its semantic model in it");
    }
    JsonNode reference = pointerJson(pbir, pbirDisplay).path("datasetReference");
    JsonNode modelPath = reference.path("byPath").path("path");
    if (!modelPath.isTextual()) {
      throw new InputException(
          pbirDisplay,
          reference.path("byConnection").isObject()
              ? "the report connects to a semantic model in the Power BI service, whose queries"
                  + " are not in the project; check the project of that semantic model"
              : "names no semantic model (no \"datasetReference\" with a \"byPath\" path)");
    }
    return inside(report, modelPath.asText(), pbirDisplay, "semantic model folder");
  }

  /** A small JSON file that points to another folder of the project. */
  private JsonNode pointerJson(Path file, String display) throws InputException {
    byte[] bytes = budget.readFile(file, relative(file));
    String text = ModelSchemaReader.decode(bytes, new ModelSchemaReader.Blame(display, "")).strip();
    try {
      JsonNode node =
          POINTER_JSON
              .reader()
              .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .readTree(text);
      if (node == null || !node.isObject()) {
        throw new InputException(display, "is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InputException(
          display, "is not valid JSON: " + ModelSchemaReader.jsonProblem(e), e);
    }
  }

  /** Resolves a pointer relative to {@code from}, refusing any that leads out of the boundary. */
  private Path inside(Path from, String pointer, String display, String what)
      throws InputException {
    String path = pointer.replace('\\', '/');
    Path resolved;
    try {
      boolean absolute =
          path.startsWith("/") || path.matches("^[A-Za-z]:.*") || Path.of(path).isAbsolute();
      resolved = absolute ? null : from.resolve(path).normalize();
    } catch (InvalidPathException e) {
      throw new InputException(
          display, "its " + what + " '" + pointer + "' is not a valid path here", e);
    }
    if (resolved == null || !resolved.startsWith(boundary) || !realPathInside(resolved)) {
      throw new InputException(
          display,
          "its "
              + what
              + " '"
              + pointer
              + "' is outside the folder that holds it; pqcert reads only inside that folder");
    }
    return resolved;
  }

  /** A missing path is inside (it is reported as missing); an existing one must not link out. */
  private boolean realPathInside(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      return path.toRealPath().startsWith(boundary.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  // ---- the semantic model folder

  private TestReport readModel(Path origin, Path model) throws InputException {
    String modelDisplay = display(relative(model));
    if (!Files.isDirectory(model, LinkOption.NOFOLLOW_LINKS) || !realPathInside(model)) {
      throw new InputException(
          modelDisplay,
          Files.exists(model) ? "is not a folder" : "no such folder (the semantic model folder)");
    }
    Path definition = model.resolve("definition");
    Path bim = model.resolve("model.bim");
    boolean hasBim = Files.isRegularFile(bim, LinkOption.NOFOLLOW_LINKS);
    List<ReportQuery> queries;
    if (Files.isDirectory(definition, LinkOption.NOFOLLOW_LINKS)) {
      if (hasBim) {
        notes.add(
            relative(model) + " holds both definition/ (TMDL) and model.bim; the TMDL was read");
      }
      queries = readTmdl(definition);
    } else if (hasBim) {
      String name = relative(bim);
      byte[] bytes = budget.readFile(bim, name);
      ModelSchemaReader.Blame blame = new ModelSchemaReader.Blame(display(name), "");
      queries = ModelSchemaReader.read(name, blame, ModelSchemaReader.decode(bytes, blame));
    } else {
      throw new InputException(
          modelDisplay,
          "holds neither a definition folder (TMDL files) nor a model.bim; is this a semantic"
              + " model folder of a Power BI project?");
    }
    return new TestReport(origin, displayName, TestReportFormat.PBIP, queries, notes);
  }

  private List<ReportQuery> readTmdl(Path definition) throws InputException {
    List<Path> files = tmdlFiles(definition);
    List<ReportQuery> partitions = new ArrayList<>();
    List<ReportQuery> expressions = new ArrayList<>();
    for (Path file : files) {
      String name = relative(file);
      DecodedText decoded = TextDecoder.decode(display(name), budget.readFile(file, name));
      decoded.problem().ifPresent(problem -> notes.add(name + ": " + problem));
      TmdlReader.Queries found = TmdlReader.read(name, display(name), decoded.text());
      partitions.addAll(found.partitions());
      expressions.addAll(found.expressions());
    }
    // Tables first, then shared expressions: the order a model.bim or template lists them in.
    List<ReportQuery> queries = new ArrayList<>(partitions);
    queries.addAll(expressions);
    return queries;
  }

  /** The {@code .tmdl} files under the folder, by name; links are never followed. */
  private List<Path> tmdlFiles(Path definition) throws InputException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(definition, MAX_TMDL_DEPTH)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tmdl")
            && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          files.add(path);
          budget.requireCountWithinLimit(files.size());
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(display(relative(definition)), "cannot list the folder", e);
    }
    files.sort(Comparator.comparing(this::relative));
    return files;
  }
}
