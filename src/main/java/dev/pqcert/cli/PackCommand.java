package dev.pqcert.cli;

import dev.pqcert.bundle.EntryKind;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.MezPacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pqcert pack}: a deterministic .mez from a connector source folder. */
@Command(
    addMethodSubcommands = false,
    name = "pack",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a .mez from a connector source folder: the section document, .pqm modules, .resx"
          + " files, icons and other data files at the top level (not *.query.pq, bin/, obj/,"
          + " *.mproj).",
      "The same sources always give byte-identical packages."
    })
final class PackCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SOURCE_FOLDER", description = "The connector's folder.")
  Path source;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The .mez to write.")
  Path output;

  @Override
  public Integer call() {
    try {
      List<String> files = MezPacker.packageableFiles(source);
      if (files.stream()
          .noneMatch(name -> EntryKind.classify(name) == EntryKind.SECTION_DOCUMENT)) {
        // A package without one is no connector: likely the wrong folder, or a parent of the right
        // one.
        spec.commandLine()
            .getErr()
            .println(
                "pqcert: "
                    + source
                    + ": no section document (X.pq) to pack; name the connector's source folder");
        return ExitCodes.INPUT_ERROR;
      }
      byte[] mez = MezPacker.pack(source);
      Files.write(output, mez);
      spec.commandLine().getErr().println("packed " + files.size() + " files into " + output);
      return ExitCodes.OK;
    } catch (InputException e) {
      spec.commandLine().getErr().println("pqcert: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println("pqcert: " + output + ": cannot write: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
  }
}
