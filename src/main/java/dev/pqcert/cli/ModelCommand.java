package dev.pqcert.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.TestReportReader;
import dev.pqcert.check.Targets;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ConnectorModelBuilder;
import dev.pqcert.model.ParsedReport;
import dev.pqcert.model.Submission;
import dev.pqcert.parse.DeepStack;
import dev.pqcert.report.ModelReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pqcert model}: prints the connector model's facts, the rules' inputs. */
@Command(
    addMethodSubcommands = false,
    name = "model",
    mixinStandardHelpOptions = true,
    description = {
      "Prints what pqcert understood of a connector: section, data source kinds with their"
          + " authentication and TestConnection, exported functions with signatures and"
          + " documentation, publish records. This is how to see why a rule fired or did not."
    })
final class ModelCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "What to read (as for check).")
  List<Path> targets;

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "Output format: json (the only one for now).")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("json")) {
      err.println("pqcert: --format " + format + ": the model is printed as json");
      return ExitCodes.INPUT_ERROR;
    }
    ObjectNode root = new ObjectMapper().createObjectNode();
    ArrayNode results = root.putArray("targets");
    boolean unreadable = false;
    Targets.Run run = Targets.split(targets);
    List<ParsedReport> reports = new java.util.ArrayList<>();
    for (Path report : run.reports()) {
      try {
        reports.add(ParsedReport.of(new TestReportReader().read(report, report.toString())));
      } catch (InputException bad) {
        err.println("pqcert: " + bad.getMessage());
        unreadable = true;
      }
    }
    if (!reports.isEmpty() && run.targets().stream().allMatch(t -> t.problem().isPresent())) {
      err.println(
          "pqcert: "
              + reports.get(0).report().displayName()
              + ": a test report is read with the connector it tests; name the connector too");
      return ExitCodes.INPUT_ERROR;
    }
    for (Targets.Target found : run.targets()) {
      Path target = found.path();
      if (found.problem().isPresent()) {
        err.println("pqcert: " + target + ": " + found.problem().get());
        unreadable = true;
        continue;
      }
      try {
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        ObjectNode node =
            DeepStack.call(
                () -> {
                  ConnectorModel model =
                      ConnectorModelBuilder.build(new BundleReader().read(target));
                  if (!reports.isEmpty()) {
                    // Every report named goes with each connector named: the facts say which
                    // functions of it each one calls.
                    model = model.withSubmission(Submission.of(model, reports));
                  }
                  notes.addAll(model.bundle().notes());
                  return ModelReport.render(target.toString(), model);
                });
        notes.forEach(note -> err.println("pqcert: " + target + ": " + note));
        results.add(node);
      } catch (IllegalStateException wrapped) {
        if (wrapped.getCause() instanceof InputException input) {
          err.println("pqcert: " + input.getMessage());
          unreadable = true;
        } else {
          throw wrapped;
        }
      }
    }
    out.print(ModelReport.toJson(root));
    out.flush();
    return unreadable ? ExitCodes.INPUT_ERROR : ExitCodes.OK;
  }
}
