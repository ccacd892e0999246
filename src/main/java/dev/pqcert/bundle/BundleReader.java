package dev.pqcert.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Temporary stand-in until the bundle package lands. */
public final class BundleReader {
  public Bundle read(Path target) throws InputException {
    String display = target.toString();
    try {
      if (!Files.exists(target)) {
        throw new InputException(display, "no such file or folder");
      }
      List<BundleEntry> entries = new ArrayList<>();
      if (Files.isDirectory(target)) {
        try (Stream<Path> files = Files.list(target)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            String name = file.getFileName().toString();
            entries.add(new BundleEntry(name, classify(name), Files.readAllBytes(file)));
          }
        }
        return done(target, BundleKind.FOLDER, entries);
      }
      String name = target.getFileName().toString();
      if (name.toLowerCase(Locale.ROOT).endsWith(".mez")) {
        byte[] bytes = Files.readAllBytes(target);
        if (bytes.length == 0) {
          throw new InputException(display, "empty file, not a zip archive");
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
          ZipEntry entry;
          while ((entry = zip.getNextEntry()) != null) {
            if (entry.getName().contains("..")) {
              throw new InputException(display, "unsafe entry name " + entry.getName());
            }
            entries.add(
                new BundleEntry(entry.getName(), classify(entry.getName()), zip.readAllBytes()));
          }
        }
        if (entries.isEmpty()) {
          throw new InputException(display, "not a zip archive");
        }
        return done(target, BundleKind.MEZ, entries);
      }
      entries.add(new BundleEntry(name, classify(name), Files.readAllBytes(target)));
      return done(target, BundleKind.FILE, entries);
    } catch (IOException e) {
      throw new InputException(display, "cannot read: " + e.getMessage());
    }
  }

  private static Bundle done(Path target, BundleKind kind, List<BundleEntry> entries) {
    entries.sort(Comparator.comparing(BundleEntry::name));
    return new Bundle(target, kind, List.copyOf(entries));
  }

  private static EntryKind classify(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".query.pq")) {
      return EntryKind.QUERY_DOCUMENT;
    }
    if (lower.endsWith(".pq") || lower.endsWith(".m")) {
      return EntryKind.SECTION_DOCUMENT;
    }
    if (lower.endsWith(".pqm")) {
      return EntryKind.MODULE;
    }
    return EntryKind.OTHER;
  }
}
