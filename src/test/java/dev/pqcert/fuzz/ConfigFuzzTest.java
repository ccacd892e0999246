package dev.pqcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration reader on any bytes, as {@code pqcert.json} and as {@code pqcert.yaml}: a
 * configuration is used or refused in one line naming it, at a place inside it when it names one,
 * and the check keeps every promise (see {@link Promises}). Seeds: our configuration fixtures and
 * the README's examples.
 */
class ConfigFuzzTest {
  @TempDir static Path temp;

  @FuzzTest(maxDuration = "10m")
  void readJson(byte[] bytes) {
    checkWith("pqcert.json", bytes);
  }

  @FuzzTest(maxDuration = "10m")
  void readYaml(byte[] bytes) {
    checkWith("pqcert.yaml", bytes);
  }

  private static void checkWith(String name, byte[] bytes) {
    Path mez = FuzzPackages.badConnector(temp);
    Path config = temp.resolve(name);
    Promises.write(config, bytes);
    Promises.Run run = Promises.check(mez, bytes.length, "--config", config.toString());
    if (run.exit() == 2) {
      assertEquals(
          1, run.err().lines().count(), () -> "a bad configuration is one line:\n" + run.err());
      Promises.assertStartsWith(run.err(), "pqcert: " + config);
      Matcher place =
          Pattern.compile(Pattern.quote("pqcert: " + config) + ":(\\d+):(\\d+): ")
              .matcher(run.err());
      if (place.find()) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Promises.assertParserPlaceInside(
            text.startsWith("\uFEFF") ? text.substring(1) : text,
            Integer.parseInt(place.group(1)),
            Integer.parseInt(place.group(2)),
            run.err());
      }
    }
  }
}
