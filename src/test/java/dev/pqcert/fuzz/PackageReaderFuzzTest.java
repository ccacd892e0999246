package dev.pqcert.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package reader on any bytes: a {@code .mez} that is a zip, a damaged zip or no zip at all is
 * checked, or refused in one line, keeping every promise (see {@link Promises}). Seeds: our sample
 * packages and small packages built from fixtures.
 */
class PackageReaderFuzzTest {
  @TempDir static Path temp;

  @FuzzTest(maxDuration = "10m")
  void readPackage(byte[] bytes) {
    Path mez = temp.resolve("Fuzzed.mez");
    Promises.write(mez, bytes);
    Promises.check(mez, bytes.length);
  }
}
