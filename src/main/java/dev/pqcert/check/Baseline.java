package dev.pqcert.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pqcert.json.Json;
import dev.pqcert.rules.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a team accepted when it adopted pqcert on an existing connector. A later run reports
 * only findings that are not in the baseline, and lists baseline entries that no longer occur. A
 * finding is matched within its own target by its {@link Fingerprint}, not its position; an entry
 * matches one finding (three identical findings need three entries).
 *
 * <p>A target is the same however the command line spells it ({@code x.mez}, {@code ./x.mez}, an
 * absolute path, from another working directory): the file records it relative to the baseline's
 * own folder, with {@code /} between names, and matching compares the absolute paths both stand
 * for. A baseline without a {@code version} (written before this was so) holds the targets as given
 * on the command line, and is read as relative to the working directory.
 *
 * @param version {@link #VERSION} for a baseline whose targets are relative to its folder; 1 for
 *     one whose targets are as given on the command line
 */
public record Baseline(int version, List<Entry> findings) {
  /** The version this class writes. */
  public static final int VERSION = 2;

  /** The version of a baseline that names none. */
  static final int TARGETS_AS_GIVEN = 1;

  /** Baselines are small; a larger file is not one. */
  static final int MAX_BYTES = 16 << 20;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::target)
          .thenComparing(Entry::file)
          .thenComparing(Entry::rule)
          .thenComparing(Entry::fingerprint)
          .thenComparing(Entry::message);

  /**
   * One accepted finding: the target it was found in (see {@link Baseline}), the file inside it
   * (empty for a package-level finding), its rule and fingerprint, and its message for people
   * reading the file.
   */
  public record Entry(String target, String file, String rule, String fingerprint, String message) {
    static Entry of(String target, Finding finding) {
      return new Entry(
          target,
          finding.file().orElse(""),
          finding.ruleId(),
          Fingerprint.of(finding),
          finding.message());
    }
  }

  /**
   * What an entry and a finding are matched by. A {@link Path}, not text: on Windows it compares
   * without regard to case, as the file system does.
   */
  private record Key(Path target, String file, String rule, String fingerprint) {}

  /** What applying a baseline left: the new findings per target, and the entries not seen. */
  public record Applied(List<TargetResult> results, List<Entry> absent) {}

  public Baseline {
    findings = findings.stream().sorted(ORDER).toList();
  }

  /**
   * The baseline that accepts every finding of these results, to be written to {@code file}.
   *
   * @param workingDirectory what the results' paths (and {@code file}) are relative to
   */
  public static Baseline of(List<TargetResult> results, Path file, Path workingDirectory) {
    Path folder = folderOf(file, workingDirectory);
    List<Entry> entries = new ArrayList<>();
    for (TargetResult result : results) {
      String target = relativeTarget(folder, absolute(workingDirectory, result.path()));
      result.findings().forEach(f -> entries.add(Entry.of(target, f)));
    }
    return new Baseline(VERSION, entries);
  }

  private static Path folderOf(Path file, Path workingDirectory) {
    Path absolute = workingDirectory.resolve(file).toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    return folder == null ? absolute : folder;
  }

  private static Path absolute(Path base, String path) {
    // A baseline written on Windows may hold backslashes; '/' separates names everywhere.
    return base.resolve(path.replace('\\', '/')).toAbsolutePath().normalize();
  }

  /** {@code target} relative to {@code folder}, with {@code /} between names. */
  private static String relativeTarget(Path folder, Path target) {
    Path relative;
    try {
      relative = folder.relativize(target);
    } catch (IllegalArgumentException otherRoot) {
      relative = target; // another drive on Windows: only the absolute path names it
    }
    String text = relative.toString().replace(java.io.File.separatorChar, '/');
    return text.isEmpty() ? "." : text;
  }

  /** Reads a baseline; every problem is an {@link IOException} with a one-line message. */
  public static Baseline read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file", e);
    } catch (AccessDeniedException e) {
      throw new IOException("permission denied", e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IOException("larger than 16 MiB; not a pqcert baseline");
    }
    // Parsed as text, not bytes: Jackson counts the columns of bytes in bytes, which puts the place
    // of a mistake past the end of a line holding non-ASCII text. Read as a configuration file is.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Raw raw;
    try {
      raw = JSON.readValue(text, Raw.class);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      int cut = message.indexOf('\n');
      // Jackson reports column 0 (and line 0 or -1) where it has no character to point at, such
      // as the end of an empty file: a place is 1-based or not given.
      String where =
          e.getLocation() == null || e.getLocation().getLineNr() < 1
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + Math.max(1, e.getLocation().getColumnNr());
      throw new IOException(
          "not a pqcert baseline" + where + ": " + (cut < 0 ? message : message.substring(0, cut)),
          e);
    }
    if (raw == null || raw.findings() == null) {
      throw new IOException("not a pqcert baseline: no \"findings\" list");
    }
    for (int i = 0; i < raw.findings().size(); i++) {
      Entry entry = raw.findings().get(i);
      String missing =
          entry == null
              ? "is empty"
              : entry.target() == null
                  ? "has no \"target\""
                  : entry.file() == null
                      ? "has no \"file\""
                      : entry.rule() == null
                          ? "has no \"rule\""
                          : entry.fingerprint() == null ? "has no \"fingerprint\"" : null;
      if (missing != null) {
        throw new IOException("not a pqcert baseline: finding " + (i + 1) + " " + missing);
      }
    }
    int version = raw.version() == null ? TARGETS_AS_GIVEN : raw.version();
    if (version != TARGETS_AS_GIVEN && version != VERSION) {
      throw new IOException(
          "version " + version + " is not one this pqcert reads (1 or " + VERSION + ")");
    }
    return new Baseline(
        version,
        raw.findings().stream()
            .map(
                e ->
                    new Entry(
                        e.target(),
                        e.file(),
                        e.rule(),
                        e.fingerprint(),
                        e.message() == null ? "" : e.message()))
            .toList());
  }

  /** The file's shape before it is checked: any field may be missing. */
  private record Raw(Integer version, List<Entry> findings) {}

  public void write(Path file) throws IOException {
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }

  public String render() {
    return Json.pretty(this);
  }

  /**
   * Removes accepted findings from the results.
   *
   * @param file where this baseline was read from
   * @param workingDirectory what the results' paths (and {@code file}) are relative to
   */
  public Applied apply(List<TargetResult> results, Path file, Path workingDirectory) {
    Path base = version == TARGETS_AS_GIVEN ? workingDirectory : folderOf(file, workingDirectory);
    Map<Key, Integer> remaining = new HashMap<>();
    Map<Key, List<Entry>> entriesByKey = new HashMap<>();
    for (Entry entry : findings) {
      Key key =
          new Key(absolute(base, entry.target()), entry.file(), entry.rule(), entry.fingerprint());
      remaining.merge(key, 1, Integer::sum);
      entriesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
    }
    List<TargetResult> filtered = new ArrayList<>();
    for (TargetResult result : results) {
      List<Finding> kept = new ArrayList<>();
      List<Finding> accepted = new ArrayList<>();
      Path target = absolute(workingDirectory, result.path());
      for (Finding finding : result.findings()) {
        Key key =
            new Key(target, finding.file().orElse(""), finding.ruleId(), Fingerprint.of(finding));
        Integer left = remaining.get(key);
        if (left != null && left > 0) {
          remaining.put(key, left - 1);
          accepted.add(finding);
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
}
