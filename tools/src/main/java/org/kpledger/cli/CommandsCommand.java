package org.kpledger.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kpledger.api.command.CommandCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kp commands}: the command types a node accepts and who may sign each. */
@Command(
    name = "commands",
    description = {
      "List the command types the ledger accepts and the roles that may sign each.",
      "A payload template to fill in: kp sign --template <type>. Every payload's schema is in the"
          + " node's OpenAPI document (/v3/api-docs, components <type>Payload)."
    },
    mixinStandardHelpOptions = true)
class CommandsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int width =
        CommandCatalog.all().keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
    for (CommandCatalog.Entry entry : CommandCatalog.all().values()) {
      String signers =
          entry.grants().isEmpty()
              ? "any actor of the revocation list's own organisation"
              : entry.grants().stream()
                  .map(g -> g.role() + "@" + g.organisationType())
                  .sorted()
                  .collect(Collectors.joining(", "));
      out.println(String.format("%-" + width + "s%s", entry.type(), signers));
    }
    out.flush();
    return 0;
  }
}
