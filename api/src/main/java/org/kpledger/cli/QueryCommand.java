package org.kpledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kp query}: a signed query as an actor (the KP-Certificate, KP-Date, KP-Signature headers).
 */
@Command(
    name = "query",
    description = "Send a signed query to the ledger and print the answer.",
    mixinStandardHelpOptions = true)
class QueryCommand implements Callable<Integer> {
  @Option(names = "--url", defaultValue = "http://localhost:8080", description = "Ledger base URL")
  String url;

  @Option(names = "--actor", required = true, description = "The actor's key directory")
  Path actor;

  @Option(names = "--method", defaultValue = "GET", description = "GET, or POST for a replay")
  String method;

  @Parameters(index = "0", description = "Path and query, e.g. /api/trace/back/shipments/SH-1")
  String target;

  @Override
  public Integer call() throws Exception {
    LedgerClient.Response r = new LedgerClient(url).query(method, target, ActorKey.load(actor));
    System.out.println(r.status() + " " + r.body());
    return r.status() < 300 ? 0 : 1;
  }
}
