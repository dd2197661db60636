package org.kpledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kp submit}: posts a signed envelope to a ledger node. */
@Command(
    name = "submit",
    description = "Submit a signed envelope to the ledger.",
    mixinStandardHelpOptions = true)
class SubmitCommand implements Callable<Integer> {
  @Option(names = "--url", defaultValue = "http://localhost:8080", description = "Ledger base URL")
  String url;

  @Parameters(index = "0", description = "The envelope file")
  Path envelope;

  @Override
  public Integer call() throws Exception {
    LedgerClient.Response r = new LedgerClient(url).post(Files.readString(envelope));
    System.out.println(r.status() + " " + r.body());
    return r.status() < 300 ? 0 : 1;
  }
}
