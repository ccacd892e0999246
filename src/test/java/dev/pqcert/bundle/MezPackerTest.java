package dev.pqcert.bundle;

import static dev.pqcert.bundle.TestZips.assertInputError;
import static dev.pqcert.bundle.TestZips.utf8;
import static dev.pqcert.bundle.TestZips.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MezPackerTest {
  private static final List<String> PACKAGEABLE =
      List.of(
          "Contoso.pq",
          "Contoso16.png",
          "Helper.pqm",
          "data.json",
          "resources.de-DE.resx",
          "resources.resx");

  @TempDir Path dir;

  /** A project folder with everything the SDK puts there; files are created in {@code order}. */
  private Path project(String name, List<String> order) throws Exception {
    Path project = Files.createDirectory(dir.resolve(name));
    for (String file : order) {
      write(project, file, utf8("content of " + file + "\r\n"));
    }
    write(project, "Contoso.query.pq", utf8("Contoso.Feed()"));
    write(project, "Contoso.mproj", utf8("<Project/>"));
    write(project, "Old.mez", utf8("a stale package"));
    write(project, ".gitignore", utf8("bin/"));
    Files.createDirectories(project.resolve("bin/AnyCPU/Debug"));
    write(project.resolve("bin/AnyCPU/Debug"), "Contoso.mez", utf8("built"));
    Files.createDirectories(project.resolve("obj"));
    return project;
  }

  @Test
  void packagesWhatAProjectFileSaysFlatAsItsBuildDoes() throws Exception {
    Path project = project("Contoso", PACKAGEABLE);
    Files.createDirectories(project.resolve("lib"));
    write(project.resolve("lib"), "Paging.pqm", utf8("[]"));
    write(
        project,
        "Contoso.proj",
        utf8(
            "<Project><ItemGroup>"
                + "<MezContent Include=\"Contoso.pq;Contoso16.png;lib\\*.pqm;resources.resx\" />"
                + "</ItemGroup></Project>"));

    assertEquals(
        List.of("Contoso.pq", "Contoso16.png", "Paging.pqm", "resources.resx"),
        MezPacker.packageableFiles(project));
    List<String> packed = new ArrayList<>();
    try (ZipInputStream zip =
        new ZipInputStream(new ByteArrayInputStream(MezPacker.pack(project)))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        packed.add(entry.getName());
      }
    }
    assertEquals(MezPacker.packageableFiles(project), packed);
  }

  @Test
  void packagesTheConnectorFilesOnly() throws Exception {
    Path project = project("Contoso", PACKAGEABLE);

    assertEquals(PACKAGEABLE, MezPacker.packageableFiles(project));
  }

  @Test
  void packingTwiceGivesIdenticalBytes() throws Exception {
    Path project = project("Contoso", PACKAGEABLE);

    assertArrayEquals(MezPacker.pack(project), MezPacker.pack(project));
  }

  @Test
  void bytesDependOnlyOnNamesAndContents() throws Exception {
    Path first = project("First", PACKAGEABLE);
    List<String> reversed = new ArrayList<>(PACKAGEABLE);
    Collections.reverse(reversed);
    Path second = project("Second", reversed);
    for (String file : PACKAGEABLE) {
      Files.setLastModifiedTime(
          second.resolve(file), FileTime.from(Instant.parse("2031-05-06T07:08:09Z")));
    }
    TimeZone original = TimeZone.getDefault();
    byte[] packedInUtc;
    byte[] packedInKolkata;
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      packedInUtc = MezPacker.pack(first);
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
      packedInKolkata = MezPacker.pack(second);
    } finally {
      TimeZone.setDefault(original);
    }

    assertArrayEquals(packedInUtc, packedInKolkata);
  }

  @Test
  void entriesAreSortedDeflatedAndCarryOnlyAFixedTime() throws Exception {
    byte[] mez = MezPacker.pack(project("Contoso", PACKAGEABLE));

    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(mez))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
        assertEquals(ZipEntry.DEFLATED, entry.getMethod());
        assertEquals(LocalDateTime.of(1980, 2, 1, 0, 0), entry.getTimeLocal());
        assertNull(entry.getExtra(), "no extra fields, such as extended timestamps");
        assertNull(entry.getComment());
      }
    }
    assertEquals(PACKAGEABLE, names);
  }

  @Test
  void packagesReadBackAsTheSourceFiles() throws Exception {
    Path project = project("Contoso", PACKAGEABLE);
    Path mez = write(dir, "Contoso.mez", MezPacker.pack(project));

    Bundle bundle = new BundleReader().read(mez);

    assertEquals(PACKAGEABLE, bundle.entries().stream().map(BundleEntry::name).toList());
    for (BundleEntry entry : bundle.entries()) {
      assertArrayEquals(Files.readAllBytes(project.resolve(entry.name())), entry.bytes());
    }
    assertEquals(EntryKind.SECTION_DOCUMENT, bundle.find("Contoso.pq").orElseThrow().kind());
  }

  @Test
  void anEmptyFolderPacksToAnEmptyPackage() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("Empty"));
    Path mez = write(dir, "Empty.mez", MezPacker.pack(empty));

    assertEquals(List.of(), new BundleReader().read(mez).entries());
  }

  @Test
  void rejectsSomethingOtherThanAFolder() throws Exception {
    Path file = write(dir, "Contoso.pq", utf8("section Contoso;"));
    Path missing = dir.resolve("Missing");

    assertInputError(file.toString(), () -> MezPacker.pack(file), "not a folder");
    assertInputError(
        missing.toString(), () -> MezPacker.packageableFiles(missing), "no such folder");
  }
}
