package dev.pqcert.testing;

import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.BundleEntry;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.InputException;
import dev.pqcert.check.Checker;
import dev.pqcert.config.Config;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ConnectorModelBuilder;
import dev.pqcert.model.SourceFile;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: check a connector from a path or from M text, and read its markers. */
public final class Connectors {
  public static final RuleRegistry RULES = RuleRegistry.builtIn();

  private Connectors() {}

  public static ConnectorModel model(Path target) {
    try {
      Bundle bundle = new BundleReader().read(target);
      return ConnectorModelBuilder.build(bundle);
    } catch (InputException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Writes M text as {@code name} into a temporary folder and builds its model. */
  public static ConnectorModel modelOfText(Path folder, String name, String text) {
    try {
      Path file = folder.resolve(name);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return model(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An example or fixture split in two: the connector, and the queries of the test report that
   * follow it, each after a {@code // report query: Name} line.
   */
  public record Submitted(String connector, java.util.Map<String, String> queries) {}

  private static final java.util.regex.Pattern REPORT_QUERY =
      java.util.regex.Pattern.compile("(?m)^// report query: (\\S+)\\R");

  public static Submitted splitReport(String text) {
    java.util.regex.Matcher header = REPORT_QUERY.matcher(text);
    java.util.Map<String, String> queries = new java.util.LinkedHashMap<>();
    if (!header.find()) {
      return new Submitted(text, queries);
    }
    String connector = text.substring(0, header.start());
    String name = header.group(1);
    int from = header.end();
    while (header.find()) {
      queries.put(name, text.substring(from, header.start()));
      name = header.group(1);
      from = header.end();
    }
    queries.put(name, text.substring(from));
    return new Submitted(connector, queries);
  }

  /** The model with a test report of these queries paired with it; as it is without queries. */
  public static ConnectorModel withReport(
      ConnectorModel model, java.util.Map<String, String> queries) {
    if (queries.isEmpty()) {
      return model;
    }
    return model.withSubmission(
        dev.pqcert.model.Submission.of(
            model,
            List.of(
                dev.pqcert.model.ParsedReport.of(
                    dev.pqcert.model.ReportFacts.inMemory("Contoso.pbit", queries)))));
  }

  /** The findings as {@code pqcert check} reports them: rules, then inline suppressions. */
  public static List<Finding> check(ConnectorModel model) {
    return new Checker(new BundleReader(), RULES, path -> false)
        .analyse(model, Config.DEFAULTS)
        .findings();
  }

  /** Every marker in every M file of the connector. */
  public static List<Expectations.Expected> expectations(ConnectorModel model) {
    List<Expectations.Expected> expected = new ArrayList<>();
    for (SourceFile file : model.files()) {
      // Findings point at the file where it is in the folder, as the markers do.
      expected.addAll(Expectations.parse(model.bundle().sourcePath(file.name()), file.parse()));
    }
    for (BundleEntry entry : model.bundle().entries()) {
      if (entry.name().toLowerCase(java.util.Locale.ROOT).endsWith(".resx")) {
        try {
          String text = entry.text(model.bundle().displayName()).text();
          expected.addAll(Expectations.parseXml(model.bundle().sourcePath(entry.name()), text));
        } catch (InputException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
    }
    expected.sort(null);
    return expected;
  }
}
