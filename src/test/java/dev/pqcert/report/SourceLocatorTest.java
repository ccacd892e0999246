package dev.pqcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.BundleEntry;
import dev.pqcert.bundle.BundleKind;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.ContentDigest;
import dev.pqcert.bundle.InputException;
import dev.pqcert.check.TargetResult;
import dev.pqcert.parse.Position;
import dev.pqcert.parse.Span;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import dev.pqcert.rules.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package's source folder is found beside it only when it holds the package's very files. */
class SourceLocatorTest {
  private static final BundleReader READER = new BundleReader();

  /** What the checker records of a package it read: its entries' digests; none if unreadable. */
  private static Optional<Map<String, ContentDigest>> readContents(String packagePath) {
    try {
      Map<String, ContentDigest> contents = new LinkedHashMap<>();
      for (BundleEntry entry : READER.read(Path.of(packagePath)).entries()) {
        contents.put(entry.name(), ContentDigest.of(entry.bytes()));
      }
      return Optional.of(contents);
    } catch (InputException unreadable) {
      return Optional.empty();
    }
  }

  private static Map<String, ContentDigest> contentsOf(Path packageFile) {
    return readContents(packageFile.toString()).orElse(Map.of());
  }

  @TempDir Path temp;

  private final Map<String, String> files = new LinkedHashMap<>();
  private Path mez;
  private Path folder;

