package dev.pqcert.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pqcert.rules.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a team accepted when it adopted pqcert on an existing connector. A later run reports
 * only findings that are not in the baseline, and lists baseline entries that no longer occur. A
 * finding is matched by its {@link Fingerprint}, not its position; an entry matches one finding
 * (three identical findings need three entries).
 */
public record Baseline(List<Entry> findings) {
  /** Baselines are small; a larger file is not one. */
  static final int MAX_BYTES = 16 << 20;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::file)
          .thenComparing(Entry::rule)
          .thenComparing(Entry::fingerprint)
          .thenComparing(Entry::message);

  /** One accepted finding; {@code file} is empty for a package-level finding. */
  public record Entry(String rule, String file, String fingerprint, String message) {
    static Entry of(Finding finding) {
      return new Entry(
          finding.ruleId(), finding.file().orElse(""), Fingerprint.of(finding), finding.message());
    }
  }

  /** What applying a baseline left: the new findings per target, and the entries not seen. */
  public record Applied(List<TargetResult> results, List<Entry> absent) {}

  public Baseline {
    findings = findings.stream().sorted(ORDER).toList();
  }

  /** The baseline that accepts every finding of these results. */
  public static Baseline of(List<TargetResult> results) {
    List<Entry> entries = new ArrayList<>();
    for (TargetResult result : results) {
      result.findings().forEach(f -> entries.add(Entry.of(f)));
    }
    return new Baseline(entries);
  }

  public static Baseline read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IOException("larger than 16 MiB; not a pqcert baseline");
    }
    try {
      Baseline baseline = JSON.readValue(bytes, Baseline.class);
      if (baseline.findings() == null) {
        throw new IOException("not a pqcert baseline (no \"findings\" list)");
      }
      return baseline;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      int cut = message.indexOf('\n');
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new IOException(
          "not a pqcert baseline" + where + ": " + (cut < 0 ? message : message.substring(0, cut)),
          e);
    }
  }

  public void write(Path file) throws IOException {
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }

  public String render() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a baseline", e);
    }
  }

  /** Removes accepted findings from the results. */
  public Applied apply(List<TargetResult> results) {
    Map<String, Integer> remaining = new HashMap<>();
    Map<String, List<Entry>> entriesByKey = new HashMap<>();
    for (Entry entry : findings) {
      String key = key(entry.rule(), entry.file(), entry.fingerprint());
      remaining.merge(key, 1, Integer::sum);
      entriesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
    }
    List<TargetResult> filtered = new ArrayList<>();
    for (TargetResult result : results) {
      List<Finding> kept = new ArrayList<>();
      int accepted = 0;
      for (Finding finding : result.findings()) {
        String key = key(finding.ruleId(), finding.file().orElse(""), Fingerprint.of(finding));
        Integer left = remaining.get(key);
        if (left != null && left > 0) {
          remaining.put(key, left - 1);
          accepted++;
        } else {
          kept.add(finding);
        }
      }
      filtered.add(result.withBaselined(kept, accepted));
    }
    List<Entry> absent = new ArrayList<>();
    remaining.forEach(
        (key, left) -> {
          List<Entry> entries = entriesByKey.get(key);
          absent.addAll(entries.subList(entries.size() - left, entries.size()));
        });
    absent.sort(ORDER);
    return new Applied(filtered, List.copyOf(absent));
  }

  private static String key(String rule, String file, String fingerprint) {
    return rule + '\u0000' + file + '\u0000' + fingerprint;
  }
}
