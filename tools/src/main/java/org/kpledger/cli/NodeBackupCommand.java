package org.kpledger.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.zip.ZipFile;
import org.kpledger.api.access.SignedRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kp node backup}: an online backup of a running node's embedded H2 database ({@code GET
 * /actuator/backup}, a signed request of the KP authority or an auditor) written to a zip.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Back up a running node's embedded H2 database without stopping it: a zip of ledger.mv.db"
          + " and checkpoints.txt to put in the data directory of a stopped node to restore it.",
      "PostgreSQL is backed up with pg_dump instead (README \"Backups\")."
    })
class NodeBackupCommand implements Callable<Integer> {
  @Option(
      names = "--actor",
      required = true,
      description = "Directory of the signing KP authority or auditor actor (key.pem, cert.pem)")
  Path actor;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "Ledger base URL (environment: KP_URL)")
  String url;

  @Option(names = "--out", required = true, description = "Where to write the zip")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    String target = "/actuator/backup";
    ActorKey signer = ActorKey.load(actor);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofMinutes(30));
    SignedRequest.headers("GET", target, Instant.now(), signer.certificate(), signer.key())
        .forEach(builder::header);
    Path part = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
    HttpResponse<Path> r;
    try {
      r = HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofFile(part));
    } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
      throw new NodeUnreachableException(base, e);
    }
    if (r.statusCode() != 200) {
      String said = Files.readString(part);
      Files.deleteIfExists(part);
      spec.commandLine()
          .getErr()
          .println(
              r.statusCode() == 404 && said.isEmpty()
                  ? "backup refused (404): the node's database is not an embedded H2 file;"
                      + " back PostgreSQL up with pg_dump"
                  : "backup refused (" + r.statusCode() + "): " + said);
      return 1;
    }
    try (ZipFile zip = new ZipFile(part.toFile())) {
      if (zip.getEntry("ledger.mv.db") == null || zip.getEntry("checkpoints.txt") == null) {
        Files.deleteIfExists(part);
        spec.commandLine().getErr().println("the node's answer is not a backup zip");
        return 1;
      }
    }
    Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
    spec.commandLine()
        .getOut()
        .println(
            "wrote " + out + " (" + Files.size(out) + " bytes): ledger.mv.db, checkpoints.txt");
    return 0;
  }
}