  @BeforeEach
  void packageAndItsSources() throws IOException {
    files.put(
        "Contoso.pq", "[Version = \"1.0.0\"]\nsection Contoso;\nshared Contoso.Contents = 1;\n");
    files.put("Helpers.pqm", "let Twice = (x) => x * 2 in Twice\n");
    files.put(
        "resources.resx", "<root><data name=\"Title\"><value>Contoso</value></data></root>\n");
    Path dist = Files.createDirectories(temp.resolve("dist"));
    mez = dist.resolve("Contoso.mez");
    Files.write(mez, zip(files));
    folder = Files.createDirectories(dist.resolve("Contoso"));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(folder.resolve(file.getKey()), file.getValue());
    }
  }

  private static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private Optional<Path> found() {
    return SourceLocator.sourceFolderBeside(mez, contentsOf(mez));
  }

  @Test
  void theFolderNamedAsThePackageIsFoundWhenItHoldsTheSameFiles() throws IOException {
    assertEquals(temp.resolve("dist/Contoso"), SourceLocator.folderBeside(mez));
    assertEquals(Optional.of(folder), found());
    // Files the package leaves out (tests, build output, configuration) do not matter.
    Files.writeString(folder.resolve("Contoso.query.pq"), "Contoso.Contents()\n");
    Files.createDirectories(folder.resolve("bin/AnyCPU/Debug"));
    Files.writeString(folder.resolve("pqcert.json"), "{}");
    assertEquals(Optional.of(folder), found());
  }

  @Test
  void aPackageIsDigestedOnlyWhereAReportWillLookForItsSources() throws Exception {
    Reports text = Reports.requested(List.of(), Optional.empty(), Optional.empty());
    Reports sarif = Reports.requested(List.of("sarif"), Optional.empty(), Optional.empty());
    Reports json = Reports.requested(List.of("json"), Optional.empty(), Optional.empty());
    Reports rooted = Reports.requested(List.of("json"), Optional.empty(), Optional.of(temp));
    assertTrue(text.needContentsOf(mez), "a folder beside the package");
    assertTrue(sarif.needContentsOf(mez));
    assertFalse(json.needContentsOf(mez), "a JSON report points at no file");
    assertTrue(rooted.needContentsOf(mez), "--source-root is looked in whatever the format");
    Path alone =
        Files.copy(mez, Files.createDirectories(temp.resolve("elsewhere")).resolve("Contoso.mez"));
    assertFalse(text.needContentsOf(alone), "no folder beside it: nothing to compare with");
    assertFalse(sarif.needContentsOf(alone));
    assertTrue(rooted.needContentsOf(alone));
    Files.writeString(temp.resolve("elsewhere/Contoso"), "a file, not a folder");
    assertFalse(text.needContentsOf(alone), "a file named as the folder is none");
  }

  @Test
  void aFileWithOtherContentOrMissingMeansNoSourceFolder() throws IOException {
    // Same name and size, one character changed: content is compared, not just names.
    String changed = files.get("resources.resx").replace("Contoso", "Contosa");
    Files.writeString(folder.resolve("resources.resx"), changed);
    assertEquals(Optional.empty(), found());
    Files.writeString(folder.resolve("resources.resx"), files.get("resources.resx") + "\n");
    assertEquals(Optional.empty(), found(), "longer");
    Files.writeString(folder.resolve("resources.resx"), files.get("resources.resx"));
    assertEquals(Optional.of(folder), found(), "restored");

    Files.delete(folder.resolve("Helpers.pqm"));
    assertEquals(Optional.empty(), found());
    Files.createDirectories(folder.resolve("Helpers.pqm"));
    assertEquals(Optional.empty(), found(), "a folder is not the file");
  }

  @Test
  void packagingMetadataIsNotLookedForButEverythingElseIs() throws IOException {
    Map<String, String> opc = new LinkedHashMap<>(files);
    opc.put("[Content_Types].xml", "<Types/>");
    opc.put("_rels/.rels", "<Relationships/>");
    Files.write(mez, zip(opc));
    assertEquals(Optional.of(folder), found());

    opc.put("Contoso16.png", "not really an image");
    Files.write(mez, zip(opc));
    assertEquals(Optional.empty(), found(), "an icon missing from the folder");
  }

  @Test
  void noFolderOrAnUnreadablePackageMeansNoSourceFolder() throws IOException {
    Path other = temp.resolve("dist/Other.mez");
    Files.copy(mez, other);
    assertEquals(Optional.empty(), SourceLocator.sourceFolderBeside(other, contentsOf(other)));
    Files.writeString(mez, "not a zip");
    assertEquals(Optional.empty(), found());
  }

  private static TargetResult packageWithFindingIn(Path mez, String file) {
    Span span = Span.of(new Position(2, 1, 0), new Position(2, 8, 0));
    return new TargetResult(
        mez.toString(),
        Optional.of(BundleKind.MEZ),
        List.of(
            new Finding("PQ011", Level.MUST, "no version", Optional.of(new Location(file, span)))),
        Optional.empty());
  }

  @Test
  void locationsPointIntoTheFoundFolderAndOnlyPackagesWithoutOneAreListed() throws IOException {
    Path other = temp.resolve("dist/Other.mez");
    Files.copy(mez, other);
    List<TargetResult> targets =
        List.of(packageWithFindingIn(mez, "Contoso.pq"), packageWithFindingIn(other, "Contoso.pq"));
    SourceLocator none = new SourceLocator(Optional.empty(), Optional.empty());
    assertEquals(Optional.empty(), none.sourcePath(targets.get(0), "Contoso.pq"));
    assertEquals(
        List.of(mez.toString(), other.toString()), none.packagesWithoutSourceFiles(targets));

    SourceLocator beside = none.withSourcesBesidePackages(targets, SourceLocatorTest::readContents);
    assertEquals(
        Optional.of(folder.resolve("Contoso.pq").toString().replace('\\', '/')),
        beside.sourcePath(targets.get(0), "Contoso.pq"));
    assertEquals(Optional.empty(), beside.sourcePath(targets.get(1), "Contoso.pq"));
    assertEquals(List.of(other.toString()), beside.packagesWithoutSourceFiles(targets));

    // A source root given on the command line applies to every package; nothing is looked for.
    Path root = Files.createDirectories(temp.resolve("root"));
    SourceLocator given = new SourceLocator(Optional.of(root), Optional.empty());
    assertTrue(
        given
            .withSourcesBesidePackages(targets, SourceLocatorTest::readContents)
            .sourcePath(targets.get(0), "Contoso.pq")
            .isEmpty());
  }
}
