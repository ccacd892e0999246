package dev.pqcert.cli;

import dev.pqcert.rules.RuleDoc;
import dev.pqcert.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Connectors for {@code train-archive} to check beside the samples, so that the archive holds what
 * real checks touch and the samples do not: every rule's findings, messages and fixes, and the two
 * kinds of SDK project file. Written to a working folder; the training needs their code paths, not
 * their verdicts.
 */
final class TrainingInputs {
  private static final Pattern FILE_LINE = Pattern.compile("(?m)^// file: (\\S+)(.*)$");

  private TrainingInputs() {}

  /**
   * Every rule's bad and good example: a one-file example as {@code PQnnn-bad.pq}, one of several
   * files ({@code // file: Name} lines) as a folder of them, leaving out the images and re-encoded
   * files such lines describe. The paths to check, in rule order.
   */
  static List<String> ruleExamples(Path folder) throws IOException {
    List<String> written = new ArrayList<>();
    for (String id : RuleRegistry.builtIn().ids()) {
      RuleDoc doc = RuleDoc.load(id);
      for (String kind : List.of("bad", "good")) {
        Optional<String> example = doc.example(kind.equals("bad") ? "Bad example" : "Good example");
        if (example.isPresent()) {
          written.add(example(folder, id + "-" + kind, example.get()).toString());
        }
      }
    }
    return written;
  }

  private static Path example(Path folder, String name, String example) throws IOException {
    Files.createDirectories(folder);
    Matcher file = FILE_LINE.matcher(example);
    if (!file.find()) {
      return Files.writeString(folder.resolve(name + ".pq"), example, StandardCharsets.UTF_8);
    }
    Path connector = Files.createDirectories(folder.resolve(name));
    while (true) {
      String fileName = Path.of(file.group(1)).getFileName().toString();
      boolean described = !file.group(2).isBlank(); // an image or a re-encoded file
      int start = file.end();
      boolean more = file.find();
      String text = example.substring(start, more ? file.start() : example.length()).strip();
      if (!described) {
        Files.writeString(connector.resolve(fileName), text + "\n", StandardCharsets.UTF_8);
      }
      if (!more) {
        return connector;
      }
    }
  }

  /**
   * A connector folder's files twice, each copy with a project file of its own: the older SDK's
   * {@code .mproj} (its files as {@code Compile} items, with conditions and properties) and the
   * newer one's {@code .proj} ({@code MezContent} items, icons by wildcard), each under a
   * configuration file (JSON for one, YAML for the other). The two folders.
   */
  static List<String> projects(Path folder, Path connector) throws IOException {
    String name = connector.getFileName().toString();
    List<String> files = new ArrayList<>();
    try (Stream<Path> children = Files.list(connector)) {
      for (Path child : children.sorted().toList()) {
        if (Files.isRegularFile(child)) {
          files.add(child.getFileName().toString());
        }
      }
    }
    StringBuilder compile = new StringBuilder();
    StringBuilder content = new StringBuilder();
    for (String file : files) {
      if (!file.endsWith(".png")) {
        compile.append("    <Compile Include=\"").append(file).append("\" />\n");
        content.append("    <MezContent Include=\"").append(file).append("\" />\n");
      }
    }
    String mproj =
        "<Project DefaultTargets=\"BuildExtension\""
            + " xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n"
            + "  <PropertyGroup>\n"
            + "    <Configuration Condition=\" '$(Configuration)' == '' \">Debug</Configuration>\n"
            + "  </PropertyGroup>\n"
            + "  <PropertyGroup Condition=\" '$(Configuration)' == 'Debug' \">\n"
            + "    <OutputPath>bin\\Debug\\</OutputPath>\n"
            + "  </PropertyGroup>\n"
            + "  <ItemGroup>\n"
            + compile
            + "    <Compile Include=\"*.png\" />\n"
            + "  </ItemGroup>\n"
            + "</Project>\n";
    String proj =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<Project DefaultTargets=\"BuildMez\">\n"
            + "  <PropertyGroup>\n"
            + "    <OutputPath Condition=\"'$(OutputPath)' == ''\">"
            + "$(MSBuildProjectDirectory)\\bin\\</OutputPath>\n"
            + "    <MezOutputPath>$(OutputPath)$(MsBuildProjectName).mez</MezOutputPath>\n"
            + "  </PropertyGroup>\n"
            + "  <ItemGroup>\n"
            + content
            + "    <MezContent Include=\"*.png\" />\n"
            + "  </ItemGroup>\n"
            + "</Project>\n";
    List<String> written = new ArrayList<>();
    for (String[] project : List.of(new String[] {"mproj", mproj}, new String[] {"proj", proj})) {
      Path copy = Files.createDirectories(folder.resolve(project[0]).resolve(name));
      for (String file : files) {
        Files.copy(connector.resolve(file), copy.resolve(file));
      }
      Files.writeString(copy.resolve(name + "." + project[0]), project[1], StandardCharsets.UTF_8);
      written.add(copy.toString());
    }
    // A configuration file over each copy, one JSON and one YAML: checks read them.
    Files.writeString(
        folder.resolve("mproj").resolve("pqcert.json"),
        "{\"release\": \"update\", \"rules\": {\"PQ013\": \"off\", \"PQ015\": \"review\"},"
            + " \"ignore\": {\"*.pqm\": [\"PQ059\"]}, \"functionNames\": [\"Sync\"]}\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("proj").resolve("pqcert.yaml"),
        "failOn: should\nrules:\n  PQ021: must\n",
        StandardCharsets.UTF_8);
    return written;
  }
}
