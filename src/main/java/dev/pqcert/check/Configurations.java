package dev.pqcert.check;

import dev.pqcert.config.Config;
import dev.pqcert.config.ConfigException;
import dev.pqcert.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration for each target of a run: the file given with {@code --config}, else the one
 * {@link ConfigLoader#discover} finds for the target, else the defaults. Each file is read once,
 * when the first target that uses it is checked.
 */
final class Configurations {
  private final ConfigLoader loader;
  private final Optional<Path> given;
  private final Map<Path, Config> read = new HashMap<>();

  Configurations(ConfigLoader loader, Optional<Path> given) {
    this.loader = loader;
    this.given = given;
  }

  Config forTarget(Path target) throws UsageException {
    try {
      Optional<Path> file = given.isPresent() ? given : ConfigLoader.discover(target);
      if (file.isEmpty()) {
        return Config.DEFAULTS;
      }
      Config cached = read.get(file.get());
      if (cached == null) {
        if (!Files.isRegularFile(file.get())) {
          throw new UsageException(file.get() + ": no such configuration file");
        }
        cached = loader.load(file.get());
        read.put(file.get(), cached);
      }
      return cached;
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
