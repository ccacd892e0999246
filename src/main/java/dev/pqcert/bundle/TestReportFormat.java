package dev.pqcert.bundle;

/** The forms a submission's test report is read from. */
public enum TestReportFormat {
  /** A {@code .pbit} template: the model as UTF-16 JSON in its {@code DataModelSchema} entry. */
  PBIT("modelSchema"),
  /**
   * An older {@code .pbix} (or a template from before {@code DataModelSchema}): the queries in its
   * {@code DataMashup} entry ([MS-QDEFF]).
   */
  PBIX_DATAMASHUP("dataMashup"),
  /**
   * A Power BI project: a {@code .pbip} file or its {@code *.SemanticModel} folder (TMDL or
   * model.bim).
   */
  PBIP("project");

  private final String label;

  TestReportFormat(String label) {
    this.label = label;
  }

  /** What reports call it: where the queries were read from, not the file's extension. */
  public String label() {
    return label;
  }
}
