package org.kpledger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kp export epcis}: the custody history as a GS1 EPCIS 2.0 JSON-LD document. */
@Command(
    name = "export",
    description = "Export the ledger in the trade's formats.",
    subcommands = ExportCommands.Epcis.class,
    mixinStandardHelpOptions = true)
class ExportCommands {

  /** One shipment's lineage, or every custody event of a time range (all pages, one document). */
  @Command(
      name = "epcis",
      mixinStandardHelpOptions = true,
      description = {
        "Write an EPCIS 2.0 JSON-LD document: every custody event of one shipment's lineage"
            + " (--shipment), or of an event-time range (--from/--to, all pages joined).",
        "Each EPCIS event carries kp:ledgerEventId and kp:leafIndex; see the README's EPCIS"
            + " section for the identifiers."
      })
  static class Epcis implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
        names = "--url",
        defaultValue = "http://localhost:8080",
        description = "Ledger base URL (environment: KP_URL)")
    String url;

    @Option(
        names = "--actor",
        required = true,
        description = "Key directory of a Monitoring Team, KP authority or auditor actor")
    Path actor;

    @Option(names = "--shipment", description = "A shipment id: its lineage")
    String shipment;

    @Option(names = "--from", description = "Start of the event-time range (ISO-8601 instant)")
    String from;

    @Option(names = "--to", description = "End of the event-time range (exclusive)")
    String to;

    @Option(names = "--out", required = true, description = "Where to write the document")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (shipment != null && (from != null || to != null)) {
        throw new ParameterException(
            spec.commandLine(), "give either --shipment or --from/--to, not both");
      }
      LedgerClient client = new LedgerClient(url);
      ActorKey key = ActorKey.load(actor);
      ObjectNode doc;
      if (shipment != null) {
        doc = fetch(client, key, "/api/epcis/shipments/" + enc(shipment));
      } else {
        doc = rangeDocument(client, key);
      }
      if (doc == null) {
        return 1;
      }
      Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
      int n = doc.path("epcisBody").path("eventList").size();
      spec.commandLine().getOut().println("wrote " + out + " (" + n + " EPCIS events)");
      return 0;
    }

    private ObjectNode rangeDocument(LedgerClient client, ActorKey key) throws Exception {
      StringBuilder base = new StringBuilder("/api/epcis/events?limit=10000");
      if (from != null) {
        base.append("&from=").append(enc(from));
      }
      if (to != null) {
        base.append("&to=").append(enc(to));
      }
      ObjectNode doc = fetch(client, key, base.toString());
      while (doc != null && doc.has("kp:nextFromLeaf")) {
        long next = doc.remove("kp:nextFromLeaf").asLong();
        ObjectNode page = fetch(client, key, base + "&fromLeaf=" + next);
        if (page == null) {
          return null;
        }
        ((ArrayNode) doc.path("epcisBody").path("eventList"))
            .addAll((ArrayNode) page.path("epcisBody").path("eventList"));
        if (page.has("kp:nextFromLeaf")) {
          doc.set("kp:nextFromLeaf", page.get("kp:nextFromLeaf"));
        }
      }
      return doc;
    }

    private ObjectNode fetch(LedgerClient client, ActorKey key, String target) throws Exception {
      LedgerClient.Response r = client.query("GET", target, key);
      if (r.status() != 200) {
        spec.commandLine().getErr().println("export refused (" + r.status() + "): " + r.body());
        return null;
      }
      return (ObjectNode) JSON.readTree(r.body());
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
