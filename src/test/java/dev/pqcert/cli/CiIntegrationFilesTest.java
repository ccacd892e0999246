package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The files that run pqcert in CI systems and editors (the GitHub Action, the Azure Pipelines
 * example, the pre-commit hook, the VS Code task): each command line they hold is read as its shell
 * would read it, parsed by {@link CheckCommand}'s own picocli model (so every option exists), and
 * run; the report files the next step reads are the ones the command wrote.
 */
class CiIntegrationFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSONC =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BAD = "samples/bad/Woodgrove.mez";

  @TempDir Path temp;

  /** The arguments from {@code check} on, parsed by the real command line of {@code check}. */
  private static List<String> checkArguments(List<String> words) {
    int check = words.indexOf("check");
    assertTrue(check >= 0, "a pqcert check command: " + words);
    List<String> arguments = words.subList(check, words.size());
    String[] given = arguments.toArray(String[]::new);
    CommandLine commandLine = Main.commandLine(Environment.system(), given);
    try {
      CommandLine.ParseResult parsed = commandLine.parseArgs(given);
      assertTrue(parsed.hasSubcommand(), arguments.toString());
      assertTrue(parsed.subcommand().unmatched().isEmpty(), arguments.toString());
    } catch (CommandLine.ParameterException e) {
      fail("pqcert check does not take " + arguments + ": " + e.getMessage());
    }
    return List.copyOf(arguments);
  }

  /** The value of each {@code --format}, in order. */
  private static List<String> formats(List<String> arguments) {
    List<String> formats = new ArrayList<>();
    for (int i = 0; i < arguments.size() - 1; i++) {
      if (arguments.get(i).equals("--format")) {
        formats.add(arguments.get(i + 1));
      }
    }
    return formats;
  }

  /** The file a {@code --format NAME=FILE} writes. */
  private static String reportFile(List<String> arguments, String format) {
    for (String spec : formats(arguments)) {
      if (spec.startsWith(format + "=")) {
        return spec.substring(format.length() + 1);
      }
    }
    throw new AssertionError("no --format " + format + "=FILE in " + arguments);
  }

  // ---------------------------------------------------------------- GitHub Action

  @Test
  void theGithubActionRunsARealCheckAndUploadsTheSarifItWrote() throws IOException {
    String text = Files.readString(Path.of("action.yml"), StandardCharsets.UTF_8);
    JsonNode action = YAML.readTree(text);
    assertEquals("composite", action.path("runs").path("using").asText());
    JsonNode inputs = action.path("inputs");
    Set<String> referenced = new TreeSet<>();
    Matcher reference = Pattern.compile("\\binputs\\.([A-Za-z0-9_-]+)").matcher(text);
    while (reference.find()) {
      referenced.add(reference.group(1));
    }
    for (String name : referenced) {
      assertTrue(
          inputs.has(name), "action.yml uses inputs." + name + ", which it does not declare");
    }
    for (String name :
        List.of("path", "fail-on", "release", "java-version", "sarif-file", "upload-sarif")) {
      assertTrue(inputs.has(name), name);
      assertTrue(referenced.contains(name), "input " + name + " is declared but not used");
    }

    JsonNode steps = action.path("runs").path("steps");
    JsonNode java = step(steps, s -> s.path("uses").asText().startsWith("actions/setup-java@"));
    assertEquals("${{ inputs.java-version }}", java.path("with").path("java-version").asText());
    assertTrue(inputs.path("java-version").path("default").asInt() >= 17);

    Path sarif = temp.resolve("results dir/pqcert.sarif");
    Files.createDirectories(sarif.getParent());
    Map<String, String> given = new HashMap<>();
    given.put("path", BAD + "\n\n");
    given.put("fail-on", "must");
    given.put("release", "initial");
    given.put("sarif-file", sarif.toString());
    given.put("jar", "");
    CheckedRun run = runActionCheck(steps, inputs, given);
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().startsWith("::error file="), "annotations on stdout: " + run.out());
    assertTrue(Files.readString(Path.of(reportFile(run.arguments(), "text"))).contains("PQ011"));
    assertEquals(sarif.toString(), reportFile(run.arguments(), "sarif"));
    assertEquals(
        "2.1.0", JSON.readTree(sarif.toFile()).path("version").asText(), "the SARIF written");
    assertTrue(run.arguments().containsAll(List.of("--fail-on", "must", "--release", "initial")));

    JsonNode upload =
        step(steps, s -> s.path("uses").asText().startsWith("github/codeql-action/upload-sarif@"));
    assertEquals(
        sarif.toString(),
        withInputs(upload.path("with").path("sarif_file").asText(), inputs, given),
        "the SARIF uploaded is the one written");
    assertTrue(upload.path("if").asText().contains("always()"), "uploaded when findings fail");
    assertTrue(upload.path("if").asText().contains("inputs.upload-sarif == 'true'"));

    // Empty inputs leave the options out; the configuration decides.
    given.put("fail-on", "");
    given.put("release", "");
    given.put("path", "samples/good/Contoso.mez");
    CheckedRun defaults = runActionCheck(steps, inputs, given);
    assertEquals(0, defaults.exit(), defaults.err());
    assertFalse(defaults.arguments().contains("--fail-on"), defaults.arguments().toString());
    assertFalse(defaults.arguments().contains("--release"), defaults.arguments().toString());
  }

  private record CheckedRun(List<String> arguments, int exit, String out, String err) {}

  /**
   * Reads the check step's script as bash would for these inputs: its environment, then its
   * assignments and conditional options, then the {@code java -jar} command line, which it runs.
   */
  private CheckedRun runActionCheck(JsonNode steps, JsonNode inputs, Map<String, String> given) {
    JsonNode check = step(steps, s -> s.path("run").asText().contains(" check "));
    assertEquals("bash", check.path("shell").asText());
    Shell shell = new Shell();
    shell.variables.put("RUNNER_TEMP", temp.toString());
    shell.variables.put("GITHUB_ACTION_PATH", Path.of("").toAbsolutePath().toString());
    shell.variables.put("GITHUB_RUN_ID", "1");
    shell.variables.put("RANDOM", "4");
    check
        .path("env")
        .fields()
        .forEachRemaining(
            e -> shell.variables.put(e.getKey(), withInputs(e.getValue().asText(), inputs, given)));
    List<String> command = null;
    for (String line : check.path("run").asText().split("\n", -1)) {
      command = shell.interpret(line.strip()).orElse(command);
    }
    assertTrue(command != null, "a java -jar command");
    assertEquals(List.of("java", "-jar"), command.subList(0, 2));
    List<String> arguments = checkArguments(command);
    CliTest.Run run = CliTest.run(arguments.toArray(String[]::new));
    return new CheckedRun(arguments, run.exit(), run.out(), run.err());
  }

  /** A step's text with {@code ${{ inputs.NAME }}} replaced by the input given, or its default. */
  private static String withInputs(String text, JsonNode inputs, Map<String, String> given) {
    Matcher matcher = Pattern.compile("\\$\\{\\{\\s*inputs\\.([A-Za-z0-9_-]+)\\s*}}").matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      assertTrue(inputs.has(name), name);
      String value =
          given.containsKey(name) ? given.get(name) : inputs.path(name).path("default").asText();
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static JsonNode step(JsonNode steps, java.util.function.Predicate<JsonNode> which) {
    for (JsonNode step : steps) {
      if (which.test(step)) {
        return step;
      }
    }
    throw new AssertionError("no such step in " + steps);
  }

  // ---------------------------------------------------------------- Azure Pipelines

  @Test
  void theAzurePipelineRunsARealCheckAndPublishesTheJunitItWrote() throws IOException {
    JsonNode pipeline = YAML.readTree(Path.of("docs/ci/azure-pipelines.yml").toFile());
    Map<String, String> variables = new LinkedHashMap<>();
    pipeline
        .path("variables")
        .fields()
        .forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
    // What the agent defines, and the connector of this test.
    variables.put("Common.TestResultsDirectory", temp.toString());
    variables.put("connector", BAD);
    JsonNode steps = pipeline.path("steps");

    JsonNode java = step(steps, s -> s.path("task").asText().startsWith("JavaToolInstaller@"));
    assertTrue(java.path("inputs").path("versionSpec").asInt() >= 17);

    JsonNode script = step(steps, s -> s.path("script").asText().contains(" check "));
    String line = macros(script.path("script").asText().strip(), variables);
    assertFalse(line.contains("\n"), "one command line, read alike by bash and cmd.exe");
    List<String> arguments = checkArguments(new Shell().words(line));
    assertTrue(formats(arguments).contains("azure"), arguments.toString());
    String junit = reportFile(arguments, "junit");

    CliTest.Run run = CliTest.run(arguments.toArray(String[]::new));
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().startsWith("##vso[task.logissue type=error;"), run.out());
    assertTrue(run.out().endsWith("##vso[task.complete result=Failed;]\n"), run.out());

    JsonNode publish = step(steps, s -> s.path("task").asText().equals("PublishTestResults@2"));
    assertEquals("always()", publish.path("condition").asText());
    assertEquals("JUnit", publish.path("inputs").path("testResultsFormat").asText());
    String published = macros(publish.path("inputs").path("testResultsFiles").asText(), variables);
    assertEquals(junit, published, "the JUnit report published is the one written");
    assertTrue(Files.readString(Path.of(published)).contains("<testsuites name=\"pqcert\""));
  }

  /** Replaces each {@code $(name)} by its variable, as the agent does before a step runs. */
  private static String macros(String text, Map<String, String> variables) {
    Matcher matcher = Pattern.compile("\\$\\(([A-Za-z0-9_.]+)\\)").matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = variables.get(matcher.group(1));
      assertTrue(value != null, "the pipeline defines no variable " + matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(macros(value, variables)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  // ---------------------------------------------------------------- pre-commit

  @Test
  void thePreCommitHookChecksTheConnectorsWhenAnMFileOrItsResourcesChange() throws IOException {
    JsonNode hooks = YAML.readTree(Path.of(".pre-commit-hooks.yaml").toFile());
    assertEquals(1, hooks.size());
    JsonNode hook = hooks.get(0);
    assertEquals("pqcert", hook.path("id").asText());
    assertFalse(hook.path("pass_filenames").asBoolean(true), "pqcert checks folders, not files");

    Pattern files = Pattern.compile(hook.path("files").asText());
    for (String changed :
        List.of("Contoso.pq", "connectors/Contoso/Helpers.pqm", "Query.m", "resources.resx")) {
      assertTrue(files.matcher(changed).find(), changed);
    }
    for (String unrelated : List.of("README.md", "Contoso.mez", "build.pqx", "notes.pq.txt")) {
      assertFalse(files.matcher(unrelated).find(), unrelated);
    }

    List<String> entry = new Shell().words(hook.path("entry").asText());
    assertEquals("script", hook.path("language").asText());
    Path launcher = Path.of(entry.get(0));
    assertTrue(
        Files.readString(launcher).startsWith("#!"), "the script the hook runs: " + launcher);
    List<String> words = new ArrayList<>(entry);
    hook.path("args").forEach(arg -> words.add(arg.asText()));
    List<String> arguments = checkArguments(words);
    assertEquals(List.of("check", "."), arguments, "the repository root, every connector in it");

    // As it runs in a connector repository: here, the sample's folder stands for it.
    List<String> inSample = new ArrayList<>(arguments);
    inSample.set(inSample.size() - 1, "samples/good/Contoso");
    CliTest.Run run = CliTest.run(inSample.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
  }

  // ---------------------------------------------------------------- VS Code

  @Test
  void theVsCodeProblemMatchersCaptureEveryLocatedFindingOfTheTextReport() throws IOException {
    JsonNode tasks = JSONC.readTree(Path.of("docs/vscode/tasks.json").toFile());
    JsonNode task = tasks.path("tasks").get(0);
    List<String> command = new ArrayList<>();
    command.add(task.path("command").asText());
    task.path("args").forEach(arg -> command.add(arg.asText()));
    assertEquals(List.of("java", "-jar"), command.subList(0, 2));
    List<String> arguments = new ArrayList<>(checkArguments(command));
    assertEquals(".", arguments.get(arguments.size() - 1), "the open folder");
    assertEquals("1", task.path("options").path("env").path("NO_COLOR").asText());

    Map<String, Pattern> bySeverity = new LinkedHashMap<>();
    for (JsonNode matcher : task.path("problemMatcher")) {
      String regexp = matcher.path("pattern").path("regexp").asText();
      // Constructs JavaScript (which VS Code runs) reads otherwise, or not at all.
      for (String javaOnly : List.of("(?<", "(?i", "++", "*+", "?+", "\\A", "\\Z", "\\z", "\\p{")) {
        assertFalse(regexp.contains(javaOnly), javaOnly + " in " + regexp);
      }
      JsonNode pattern = matcher.path("pattern");
      assertEquals(
          List.of(1, 2, 3, 4, 5, 6, 7),
          List.of(
              pattern.path("file").asInt(),
              pattern.path("line").asInt(),
              pattern.path("column").asInt(),
              pattern.path("endLine").asInt(),
              pattern.path("endColumn").asInt(),
              pattern.path("code").asInt(),
              pattern.path("message").asInt()));
      bySeverity.put(matcher.path("severity").asText(), Pattern.compile(regexp));
    }
    assertEquals(List.of("error", "warning", "info"), List.copyOf(bySeverity.keySet()));
    Map<String, String> severityOf = Map.of("MUST", "error", "SHOULD", "warning", "REVIEW", "info");

    int located = 0;
    for (String target :
        List.of(
            "samples/bad/Fabrikam.mez",
            "src/test/resources/fixtures/PQ050/credential_parts.pq",
            "samples/good/Contoso")) {
      List<String> args = new ArrayList<>(arguments);
      args.set(args.size() - 1, target);
      String text = CliTest.run(args.toArray(String[]::new)).out();
      List<String> lines = text.lines().toList();
      JsonNode json =
          JSON.readTree(CliTest.run("check", "--format", "json", target).out())
              .path("targets")
              .get(0)
              .path("findings");
      int matched = 0;
      for (String line : lines) {
        for (Map.Entry<String, Pattern> matcher : bySeverity.entrySet()) {
          if (matcher.getValue().matcher(line).matches()) {
            matched++;
          }
        }
      }
      for (JsonNode finding : json) {
        if (!finding.has("file") || finding.path("file").isNull()) {
          continue;
        }
        located++;
        String severity = severityOf.get(finding.path("level").asText());
        Matcher found = null;
        for (String line : lines) {
          Matcher m = bySeverity.get(severity).matcher(line);
          if (m.matches()
              && m.group(6).equals(finding.path("rule").asText())
              && m.group(7).equals(finding.path("message").asText())) {
            found = m;
          }
        }
        assertTrue(found != null, severity + " matcher finds " + finding + " in\n" + text);
        assertTrue(found.group(1).endsWith(finding.path("file").asText()), found.group(1));
        assertEquals(finding.path("line").asText(), found.group(2));
        assertEquals(finding.path("column").asText(), found.group(3));
      }
      long locatedHere =
          java.util.stream.StreamSupport.stream(json.spliterator(), false)
              .filter(f -> f.has("file") && !f.path("file").isNull())
              .count();
      assertEquals(locatedHere, matched, "one match per located finding, no other line:\n" + text);
    }
    assertTrue(located >= 8, "findings of every level were matched: " + located);
  }

  // ---------------------------------------------------------------- a little of bash

  /**
   * Just enough of bash to read the command lines of these files: words with single and double
   * quotes, {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}}, {@code "${ARRAY[@]}"},
   * assignments, and {@code if [ -n "$X" ]; then ARRAY+=(...); fi}. A variable the test does not
   * know fails it.
   */
  private static final class Shell {
    final Map<String, String> variables = new HashMap<>();
    final Map<String, List<String>> arrays = new HashMap<>();
    private int loops;

    private static final Pattern ASSIGN = Pattern.compile("([A-Za-z_]\\w*)=(\"[^\"]*\")");
    private static final Pattern EMPTY_ARRAY = Pattern.compile("([A-Za-z_]\\w*)=\\(\\)");
    private static final Pattern APPEND_IF_SET =
        Pattern.compile(
            "if \\[ -n \"\\$([A-Za-z_]\\w*)\" ]; then ([A-Za-z_]\\w*)\\+=\\((.*)\\); fi");
    private static final Pattern ARRAY_WORD = Pattern.compile("\"\\$\\{([A-Za-z_]\\w*)\\[@]}\"");

    /**
     * Takes in one line of a script (a loop's body is left out): the words of the java -jar command
     * when it is that.
     */
    java.util.Optional<List<String>> interpret(String line) {
      Matcher m;
      if (line.startsWith("while ")) {
        loops++;
      } else if (line.startsWith("done")) {
        loops--;
        // The script's one loop reads the non-blank lines of the paths input into targets.
        List<String> targets = new ArrayList<>();
        for (String target : variables.get("PQCERT_PATHS").split("\\R", -1)) {
          if (!target.isBlank()) {
            targets.add(target);
          }
        }
        arrays.put("targets", targets);
      } else if (loops > 0) {
        return java.util.Optional.empty();
      } else if ((m = ASSIGN.matcher(line)).matches()) {
        variables.put(m.group(1), words(m.group(2)).get(0));
      } else if ((m = EMPTY_ARRAY.matcher(line)).matches()) {
        arrays.put(m.group(1), new ArrayList<>());
      } else if ((m = APPEND_IF_SET.matcher(line)).matches()) {
        if (!expand("\"$" + m.group(1) + "\"").isEmpty()) {
          arrays.get(m.group(2)).addAll(words(m.group(3)));
        }
      } else if (line.startsWith("java -jar ")) {
        return java.util.Optional.of(words(line));
      }
      return java.util.Optional.empty();
    }

    /** The words of a command, up to an unquoted {@code ||}, {@code &&}, {@code ;} or {@code |}. */
    List<String> words(String line) {
      List<String> raw = new ArrayList<>();
      StringBuilder word = new StringBuilder();
      char quote = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != 0) {
          word.append(c);
          quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
          word.append(c);
          quote = c;
        } else if (Character.isWhitespace(c)) {
          if (word.length() > 0) {
            raw.add(word.toString());
            word.setLength(0);
          }
        } else if (c == '|' || c == '&' || c == ';') {
          break;
        } else {
          word.append(c);
        }
      }
      assertEquals(0, quote, "unbalanced quotes in " + line);
      if (word.length() > 0) {
        raw.add(word.toString());
      }
      List<String> words = new ArrayList<>();
      for (String w : raw) {
        Matcher array = ARRAY_WORD.matcher(w);
        if (array.matches()) {
          List<String> values = arrays.get(array.group(1));
          assertTrue(values != null, "unknown array " + array.group(1));
          words.addAll(values);
        } else {
          words.add(expand(w));
        }
      }
      return words;
    }

    /** One word: quotes removed, variables replaced. */
    private String expand(String word) {
      StringBuilder out = new StringBuilder();
      char quote = 0;
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (quote == '\'') {
          if (c == '\'') {
            quote = 0;
          } else {
            out.append(c);
          }
        } else if (c == '"' || (c == '\'' && quote == 0)) {
          quote = quote == c ? 0 : c;
        } else if (c == '$') {
          int end;
          String name;
          String fallback = null;
          if (i + 1 < word.length() && word.charAt(i + 1) == '{') {
            end = word.indexOf('}', i);
            name = word.substring(i + 2, end);
            int dash = name.indexOf(":-");
            if (dash >= 0) {
              fallback = name.substring(dash + 2);
              name = name.substring(0, dash);
            }
            end++;
          } else {
            end = i + 1;
            while (end < word.length()
                && (Character.isLetterOrDigit(word.charAt(end)) || word.charAt(end) == '_')) {
              end++;
            }
            name = word.substring(i + 1, end);
          }
          String value = variables.get(name);
          assertTrue(value != null, "the test does not know $" + name);
          out.append(value.isEmpty() && fallback != null ? expand("\"" + fallback + "\"") : value);
          i = end - 1;
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }
}
