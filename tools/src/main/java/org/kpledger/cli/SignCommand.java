package org.kpledger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kpledger.api.command.CommandCatalog;
import org.kpledger.api.command.PayloadSchemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kp sign}: signs a command payload file as an actor. */
@Command(
    name = "sign",
    description = "Sign a command payload (JSON file) into an envelope.",
    mixinStandardHelpOptions = true)
class SignCommand implements Callable<Integer> {
  @Option(names = "--actor", description = "The actor's directory (key.pem, cert.pem)")
  Path actorDir;

  @Option(
      names = "--type",
      description = "Command type, e.g. RecordPurchase (kp commands lists them)")
  String type;

  @Option(names = "--payload", description = "JSON file with the payload")
  Path payload;

  @Option(names = "--out", description = "Where to write the envelope (default: stdout)")
  Path out;

  @Option(
      names = "--template",
      paramLabel = "<type>",
      description =
          "Print an example payload of this command type (every member, each value within its"
              + " schema) to fill in, and sign nothing")
  String template;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (template != null) {
      spec.commandLine()
          .getOut()
          .println(
              new ObjectMapper()
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(PayloadSchemas.example(entry(template).payloadClass())));
      spec.commandLine().getOut().flush();
      return 0;
    }
    for (Object[] required :
        new Object[][] {{actorDir, "--actor"}, {type, "--type"}, {payload, "--payload"}}) {
      if (required[0] == null) {
        throw new ParameterException(
            spec.commandLine(), "Missing required option: '" + required[1] + "'");
      }
    }
    entry(type);
    var node = new ObjectMapper().readTree(Files.readString(payload));
    String envelope = ActorKey.load(actorDir).sign(type, node).toJson();
    if (out == null) {
      System.out.println(envelope);
    } else {
      Files.writeString(out, envelope);
    }
    return 0;
  }

  private CommandCatalog.Entry entry(String commandType) {
    return CommandCatalog.find(commandType)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "Unknown command type '"
                        + commandType
                        + "'; kp commands lists the command types"));
  }
}
