package dev.pqcert.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a submission's test report, in memory and bounded like packages ({@link Limits}): a {@code
 * .pbit}, a {@code .pbix} holding a {@code DataMashup}, a {@code .pbip} file or a {@code
 * *.SemanticModel} folder. Nothing is extracted, written or evaluated.
 *
 * <p>A {@code .pbit} or {@code .pbix} is a zip: its {@code DataModelSchema} entry (the model as
 * JSON, {@link TestReportFormat#PBIT}) is read when present, else its {@code DataMashup} entry
 * ([MS-QDEFF], {@link TestReportFormat#PBIX_DATAMASHUP}), whichever the extension. A report with
 * neither but a {@code DataModel} entry is a current-format {@code .pbix}, whose queries live in
 * its compressed data model: that is refused with a line saying to save a template or a project. A
 * Power BI project is read as {@link PowerBiProject} describes ({@link TestReportFormat#PBIP}).
 */
public final class TestReportReader {
  private static final String SUPPORTED =
      "expected a Power BI report: a .pbit template, a .pbix, a .pbip project file or a"
          + " *.SemanticModel folder";

  private static final String DATA_MODEL_SCHEMA = "DataModelSchema";
  private static final String DATA_MODEL = "DataModel";

  private final Limits limits;

  public TestReportReader() {
    this(Limits.defaults());
  }

  public TestReportReader(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Whether the path names a test report by its name or layout (not by reading its content): a
   * {@code .pbit}, {@code .pbix} or {@code .pbip} file (by extension, even when missing, so that
   * reading it says what is wrong), a {@code *.SemanticModel} folder, or a {@code *.Dataset} folder
   * holding {@code definition.pbidataset} (the name older projects gave it). A folder that merely
   * holds a {@code .pbip} is not one: it may be a submission folder, which is found as a whole.
   */
  public static boolean isTestReport(Path path) {
    Path fileName = path.getFileName();
    if (fileName == null) {
      return false;
    }
    String lower = fileName.toString().toLowerCase(Locale.ROOT);
    if (Files.isDirectory(path)) {
      return lower.endsWith(".semanticmodel")
          || (lower.endsWith(".dataset")
              && Files.isRegularFile(path.resolve("definition.pbidataset")));
    }
    return lower.endsWith(".pbit") || lower.endsWith(".pbix") || lower.endsWith(".pbip");
  }

  /**
   * Reads the report's queries.
   *
   * @throws InputException one line naming the file and what is wrong: unreadable, hostile, or a
   *     current-format .pbix whose queries live in its compressed model
   */
  public TestReport read(Path path, String displayName) throws InputException {
    BasicFileAttributes attributes = attributesOf(path, displayName);
    Path fileName = path.getFileName();
    String lower = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    if (attributes.isDirectory()) {
      if (lower.endsWith(".semanticmodel") || lower.endsWith(".dataset")) {
        return PowerBiProject.readSemanticModel(path, displayName, limits);
      }
      throw new InputException(displayName, "is a folder; " + SUPPORTED);
    }
    if (!attributes.isRegularFile()) {
      throw new InputException(displayName, "not a regular file");
    }
    if (lower.endsWith(".pbip")) {
      return PowerBiProject.readPbip(path, displayName, limits);
    }
    if (lower.endsWith(".pbit") || lower.endsWith(".pbix")) {
      return readZipReport(path, displayName, attributes.size(), lower.endsWith(".pbit"));
    }
    throw new InputException(displayName, "unsupported file type; " + SUPPORTED);
  }

  private static BasicFileAttributes attributesOf(Path path, String displayName)
      throws InputException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new InputException(displayName, "no such file or folder", e);
    } catch (AccessDeniedException e) {
      throw new InputException(displayName, "permission denied", e);
    } catch (IOException e) {
      throw new InputException(displayName, "cannot be read", e);
    }
  }

  private TestReport readZipReport(Path file, String displayName, long size, boolean template)
      throws InputException {
    byte[] bytes = readWhole(file, displayName, size, template);
    String kind = template ? "a .pbit template" : "a .pbix report";
    ReadBudget budget = new ReadBudget(limits, displayName, ReadBudget.Item.ENTRY);
    List<String> notes = new ArrayList<>();
    try (ReportZip zip =
        ReportZip.open(bytes, limits, displayName, "", "not a zip archive (" + kind + " is one)")) {
      if (zip.has(DATA_MODEL_SCHEMA)) {
        byte[] schema = zip.read(DATA_MODEL_SCHEMA, budget).orElseThrow();
        ModelSchemaReader.Blame blame =
            new ModelSchemaReader.Blame(displayName, "entry '" + DATA_MODEL_SCHEMA + "'");
        List<ReportQuery> queries =
            ModelSchemaReader.read(
                DATA_MODEL_SCHEMA, blame, ModelSchemaReader.decode(schema, blame));
        // Older models (partitions of type "query") keep their M only in the DataMashup.
        if (!queries.isEmpty() || !zip.has(DataMashupReader.ENTRY)) {
          return new TestReport(file, displayName, TestReportFormat.PBIT, queries, notes);
        }
      }
      if (zip.has(DataMashupReader.ENTRY)) {
        byte[] mashup = zip.read(DataMashupReader.ENTRY, budget).orElseThrow();
        List<ReportQuery> queries =
            DataMashupReader.read(mashup, limits, budget, displayName, notes);
        return new TestReport(file, displayName, TestReportFormat.PBIX_DATAMASHUP, queries, notes);
      }
      if (zip.has(DATA_MODEL)) {
        throw new InputException(
            displayName,
            "this .pbix keeps its queries in its compressed data model, which pqcert cannot read;"
                + " save a copy as a template (.pbit) or as a Power BI project (.pbip) and check"
                + " that");
      }
      throw new InputException(
          displayName,
          "holds none of DataModelSchema, DataMashup or DataModel; is it "
              + kind
              + " saved by Power BI Desktop?");
    }
  }

  /** The whole file, read only after its size is known to be within the limit. */
  private byte[] readWhole(Path file, String displayName, long size, boolean template)
      throws InputException {
    if (size > limits.maxPackageBytes()) {
      throw new InputException(
          displayName,
          "larger than "
              + Limits.describeBytes(limits.maxPackageBytes())
              + ", the limit on the size of a report"
              + (template
                  ? ""
                  : "; a template (.pbit) holds the same queries without the data: check that"));
    }
    byte[] bytes = new byte[Math.toIntExact(size)];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(bytes, 0, bytes.length) < bytes.length || in.read() != -1) {
        throw new InputException(displayName, "changed while it was being read");
      }
    } catch (IOException e) {
      throw new InputException(displayName, "cannot be read", e);
    }
    return bytes;
  }
}
