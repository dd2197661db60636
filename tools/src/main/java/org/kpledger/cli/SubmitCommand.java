package org.kpledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kp submit}: posts signed envelopes to a ledger node, one by one or as one batch. */
@Command(
    name = "submit",
    description = {
      "Submit signed envelopes to the ledger, one request each, stopping at the first refusal.",
      "With --batch, send them in one request (POST /api/commands/batch, at most 500):"
          + " all recorded together, or none."
    },
    mixinStandardHelpOptions = true)
class SubmitCommand implements Callable<Integer> {
  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "Ledger base URL (environment: KP_URL)")
  String url;

  @Option(names = "--batch", description = "All envelopes in one all-or-nothing request")
  boolean batch;

  @Parameters(arity = "1..*", description = "The envelope files, in the order to record them")
  List<Path> envelopes;

  @Override
  public Integer call() throws Exception {
    LedgerClient ledger = new LedgerClient(url);
    if (batch) {
      List<String> bodies = new ArrayList<>();
      for (Path p : envelopes) {
        bodies.add(Files.readString(p).strip());
      }
      return print(ledger.postBatch("{\"commands\":[" + String.join(",", bodies) + "]}"));
    }
    for (Path p : envelopes) {
      int exit = print(ledger.post(Files.readString(p)));
      if (exit != 0) {
        return exit;
      }
    }
    return 0;
  }

  private static int print(LedgerClient.Response r) {
    System.out.println(r.status() + " " + r.body());
    return r.status() < 300 ? 0 : 1;
  }
}
