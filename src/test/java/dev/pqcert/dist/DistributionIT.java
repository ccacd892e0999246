package dev.pqcert.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java-only download that {@code mvn package} makes: run from its unpacked zip with nothing but
 * Java, it checks the samples as the checkout does, and the tar.gz holds the same files. Runs in
 * the integration-test phase (failsafe), after the archives exist.
 */
class DistributionIT {
  private static final boolean WINDOWS =
      System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
  private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");

  @TempDir static Path temp;

  private static String top;
  private static Path home;

  @BeforeAll
  static void unpackZip() throws IOException {
    String base = System.getProperty("pqcert.dist");
    assertNotNull(base, "failsafe passes -Dpqcert.dist=target/pqcert-<version>");
    top = Path.of(base).getFileName().toString();
    Path unpacked = Files.createDirectories(temp.resolve("unpacked"));
    try (ZipFile zip = ZipFile.builder().setPath(base + ".zip").get()) {
      for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
        ZipArchiveEntry entry = e.nextElement();
        Path target = unpacked.resolve(entry.getName()).normalize();
        assertTrue(target.startsWith(unpacked), "entry inside the folder: " + entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, target);
        }
        if (!WINDOWS) {
          Files.setPosixFilePermissions(target, permissions(entry.getUnixMode()));
        }
      }
    }
    home = unpacked.resolve(top);
  }

  @Test
  void zipHoldsTheLaunchersJarRulesReadmeAndLicense() throws IOException {
    Map<String, Integer> zip = zipEntries();
    for (String name :
        List.of(
            "bin/pqcert",
            "bin/pqcert.cmd",
            "lib/pqcert.jar",
            "lib/training/Contoso.mez",
            "lib/training/Woodgrove.mez",
            "lib/training/Contoso/Contoso.pq",
            "rules/PQ011.md",
            "README.md",
            "LICENSE")) {
      assertTrue(zip.containsKey(top + "/" + name), "the zip holds " + top + "/" + name);
    }
    for (String name : zip.keySet()) {
      assertTrue(name.startsWith(top + "/"), "every entry is under " + top + "/: " + name);
    }
    assertEquals(0755, zip.get(top + "/bin/pqcert") & 0777, "bin/pqcert is executable in the zip");
    try (Stream<Path> rules = Files.list(Path.of("rules"))) {
      assertEquals(
          rules.filter(p -> p.toString().endsWith(".md")).count(),
          zip.keySet().stream().filter(n -> n.startsWith(top + "/rules/")).count(),
          "every rule document");
    }
  }

  @Test
  void tarGzHoldsTheSameEntriesWithAnExecutableLauncher() throws IOException {
    Map<String, Integer> tar = new TreeMap<>();
    Path archive = Path.of(System.getProperty("pqcert.dist") + ".tar.gz");
    try (InputStream file = Files.newInputStream(archive);
        TarArchiveInputStream in =
            new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(file)))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (!entry.isDirectory()) {
          tar.put(entry.getName(), entry.getMode());
        }
      }
    }
    Map<String, Integer> zip = zipEntries();
    assertEquals(new TreeSet<>(zip.keySet()), new TreeSet<>(tar.keySet()));
    assertEquals(0755, tar.get(top + "/bin/pqcert") & 0777, "bin/pqcert is executable in the tar");
  }

  @Test
  void launchersHaveTheirOwnLineEnds() throws IOException {
    byte[] cmd = Files.readAllBytes(home.resolve("bin/pqcert.cmd"));
    assertTrue(cmd.length > 0);
    for (int i = 0; i < cmd.length; i++) {
      if (cmd[i] == '\n') {
        assertEquals('\r', cmd[i - 1], "bin/pqcert.cmd is CRLF: LF without CR at byte " + i);
      }
    }
    String sh = Files.readString(home.resolve("bin/pqcert"), StandardCharsets.UTF_8);
    assertFalse(sh.contains("\r"), "bin/pqcert is LF only");
  }

  @Test
  void checksTheSamplesWithOnlyJavaAndNeverCallsMaven() throws Exception {
    // A Maven that leaves a mark if called: the download must never build.
    Path fakeBin = Files.createDirectories(temp.resolve("fake-bin"));
    Path mavenCalled = temp.resolve("maven-called");
    if (WINDOWS) {
      Files.writeString(
          fakeBin.resolve("mvn.cmd"),
          "@echo off\r\ntype nul > \"" + mavenCalled + "\"\r\nexit /b 99\r\n");
    } else {
      script(fakeBin.resolve("mvn"), "#!/bin/sh\n: > '" + mavenCalled + "'\nexit 99\n");
    }
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", pathOf(fakeBin, JAVA_BIN));

    Run good = launch(env, Path.of("samples", "good", "Contoso.mez"));
    assertEquals(0, good.exitCode, good.toString());
    assertTrue(
        good.stderr.contains("0 MUST, 0 SHOULD, 1 REVIEW in 1 target; exit 0"), good.toString());
    // The JDK that runs this test can make archives: the first run must have made both, beside
    // the jar, that the JVM maps (-Xshare:on refuses to start otherwise), with no partial file or
    // training folder left behind.
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      assertEquals(
          List.of("pqcert-check.jsa", "pqcert.jar", "pqcert.jsa", "pqcert.jsa.id", "training"),
          lib.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (String name : List.of("pqcert.jsa", "pqcert-check.jsa")) {
      assertArchiveMaps(home.resolve("lib").resolve(name));
    }

    Run bad = launch(env, Path.of("samples", "bad", "Woodgrove.mez"));
    assertEquals(1, bad.exitCode, bad.toString());
    assertTrue(bad.stdout.contains("Woodgrove.pq:5:1  MUST    PQ011  "), bad.toString());
    assertFalse(Files.exists(mavenCalled), "the download's launcher called mvn");
  }

  private static void assertArchiveMaps(Path archive) throws Exception {
    Process mapped =
        new ProcessBuilder(
                JAVA_BIN.resolve(WINDOWS ? "java.exe" : "java").toString(),
                "-Xms8m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1",
                "-XX:-UsePerfData",
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive,
                "-jar",
                home.resolve("lib/pqcert.jar").toString(),
                "--version")
            .redirectErrorStream(true)
            .start();
    String mappedOutput =
        new String(mapped.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, mapped.waitFor(), archive + " maps: " + mappedOutput);
  }

  @Test
  void checkParseAndVersionMapTheSmallerCheckArchiveOtherRunsTheFullOne() throws Exception {
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", pathOf(Files.createDirectories(temp.resolve("no-tools")), JAVA_BIN));
    String sample = Path.of("samples", "good", "Contoso.mez").toAbsolutePath().toString();
    Run first = launch(env, List.of("check", sample)); // trains, unless another test did
    assertEquals(0, first.exitCode, first.toString());
    // What each run maps, and how it ends (a missing baseline is a usage error: exit 2).
    record Expected(String archive, int exitCode) {}
    Map<List<String>, Expected> runs = new LinkedHashMap<>();
    runs.put(List.of("check", sample), new Expected("pqcert-check.jsa", 0));
    runs.put(List.of("check", "--fail-on", "review", sample), new Expected("pqcert-check.jsa", 1));
    runs.put(List.of("parse", sample), new Expected("pqcert-check.jsa", 0));
    runs.put(List.of("--version"), new Expected("pqcert-check.jsa", 0));
    runs.put(List.of("check", "--format", "json", sample), new Expected("pqcert.jsa", 0));
    runs.put(List.of("check", sample, "--format=sarif"), new Expected("pqcert.jsa", 0));
    runs.put(List.of("check", "--baseline", "none.json", sample), new Expected("pqcert.jsa", 2));
    runs.put(List.of("model", sample), new Expected("pqcert.jsa", 0));
    int run = 0;
    for (Map.Entry<List<String>, Expected> expected : runs.entrySet()) {
      // The JVM says which archive it opens, in a log file of its own (relative: the run's folder
      // is temp, and a drive letter's colon would end -Xlog's file name).
      String log = "cds-" + run++ + ".log";
      env.put("JAVA_TOOL_OPTIONS", "-Xlog:cds=info:file=" + log);
      Run result = launch(env, expected.getKey());
      assertEquals(
          expected.getValue().exitCode(), result.exitCode, expected.getKey() + ": " + result);
      String opened = Files.readString(temp.resolve(log), StandardCharsets.UTF_8);
      String archive = home.resolve("lib").resolve(expected.getValue().archive()).toString();
      assertTrue(
          opened.contains("Opened archive " + archive) && !opened.contains("Unable to map"),
          expected.getKey() + " maps " + archive + ": " + result + "\n" + opened);
    }
  }

  @Test
  void javaHomeWinsOverPath() throws Exception {
    Path jdk;
    Path javaUsed = temp.resolve("java-home-used");
    Map<String, String> env = new TreeMap<>();
    if (WINDOWS) {
      // The real JDK, with no java on PATH: only JAVA_HOME can lead the launcher to it.
      jdk = JAVA_BIN.getParent();
      env.put("PATH", System.getenv("SystemRoot") + "\\System32");
    } else {
      // /usr/bin may hold a java: a JDK whose java leaves a mark, then runs the real one.
      jdk = temp.resolve("fake-jdk");
      script(
          Files.createDirectories(jdk.resolve("bin")).resolve("java"),
          "#!/bin/sh\n: > '" + javaUsed + "'\nexec '" + JAVA_BIN.resolve("java") + "' \"$@\"\n");
      env.put("PATH", "/bin:/usr/bin");
    }
    env.put("JAVA_HOME", jdk.toString());
    env.put("PQCERT_CDS", "0");
    Run bad = launch(env, Path.of("samples", "bad", "Woodgrove.mez"));
    assertEquals(1, bad.exitCode, bad.toString());
    assertTrue(WINDOWS || Files.exists(javaUsed), "the launcher ran JAVA_HOME's java");

    env.put("JAVA_HOME", temp.resolve("no-such-jdk").toString());
    Run noJava = launch(env, Path.of("samples", "good", "Contoso.mez"));
    assertEquals(2, noJava.exitCode, noJava.toString());
    assertTrue(noJava.stderr.startsWith("pqcert: JAVA_HOME is "), noJava.toString());
    assertEquals(1, noJava.stderr.lines().count(), "one line on stderr: " + noJava.stderr);
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  /** Runs the unpacked launcher's {@code check} on a sample, with only the given environment. */
  private static Run launch(Map<String, String> env, Path sample) throws Exception {
    return launch(env, List.of("check", sample.toAbsolutePath().toString()));
  }

  /** Runs the unpacked launcher with these arguments, with only the given environment. */
  private static Run launch(Map<String, String> env, List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>();
    if (WINDOWS) {
      command.addAll(List.of("cmd.exe", "/c", home.resolve("bin/pqcert.cmd").toString()));
    } else {
      command.add(home.resolve("bin/pqcert").toString());
    }
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    Map<String, String> environment = builder.environment();
    String systemRoot = environment.get("SystemRoot");
    environment.clear();
    environment.put("HOME", temp.toString());
    if (systemRoot != null) {
      environment.put("SystemRoot", systemRoot);
    }
    environment.putAll(env);
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher finished: " + command);
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The fake tools first, then Java, then the system's own folders (for sh and its tools). */
  private static String pathOf(Path fakeBin, Path javaBin) {
    if (WINDOWS) {
      String system = System.getenv("SystemRoot") + "\\System32";
      return String.join(";", fakeBin.toString(), javaBin.toString(), system);
    }
    return String.join(":", fakeBin.toString(), javaBin.toString(), "/bin", "/usr/bin");
  }

  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, permissions(0755));
  }

  private static Map<String, Integer> zipEntries() throws IOException {
    Map<String, Integer> entries = new TreeMap<>();
    try (ZipFile zip =
        ZipFile.builder().setPath(System.getProperty("pqcert.dist") + ".zip").get()) {
      for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
        ZipArchiveEntry entry = e.nextElement();
        if (!entry.isDirectory()) {
          entries.put(entry.getName(), entry.getUnixMode());
        }
      }
    }
    return entries;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }
}
