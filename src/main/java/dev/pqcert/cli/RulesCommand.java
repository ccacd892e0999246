package dev.pqcert.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pqcert.json.Json;
import dev.pqcert.rules.RuleDoc;
import dev.pqcert.rules.RuleRegistry;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pqcert rules}: the rules, with id, level and title. */
@Command(
    addMethodSubcommands = false,
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists the rules: id, level (MUST, SHOULD, REVIEW) and title.")
final class RulesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  String format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RuleRegistry registry = RuleRegistry.builtIn();
    switch (format) {
      case "text":
        for (RuleDoc doc : registry.docs()) {
          out.print(
              String.format(Locale.ROOT, "%s  %-6s  %s\n", doc.id(), doc.level(), doc.title()));
        }
        break;
      case "json":
        ObjectMapper json = new ObjectMapper();
        ArrayNode rules = json.createArrayNode();
        for (RuleDoc doc : registry.docs()) {
          rules
              .addObject()
              .put("id", doc.id())
              .put("level", doc.level().name())
              .put("title", doc.title())
              .put("requirement", doc.requirement());
        }
        out.print(Json.pretty(json, json.createObjectNode().set("rules", rules)));
        break;
      default:
        spec.commandLine().getErr().println("pqcert: --format " + format + ": use text or json");
        return ExitCodes.INPUT_ERROR;
    }
    out.flush();
    return ExitCodes.OK;
  }
}
