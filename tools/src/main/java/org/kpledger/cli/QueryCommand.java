package org.kpledger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kp query}: a signed query as an actor (the KP-Certificate, KP-Date, KP-Signature headers).
 * The answer's body goes to stdout as it came (indented on a terminal), so {@code kp query ... |
 * jq} works; the HTTP status goes to stderr, and a 4xx or 5xx answer exits 1.
 */
@Command(
    name = "query",
    description = {
      "Send a signed query to the ledger and print the answer's JSON body on stdout (indented on a"
          + " terminal, as received when piped) and its HTTP status on stderr.",
      "Exits 1 when the node answers 4xx or 5xx."
    },
    mixinStandardHelpOptions = true)
class QueryCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "Ledger base URL (environment: KP_URL)")
  String url;

  @Option(names = "--actor", required = true, description = "The actor's key directory")
  Path actor;

  @Option(names = "--method", defaultValue = "GET", description = "GET, or POST for a replay")
  String method;

  @Option(
      names = "--pretty",
      negatable = true,
      description = "Indent the JSON (default: only when stdout is a terminal)")
  Boolean pretty;

  @Parameters(index = "0", description = "Path and query, e.g. /api/trace/back/shipments/SH-1")
  String target;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!target.startsWith("/")) {
      throw new ParameterException(
          spec.commandLine(),
          "the target is a path on the node and starts with /, e.g. /" + target);
    }
    LedgerClient.Response r = new LedgerClient(url).query(method, target, ActorKey.load(actor));
    PrintWriter out = spec.commandLine().getOut();
    out.println((pretty != null ? pretty : System.console() != null) ? indent(r.body()) : r.body());
    out.flush();
    spec.commandLine().getErr().println("HTTP " + r.status());
    spec.commandLine().getErr().flush();
    return r.status() < 400 ? 0 : 1;
  }

  private static String indent(String body) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
    } catch (JsonProcessingException notJson) {
      return body;
    }
  }
}
