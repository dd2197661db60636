package org.kpledger.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.audit.AuditBundle;
import org.kpledger.progress.ProgressLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kp audit export}: fetches an audit bundle from a node. */
@Command(
    name = "audit",
    description = "Audit bundles.",
    subcommands = AuditCommands.Export.class,
    mixinStandardHelpOptions = true)
class AuditCommands {

  /** Downloads a bundle of a time range or of one shipment. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Download an audit bundle (zip) for a time range or one shipment.")
  static class Export implements Callable<Integer> {
    @Option(
        names = "--actor",
        required = true,
        description =
            "Directory of the signing auditor or Monitoring Team actor (key.pem, cert.pem)")
    Path actor;

    @Option(
        names = "--url",
        defaultValue = "http://localhost:8080",
        description = "Ledger base URL (environment: KP_URL)")
    String url;

    @Option(names = "--from", description = "Start of the range (ISO-8601 instant, inclusive)")
    String from;

    @Option(names = "--to", description = "End of the range (ISO-8601 instant, exclusive)")
    String to;

    @Option(names = "--shipment", description = "A shipment id instead of a range")
    String shipment;

    @Option(
        names = "--previous-checkpoint",
        description = "The last checkpoint you verified: the bundle proves the log extends it")
    Path previous;

    @Option(names = "--no-inclusion-proofs", description = "Range bundles: omit per-leaf proofs")
    boolean noProofs;

    @Option(names = "--out", required = true, description = "Where to write the zip")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      List<String> query = new ArrayList<>();
      if (shipment != null) {
        query.add("shipmentId=" + enc(shipment));
      } else {
        query.add("from=" + enc(from == null ? "1970-01-01T00:00:00Z" : from));
        query.add("to=" + enc(to == null ? "9999-12-31T23:59:59Z" : to));
        if (noProofs) {
          query.add("inclusionProofs=false");
        }
      }
      if (previous != null) {
        query.add("previousSize=" + Checkpoints.size(previous));
      }
      String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      String target = "/api/audit/bundle?" + String.join("&", query);
      ActorKey signer = ActorKey.load(actor);
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofMinutes(30));
      SignedRequest.headers("GET", target, Instant.now(), signer.certificate(), signer.key())
          .forEach(builder::header);
      HttpRequest request = builder.build();
      Path part = out.resolveSibling(out.getFileName() + ".part");
      HttpResponse<Path> r;
      long start = System.nanoTime();
      try (ProgressLine progress = ProgressLine.onStderr("audit export", Duration.ofSeconds(5))) {
        progress.update(downloaded(part, start)); // at once: the node may take a while to start
        progress.tickEvery(() -> downloaded(part, start));
        r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(part));
      } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
        throw new NodeUnreachableException(base, e);
      }
      if (r.statusCode() != 200) {
        spec.commandLine()
            .getErr()
            .println("export refused (" + r.statusCode() + "): " + Files.readString(part));
        Files.deleteIfExists(part);
        return 1;
      }
      Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
      spec.commandLine()
          .getOut()
          .println(
              "wrote "
                  + out
                  + " ("
                  + Files.size(out)
                  + " bytes): "
                  + contents(out, shipment == null ? "range" : "shipment"));
      return 0;
    }

    /** What the node is doing while the bundle downloads: the bytes received so far. */
    private static String downloaded(Path part, long start) {
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      long bytes = 0;
      try {
        bytes = Files.exists(part) ? Files.size(part) : 0;
      } catch (java.io.IOException e) {
        // the file is being moved or written; the next tick reads it again
      }
      return bytes == 0
          ? "waiting for the node to assemble the bundle, " + seconds + " s"
          : String.format("%,d bytes received, %d s", bytes, seconds);
    }

    /**
     * What the bundle holds, so that an empty range is seen at once instead of after {@code kp
     * verify}: events, signed heads, proofs (inclusion and consistency).
     */
    static String contents(Path bundle, String scope) throws java.io.IOException {
      try (AuditBundle b = AuditBundle.open(bundle)) {
        long events;
        try (var lines =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(b.events(), StandardCharsets.UTF_8))) {
          events = lines.lines().filter(line -> !line.isEmpty()).count();
        }
        String held =
            String.format(
                "%,d events, %,d signed heads, %,d inclusion proofs, %,d consistency proofs",
                events, b.heads().size(), b.inclusion().size(), b.consistency().size());
        return events == 0 ? held + "; empty: the " + scope + " holds no events" : held;
      }
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
