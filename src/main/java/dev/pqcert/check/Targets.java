package dev.pqcert.check;

import dev.pqcert.bundle.ConnectorDiscovery;
import dev.pqcert.bundle.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets a command line names: each path as given, except a folder that is not a connector
 * project itself (a repository root, a folder of connectors), which stands for the connector
 * projects found below it, each its own target.
 */
public final class Targets {
  private static final String NO_CONNECTOR = "no connector found";

  /**
   * One target: a path to check, or a folder with nothing to check in it.
   *
   * @param problem why the path cannot be checked, one line; empty for a target to check
   */
  public record Target(Path path, Optional<String> problem) {}

  private Targets() {}

  public static List<Target> expand(List<Path> given) {
    List<Target> targets = new ArrayList<>();
    for (Path path : given) {
      if (!Files.isDirectory(path) || ConnectorDiscovery.isConnector(path)) {
        targets.add(new Target(path, Optional.empty()));
        continue;
      }
      List<Path> found;
      try {
        found = ConnectorDiscovery.below(path, path.toString());
      } catch (InputException tooMany) {
        targets.add(new Target(path, Optional.of(tooMany.problem())));
        continue;
      }
      if (found.isEmpty()) {
        targets.add(new Target(path, Optional.of(NO_CONNECTOR)));
      }
      // As found, relative to the path given: "src/Contoso" for "." and "./src/Contoso".
      found.forEach(folder -> targets.add(new Target(folder.normalize(), Optional.empty())));
    }
    return targets;
  }
}
