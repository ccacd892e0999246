package dev.pqcert.report;

/** The output formats of {@code pqcert check}. */
public enum ReportFormat {
  text,
  json
}
