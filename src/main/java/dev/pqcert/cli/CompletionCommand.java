package dev.pqcert.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code pqcert completion}: the shell completion script picocli writes for these commands. */
@Command(
    addMethodSubcommands = false,
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a completion script for bash and zsh: subcommands, options and their values.",
      "bash: source <(pqcert completion)  (or save it in ~/.local/share/bash-completion/"
          + "completions/pqcert)",
      "zsh: autoload -U +X bashcompinit && bashcompinit && source <(pqcert completion)"
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("pqcert", spec.root().commandLine());
    // The script is for bash and zsh, which read only LF line ends, on every platform.
    spec.commandLine().getOut().print(script.replace("\r\n", "\n"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
