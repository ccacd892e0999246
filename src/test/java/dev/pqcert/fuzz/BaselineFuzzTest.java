package dev.pqcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline reader on any bytes: a baseline is used or refused in one line naming it (exit 2),
 * and the check keeps every promise (see {@link Promises}). Seeds: baselines pqcert wrote for the
 * package checked here, and broken ones.
 *
 * <p>A baseline matches findings by the target as given, here a temporary path: {@value #TARGET} in
 * the input stands for it, so the seeds' entries match.
 */
class BaselineFuzzTest {
  static final String TARGET = "@TARGET@";

  @TempDir static Path temp;

  @FuzzTest(maxDuration = "10m")
  void readBaseline(byte[] bytes) {
    Path mez = FuzzPackages.badConnector(temp);
    Path baseline = temp.resolve("baseline.json");
    String jsonPath = mez.toString().replace("\\", "\\\\");
    byte[] baselineBytes =
        new String(bytes, StandardCharsets.ISO_8859_1)
            .replace(TARGET, jsonPath)
            .getBytes(StandardCharsets.ISO_8859_1);
    Promises.write(baseline, baselineBytes);
    String written = new String(baselineBytes, StandardCharsets.UTF_8);
    Promises.Run run = Promises.check(mez, bytes.length, "--baseline", baseline.toString());
    if (run.exit() == 2) {
      assertEquals(1, run.err().lines().count(), () -> "a bad baseline is one line:\n" + run.err());
      Promises.assertStartsWith(run.err(), "pqcert: " + baseline + ": ");
      Matcher place = Pattern.compile(" at line (\\d+), column (\\d+): ").matcher(run.err());
      if (place.find()) {
        Promises.assertParserPlaceInside(
            written, Integer.parseInt(place.group(1)), Integer.parseInt(place.group(2)), run.err());
      }
    }
  }
}
