package org.kpledger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp sign}: signs a command payload file as an actor. */
@Command(
    name = "sign",
    description = "Sign a command payload (JSON file) into an envelope.",
    mixinStandardHelpOptions = true)
class SignCommand implements Callable<Integer> {
  @Option(
      names = "--actor",
      required = true,
      description = "The actor's directory (key.pem, cert.pem)")
  Path actorDir;

  @Option(names = "--type", required = true, description = "Command type, e.g. RecordPurchase")
  String type;

  @Option(names = "--payload", required = true, description = "JSON file with the payload")
  Path payload;

  @Option(names = "--out", description = "Where to write the envelope (default: stdout)")
  Path out;

  @Override
  public Integer call() throws Exception {
    var node = new ObjectMapper().readTree(Files.readString(payload));
    String envelope = ActorKey.load(actorDir).sign(type, node).toJson();
    if (out == null) {
      System.out.println(envelope);
    } else {
      Files.writeString(out, envelope);
    }
    return 0;
  }
}
