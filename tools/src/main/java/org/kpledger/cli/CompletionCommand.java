package org.kpledger.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kp completion}: prints a bash completion script for every command, subcommand and option
 * (picocli's {@link AutoComplete}); zsh runs it through {@code bashcompinit}, which the script
 * loads itself. {@code source <(bin/kp completion)} in a shell, or save it to a completion folder.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bash/zsh completion script for kp.",
      "Use it with: source <(bin/kp completion)   (bash or zsh; add it to ~/.bashrc or ~/.zshrc)"
    })
class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("kp", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
