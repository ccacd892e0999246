package dev.pqcert.check;

import dev.pqcert.bundle.ConnectorDiscovery;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TestReportReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /**
   * What a command line names: the connectors to check, and the test reports submitted with them
   * (see {@link #split}).
   */
  public record Run(List<Target> targets, List<Path> reports) {
    public Run {
      targets = List.copyOf(targets);
      reports = List.copyOf(reports);
    }
  }

  private Targets() {}

  /**
   * The connectors and test reports a command line names. A report is a path given ({@code .pbit},
   * {@code .pbix}, {@code .pbip}, a {@code *.SemanticModel} folder), or one directly inside a
   * submission folder given: a connector folder, or a folder holding packages ({@code .mez}, {@code
   * .pqx}), which are then checked beside the connector projects found as {@link #expand} finds
   * them. Reports are not searched for below: a repository's sample reports join a run only when
   * named.
   */
  public static Run split(List<Path> given) {
    List<Path> reports = new ArrayList<>();
    List<Path> connectors = new ArrayList<>();
    List<Path> packages = new ArrayList<>();
    for (Path path : given) {
      if (TestReportReader.isTestReport(path)) {
        reports.add(path);
        continue;
      }
      connectors.add(path);
      if (Files.isDirectory(path)) {
        // A submission folder: reports beside a connector's sources or beside its package. A
        // repository root that merely keeps sample reports is not one.
        boolean connector = ConnectorDiscovery.isConnector(path);
        List<Path> packagesInside = connector ? List.of() : packagesIn(path);
        if (connector || !packagesInside.isEmpty()) {
          reports.addAll(reportsIn(path));
          packages.addAll(packagesInside);
        }
      }
    }
    List<Target> targets = new ArrayList<>();
    for (Target target : expand(connectors)) {
      // A submission folder holding only a package and a report: the package is its connector.
      boolean packagesFound = packages.stream().anyMatch(p -> p.startsWith(target.path()));
      if (!(target.problem().equals(Optional.of(NO_CONNECTOR)) && packagesFound)) {
        targets.add(target);
      }
    }
    packages.forEach(p -> targets.add(new Target(p, Optional.empty())));
    return new Run(targets, reports);
  }

  /**
   * The test reports directly inside a folder, by name; a project's {@code *.SemanticModel} folder
   * is left out when its {@code .pbip} file is there (the file reads the folder).
   */
  private static List<Path> reportsIn(Path folder) {
    List<Path> found = new ArrayList<>();
    for (Path child : children(folder)) {
      if (TestReportReader.isTestReport(child)) {
        found.add(child);
      }
    }
    List<String> projects =
        found.stream()
            .map(p -> p.getFileName().toString())
            .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".pbip"))
            .map(n -> n.substring(0, n.length() - ".pbip".length()))
            .toList();
    return found.stream()
        .filter(
            p -> {
              String name = p.getFileName().toString();
              int dot = name.lastIndexOf('.');
              return !Files.isDirectory(p) || dot < 0 || !projects.contains(name.substring(0, dot));
            })
        .toList();
  }

  private static List<Path> packagesIn(Path folder) {
    return children(folder).stream()
        .filter(Files::isRegularFile)
        .filter(
            p -> {
              String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
              return lower.endsWith(".mez") || lower.endsWith(".pqx");
            })
        .toList();
  }

  private static List<Path> children(Path folder) {
    try (java.util.stream.Stream<Path> list = Files.list(folder)) {
      return list.sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (java.io.IOException | RuntimeException unreadable) {
      return List.of(); // a folder that cannot be listed is said when it is checked
    }
  }

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
