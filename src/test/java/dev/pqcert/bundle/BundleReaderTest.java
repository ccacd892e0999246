package dev.pqcert.bundle;

import static dev.pqcert.bundle.TestZips.assertInputError;
import static dev.pqcert.bundle.TestZips.utf8;
import static dev.pqcert.bundle.TestZips.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleReaderTest {
  private static final String SECTION_DOCUMENT =
      "\uFEFFsection Contoso;\r\n\r\n"
          + "[DataSource.Kind = \"Contoso\"]\r\n"
          + "shared Contoso.Feed = () => 1;\r\n";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  @TempDir Path dir;

  private final BundleReader reader = new BundleReader();

  private static byte[] goodPackage() {
    return TestZips.builder()
        .add("Contoso.pq", SECTION_DOCUMENT)
        .add("Contoso.query.pq", "Contoso.Feed()")
        .add("Helper.pqm", "let x = 1 in x")
        .add("resources.resx", "<root/>")
        .add("resources.de-DE.resx", "<root/>")
        .addDirectory("Icons/")
        .add("Icons/Contoso16.png", PNG)
        .add("Contoso32.PNG", PNG)
        .add("README.txt", "notes")
        .build();
  }

  @Test
  void readsAPackageAndClassifiesItsFilesByName() throws Exception {
    Path mez = write(dir, "Contoso.mez", goodPackage());

    Bundle bundle = reader.read(mez);

    assertEquals(BundleKind.MEZ, bundle.kind());
    assertEquals(mez, bundle.origin());
    assertEquals(mez.toString(), bundle.displayName());
    assertEquals(
        List.of(
            "Contoso.pq",
            "Contoso.query.pq",
            "Contoso32.PNG",
            "Helper.pqm",
            "Icons/Contoso16.png",
            "README.txt",
            "resources.de-DE.resx",
            "resources.resx"),
        bundle.entries().stream().map(BundleEntry::name).toList());
    assertEquals(
        List.of(
            EntryKind.SECTION_DOCUMENT,
            EntryKind.QUERY_DOCUMENT,
            EntryKind.IMAGE,
            EntryKind.MODULE,
            EntryKind.IMAGE,
            EntryKind.OTHER,
            EntryKind.RESOURCES,
            EntryKind.RESOURCES),
        bundle.entries().stream().map(BundleEntry::kind).toList());
    assertArrayEquals(PNG, bundle.find("Icons/Contoso16.png").orElseThrow().bytes());
  }

  @Test
  void sectionDocumentKeepsItsCrlfAndLosesItsBom() throws Exception {
    Bundle bundle = reader.read(write(dir, "Contoso.mez", goodPackage()));

    List<BundleEntry> sections =
        bundle.entries().stream().filter(e -> e.kind() == EntryKind.SECTION_DOCUMENT).toList();
    assertEquals(List.of("Contoso.pq"), sections.stream().map(BundleEntry::name).toList());
    DecodedText text = sections.get(0).text(bundle.displayName());
    assertTrue(SECTION_DOCUMENT.startsWith("\uFEFF"));
    assertEquals(SECTION_DOCUMENT.substring(1), text.text());
  }

  @Test
  void findsNamesIgnoringCaseOnlyWhenNoExactMatch() throws Exception {
    Bundle bundle = reader.read(write(dir, "Contoso.mez", goodPackage()));

    assertEquals("Contoso32.PNG", bundle.find("contoso32.png").orElseThrow().name());
    assertEquals("Helper.pqm", bundle.find("Helper.pqm").orElseThrow().name());
    assertTrue(bundle.find("Missing.pq").isEmpty());
  }

  @Test
  void normalizesBackslashesInEntryNames() throws Exception {
    byte[] zip = TestZips.builder().add("Icons\\Contoso16.png", PNG).build();

    Bundle bundle = reader.read(write(dir, "Contoso.mez", zip));

    assertEquals("Icons/Contoso16.png", bundle.entries().get(0).name());
    assertEquals(EntryKind.IMAGE, bundle.entries().get(0).kind());
  }

  @Test
  void readsStoredEntries() throws Exception {
    byte[] zip = TestZips.builder().addStored("Contoso.pq", utf8("section Contoso;")).build();

    Bundle bundle = reader.read(write(dir, "Contoso.mez", zip));

    assertEquals("section Contoso;", bundle.entries().get(0).text("Contoso.mez").text());
  }

  @Test
  void aZipWithNoEntriesIsAnEmptyBundle() throws Exception {
    Bundle bundle = reader.read(write(dir, "Empty.mez", TestZips.builder().build()));

    assertEquals(BundleKind.MEZ, bundle.kind());
    assertEquals(List.of(), bundle.entries());
  }

  @Test
  void targetExtensionsAreNotCaseSensitive() throws Exception {
    Bundle bundle = reader.read(write(dir, "CONTOSO.MEZ", goodPackage()));

    assertEquals(BundleKind.MEZ, bundle.kind());
    assertEquals(8, bundle.entries().size());
  }

  @Test
  void readsASignedPackageThatIsAZip() throws Exception {
    Bundle bundle = reader.read(write(dir, "Contoso.pqx", goodPackage()));

    assertEquals(BundleKind.PQX, bundle.kind());
    assertEquals(8, bundle.entries().size());
  }

  @Test
  void rejectsASignedPackageThatIsNotAZip() {
    Path pqx = write(dir, "Contoso.pqx", utf8("signed content of an undocumented layout"));

    assertInputError(
        pqx.toString(),
        () -> reader.read(pqx),
        "cannot read this signed package (.pqx)",
        "check the .mez it was signed from");
  }

  // ---- Damaged and hostile packages

  @Test
  void rejectsATextFileRenamedToMez() {
    Path mez = write(dir, "Contoso.mez", utf8("section Contoso;\r\nshared X = 1;\r\n"));

    assertInputError(mez.toString(), () -> reader.read(mez), "not a zip archive");
  }

  @Test
  void rejectsAnEmptyFile() {
    Path mez = write(dir, "Contoso.mez", new byte[0]);

    InputException error = assertInputError(mez.toString(), () -> reader.read(mez));
    assertEquals("empty file, not a zip archive", error.problem());
  }

  @Test
  void rejectsAZipCutInHalf() {
    byte[] zip = goodPackage();
    Path mez = write(dir, "Contoso.mez", Arrays.copyOf(zip, zip.length / 2));

    assertInputError(mez.toString(), () -> reader.read(mez), "truncated or damaged zip archive");
  }

  @Test
  void rejectsAZipMissingTheEndOfItsCentralDirectory() {
    byte[] zip = goodPackage();
    Path mez = write(dir, "Contoso.mez", Arrays.copyOf(zip, zip.length - 10));

    assertInputError(mez.toString(), () -> reader.read(mez), "truncated or damaged zip archive");
  }

  @Test
  void rejectsEncryptedEntries() {
    byte[] zip = TestZips.builder().add("Contoso.pq", "section Contoso;").build();
    // Bit 0 of the general purpose flags: the entry is encrypted.
    TestZips.patchCentralHeader(zip, 0, TestZips.CENTRAL_FLAGS, 2, 0x0809);
    TestZips.patchLocalHeader(zip, 0, TestZips.LOCAL_FLAGS, 2, 0x0809);
    Path mez = write(dir, "Contoso.mez", zip);

    assertInputError(mez.toString(), () -> reader.read(mez), "entry 'Contoso.pq' is encrypted");
  }

  @Test
  void rejectsUnsupportedCompressionMethods() {
    byte[] zip = TestZips.builder().add("Contoso.pq", "section Contoso;").build();
    int lzma = 14;
    TestZips.patchCentralHeader(zip, 0, TestZips.CENTRAL_METHOD, 2, lzma);
    TestZips.patchLocalHeader(zip, 0, TestZips.LOCAL_METHOD, 2, lzma);
    Path mez = write(dir, "Contoso.mez", zip);

    assertInputError(
        mez.toString(),
        () -> reader.read(mez),
        "entry 'Contoso.pq' uses an unsupported compression method (14)");
  }

  @Test
  void rejectsEntriesWhoseChecksumDoesNotMatch() {
    byte[] zip = TestZips.builder().add("Contoso.pq", "section Contoso;").build();
    TestZips.patchCentralHeader(zip, 0, TestZips.CENTRAL_CRC, 4, 0x12345678);
    Path mez = write(dir, "Contoso.mez", zip);

    assertInputError(
        mez.toString(),
        () -> reader.read(mez),
        "entry 'Contoso.pq' is damaged (its checksum does not match its content)");
  }

  @Test
  void rejectsEntriesWhoseCompressedDataIsCorrupt() {
    byte[] zip = TestZips.builder().add("Contoso.pq", "section Contoso;").build();
    // The first byte of deflate data: block type 3 does not exist.
    TestZips.patchEntryData(zip, 0, (byte) 0x07);
    Path mez = write(dir, "Contoso.mez", zip);

    assertInputError(
        mez.toString(),
        () -> reader.read(mez),
        "entry 'Contoso.pq' is damaged and cannot be decompressed");
  }

  @Test
  void rejectsDuplicateEntryNames() {
    byte[] zip = TestZips.builder().add("Contoso.pq", "a").add("Contoso.pX", "b").build();
    TestZips.renameEntry(zip, 1, "Contoso.pq");
    Path mez = write(dir, "Contoso.mez", zip);

    assertInputError(mez.toString(), () -> reader.read(mez), "duplicate entry name 'Contoso.pq'");
  }

  @Test
  void rejectsEntryNamesThatDifferOnlyInCase() {
    byte[] zip = TestZips.builder().add("Contoso.pq", "a").add("CONTOSO.PQ", "b").build();
    Path mez = write(dir, "Contoso.mez", zip);

    assertInputError(
        mez.toString(),
        () -> reader.read(mez),
        "duplicate entry names 'Contoso.pq' and 'CONTOSO.PQ'",
        "not case-sensitive on Windows");
  }

  // Messages show names with '/': the zip library already converts '\\' for archives made on
  // Windows, as java.util.zip marks these; the reader converts the rest.

  @ParameterizedTest
  @ValueSource(strings = {"../Contoso.pq", "Icons/../../Contoso.pq", "Icons\\..\\..\\x.pq", ".."})
  void rejectsParentSegmentsInEntryNames(String name) {
    Path mez = write(dir, "Contoso.mez", TestZips.builder().add(name, "x").build());

    assertInputError(
        mez.toString(),
        () -> reader.read(mez),
        "entry '" + name.replace('\\', '/') + "' has a '..' path segment");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/Contoso.pq", "\\Contoso.pq", "C:Contoso.pq", "C:\\Contoso.pq"})
  void rejectsAbsoluteEntryNames(String name) {
    Path mez = write(dir, "Contoso.mez", TestZips.builder().add(name, "x").build());

    assertInputError(
        mez.toString(),
        () -> reader.read(mez),
        "entry '" + name.replace('\\', '/') + "' has an absolute path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Con\u0000toso.pq", "Con\ntoso.pq", "Con\u001btoso.pq", "Con\u0085.pq"})
  void rejectsControlCharactersInEntryNames(String name) {
    Path mez = write(dir, "Contoso.mez", TestZips.builder().add(name, "x").build());

    InputException error =
        assertInputError(mez.toString(), () -> reader.read(mez), "contains a control character");
    // Escaped, so the problem stays one line wherever it is shown.
    String escaped = "Con\\u" + String.format(Locale.ROOT, "%04X", (int) name.charAt(3));
    assertEquals(
        "entry name '" + escaped + name.substring(4) + "' contains a control character",
        error.problem());
  }

  @Test
  void skipsDirectoryEntriesButStillChecksTheirNames() throws Exception {
    byte[] good = TestZips.builder().addDirectory("Icons/").addDirectory("Icons\\Big\\").build();
    assertEquals(List.of(), reader.read(write(dir, "Good.mez", good)).entries());

    Path bad = write(dir, "Bad.mez", TestZips.builder().addDirectory("../Icons/").build());
    assertInputError(bad.toString(), () -> reader.read(bad), "'..' path segment");
  }

  @Test
  void neverThrowsAnythingButInputExceptionForTruncatedPackages() {
    byte[] zip = goodPackage();
    for (int length = 0; length < zip.length; length++) {
      Path mez = write(dir, "Cut.mez", Arrays.copyOf(zip, length));
      assertThrows(InputException.class, () -> reader.read(mez), "length " + length);
    }
  }

  @Test
  void neverThrowsAnythingButInputExceptionForCorruptedPackages() {
    byte[] zip = goodPackage();
    Random random = new Random(20240601L);
    int rejected = 0;
    for (int attempt = 0; attempt < 1_000; attempt++) {
      byte[] corrupted = zip.clone();
      int changes = 1 + random.nextInt(4);
      for (int i = 0; i < changes; i++) {
        corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
      }
      Path mez = write(dir, "Corrupt.mez", corrupted);
      try {
        reader.read(mez);
      } catch (InputException e) {
        TestZips.assertOneLineMessage(e);
        rejected++;
      }
    }
    // Some changes hit bytes nothing reads (such as local header times); most must be caught.
    assertTrue(rejected > 500, "only " + rejected + " of 1000 corrupted packages were rejected");
  }

  // ---- Limits

  @Test
  void rejectsAPackageLargerThanTheLimitBeforeReadingIt() {
    Limits limits = new Limits(1024, 2_000, 1 << 20, 1 << 20, 100);
    Path mez = write(dir, "Big.mez", TestZips.builder().addStored("a.bin", new byte[2048]).build());

    assertInputError(
        mez.toString(),
        () -> new BundleReader(limits).read(mez),
        "larger than 1 KiB, the limit on the size of a package");
  }

  @Test
  void rejectsMoreEntriesThanTheLimit() {
    Limits limits = new Limits(1 << 20, 4, 1 << 20, 1 << 20, 100);
    TestZips.Builder zip = TestZips.builder();
    for (int i = 0; i < 5; i++) {
      zip.add("file" + i + ".txt", "x");
    }
    Path mez = write(dir, "Many.mez", zip.build());

    assertInputError(
        mez.toString(),
        () -> new BundleReader(limits).read(mez),
        "more than 4 entries, the limit on the number of entries");
  }

  @Test
  void rejectsMoreEntriesThanTheDefaultLimit() {
    TestZips.Builder zip = TestZips.builder();
    for (int i = 0; i <= 2_000; i++) {
      zip.add("file" + i + ".txt", "x");
    }
    Path mez = write(dir, "Many.mez", zip.build());

    assertInputError(mez.toString(), () -> reader.read(mez), "more than 2000 entries");
  }

  @Test
  void rejectsAZipBombByItsCompressionRatio() {
    byte[] bomb = TestZips.builder().add("Contoso.pq", new byte[50 << 20]).build();
    assertTrue(bomb.length < 100 << 10, "50 MiB of zeros should compress to under 100 KiB");
    Path mez = write(dir, "Bomb.mez", bomb);

    assertInputError(
        mez.toString(),
        () -> reader.read(mez),
        "entry 'Contoso.pq' expands to more than 100 times its compressed size",
        "zip bomb");
  }

  @Test
  void allowsHighCompressionRatiosForEntriesUnderOneMebibyte() throws Exception {
    Path mez =
        write(dir, "Sparse.mez", TestZips.builder().add("blank.bin", new byte[1 << 20]).build());

    assertEquals(1 << 20, reader.read(mez).entries().get(0).bytes().length);
  }

  @Test
  void rejectsAZipBombByTheEntrySizeLimitWhenTheRatioIsAllowed() {
    Limits limits = new Limits(1 << 20, 10, 4 << 20, 8 << 20, Long.MAX_VALUE);
    Path mez =
        write(dir, "Bomb.mez", TestZips.builder().add("Contoso.pq", new byte[50 << 20]).build());

    assertInputError(
        mez.toString(),
        () -> new BundleReader(limits).read(mez),
        "entry 'Contoso.pq' is larger than 4 MiB, the limit on the size of one entry");
  }

  @Test
  void rejectsEntriesThatAddUpToMoreThanTheTotalLimit() {
    Limits limits = new Limits(4 << 20, 10, 1 << 20, 1 << 20, 100);
    byte[] third = randomBytes(400 << 10);
    byte[] zip =
        TestZips.builder().add("a.bin", third).add("b.bin", third).add("c.bin", third).build();
    Path mez = write(dir, "Big.mez", zip);

    assertInputError(
        mez.toString(),
        () -> new BundleReader(limits).read(mez),
        "entries add up to more than 1 MiB, the limit on the total size (reached at 'c.bin')");
  }

  @Test
  void countsTheBytesReadWhateverTheHeaderClaims() {
    byte[] zip = TestZips.builder().add("big.bin", randomBytes(3 << 20)).build();
    TestZips.patchCentralHeader(zip, 0, TestZips.CENTRAL_UNCOMPRESSED_SIZE, 4, 100);
    Limits limits = new Limits(8 << 20, 10, 1 << 20, 8 << 20, 100);
    Path mez = write(dir, "Liar.mez", zip);

    assertInputError(
        mez.toString(),
        () -> new BundleReader(limits).read(mez),
        "entry 'big.bin' is larger than 1 MiB");
  }

  // ---- Targets

  @Test
  void rejectsAMissingTarget() {
    Path missing = dir.resolve("Missing.mez");

    InputException error = assertInputError(missing.toString(), () -> reader.read(missing));
    assertEquals("no such file or folder", error.problem());
  }

  @Test
  void rejectsAFolderWhereAFileWasExpected() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("Contoso.mez"));

    assertInputError(
        folder.toString(), () -> reader.read(folder), "is a folder, but a file was expected");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Contoso.zip", "Contoso.txt", "Contoso"})
  void rejectsUnsupportedFileTypesSayingWhatIsSupported(String name) {
    Path file = write(dir, name, goodPackage());

    assertInputError(
        file.toString(),
        () -> reader.read(file),
        "unsupported file type",
        ".mez",
        ".pqx",
        "folder",
        "a .pq or .m file");
  }

  @Test
  void readsAProjectFolderSkippingToolingAndHiddenFiles() throws Exception {
    Path project = Files.createDirectory(dir.resolve("Contoso"));
    write(project, "Contoso.pq", utf8(SECTION_DOCUMENT));
    write(project, "Contoso.query.pq", utf8("Contoso.Feed()"));
    write(project, "Helper.pqm", utf8("1"));
    write(project, "resources.resx", utf8("<root/>"));
    write(project, "Contoso16.png", PNG);
    write(project, "Contoso.mproj", utf8("<Project/>"));
    write(project, "Contoso.sln", utf8(""));
    write(project, "Contoso.mproj.user", utf8(""));
    write(project, ".gitignore", utf8("bin/"));
    Files.createDirectories(project.resolve("bin/AnyCPU/Debug"));
    write(project.resolve("bin/AnyCPU/Debug"), "Contoso.mez", goodPackage());
    Files.createDirectories(project.resolve("obj"));
    Files.createDirectories(project.resolve(".vscode"));
    write(project.resolve(".vscode"), "settings.json", utf8("{}"));
    Files.createSymbolicLink(project.resolve("Linked.pq"), project.resolve("Contoso.pq"));

    Bundle bundle = reader.read(project);

    assertEquals(BundleKind.FOLDER, bundle.kind());
    assertEquals(
        List.of("Contoso.pq", "Contoso.query.pq", "Contoso16.png", "Helper.pqm", "resources.resx"),
        bundle.entries().stream().map(BundleEntry::name).toList());
    assertEquals(
        List.of(
            EntryKind.SECTION_DOCUMENT,
            EntryKind.QUERY_DOCUMENT,
            EntryKind.IMAGE,
            EntryKind.MODULE,
            EntryKind.RESOURCES),
        bundle.entries().stream().map(BundleEntry::kind).toList());
    assertArrayEquals(utf8(SECTION_DOCUMENT), bundle.find("Contoso.pq").orElseThrow().bytes());
  }

  @Test
  void appliesTheLimitsToProjectFolders() throws Exception {
    Path project = Files.createDirectory(dir.resolve("Contoso"));
    for (int i = 0; i < 3; i++) {
      write(project, "file" + i + ".txt", new byte[600]);
    }

    assertInputError(
        project.toString(),
        () -> new BundleReader(new Limits(1 << 20, 2, 1024, 1 << 20, 100)).read(project),
        "more than 2 files, the limit on the number of files");
    assertInputError(
        project.toString(),
        () -> new BundleReader(new Limits(1 << 20, 10, 512, 1 << 20, 100)).read(project),
        "file 'file0.txt' is larger than 512 bytes, the limit on the size of one file");
    assertInputError(
        project.toString(),
        () -> new BundleReader(new Limits(1 << 20, 10, 1024, 1024, 100)).read(project),
        "files add up to more than 1 KiB, the limit on the total size (reached at 'file1.txt')");
  }

  @Test
  void readsASingleSectionDocument() throws Exception {
    Path file = write(dir, "Contoso.pq", utf8(SECTION_DOCUMENT));

    Bundle bundle = reader.read(file);

    assertEquals(BundleKind.FILE, bundle.kind());
    assertEquals(1, bundle.entries().size());
    BundleEntry entry = bundle.entries().get(0);
    assertEquals("Contoso.pq", entry.name());
    assertEquals(EntryKind.SECTION_DOCUMENT, entry.kind());
    assertArrayEquals(utf8(SECTION_DOCUMENT), entry.bytes());
  }

  @Test
  void refusesAModuleOrATestQueryAloneNamingTheFolderToCheck() {
    Path module = write(dir, "Helper.PQM", utf8("1"));
    Path query = write(dir, "Contoso.Query.pq", utf8("Contoso.Contents()"));

    assertInputError(
        module.toString(),
        () -> reader.read(module),
        "a .pqm module is part of a connector, not one",
        "pqcert check " + dir);
    assertInputError(
        query.toString(),
        () -> reader.read(query),
        "a test query file (*.query.pq), not the connector",
        "pqcert check " + dir);
  }

  @Test
  void readsASingleMFile() throws Exception {
    Bundle bundle = reader.read(write(dir, "Contoso.m", utf8("section Contoso;")));

    assertEquals(EntryKind.SECTION_DOCUMENT, bundle.entries().get(0).kind());
  }

  @Test
  void rejectsASingleFileLargerThanTheEntryLimit() {
    Path file = write(dir, "Contoso.pq", new byte[2048]);

    assertInputError(
        file.toString(),
        () -> new BundleReader(new Limits(1 << 20, 10, 1024, 1 << 20, 100)).read(file),
        "file 'Contoso.pq' is larger than 1 KiB");
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  @Test
  void aFolderKnowsThePackagesBuiltFromItByTheNamesOfTheirFiles() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("Contoso"));
    Files.writeString(folder.resolve("Contoso.pq"), SECTION_DOCUMENT);
    Path release = Files.createDirectories(folder.resolve("bin/Release"));
    write(
        release,
        "Contoso.mez",
        TestZips.builder().add("Contoso.m", "section Contoso;").add("client_id", "id").build());
    // Not this connector's build, and a damaged one: both passed over, neither fails the read.
    Path debug = Files.createDirectories(folder.resolve("bin/Debug"));
    write(debug, "Other.mez", TestZips.builder().add("Other.pq", "section Other;").build());
    write(debug, "Contoso.mez", utf8("not a zip"));
    // Deeper than a build writes: not looked at.
    Path deep = Files.createDirectories(folder.resolve("bin/a/b/c/d"));
    write(deep, "Contoso.mez", TestZips.builder().add("Contoso.pq", "section Contoso;").build());

    SourceLayout layout = reader.read(folder).layout();

    assertEquals(
        List.of(
            new SourceLayout.BuiltPackage(
                "bin/Release/Contoso.mez", List.of("Contoso.m", "client_id"))),
        layout.builtPackages());
    assertTrue(layout.builtPackageFor("CLIENT_ID").orElseThrow().holds("CLIENT_ID"));
    assertEquals(
        "bin/Release/Contoso.mez", layout.builtPackageFor("client_secret").orElseThrow().path());
  }
}
