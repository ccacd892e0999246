package dev.pqcert.report;

import dev.pqcert.check.TargetResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The output formats of {@code pqcert check}. */
public enum ReportFormat {
  TEXT,
  JSON,
  SARIF,
  JUNIT,
  GITHUB,
  AZURE,
  MARKDOWN;

  /** The name users type: {@code text}, {@code sarif}... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ReportFormat> of(String key) {
    for (ReportFormat format : values()) {
      if (format.key().equals(key)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** Renders the results; {@code style} matters only for text. */
  public String render(List<TargetResult> results, ReportContext context, TextStyle style) {
    return switch (this) {
      case TEXT -> TextReport.render(results, context, style);
      case JSON -> JsonReport.render(results, context);
      case SARIF -> SarifReport.render(results, context);
      case JUNIT -> JunitReport.render(results, context);
      case GITHUB -> GithubReport.render(results, context);
      case AZURE -> AzureReport.render(results, context);
      case MARKDOWN -> MarkdownReport.render(results, context);
    };
  }
}
