package org.kpledger.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kpledger.identity.OrganisationCa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp crl}: the organisation CA revokes certificates and an actor publishes the CRL. */
@Command(
    name = "crl",
    description = "Issue a revocation list and publish it to the ledger.",
    mixinStandardHelpOptions = true)
class CrlCommand implements Callable<Integer> {
  @Option(names = "--ca", required = true, description = "The organisation CA directory")
  Path caDir;

  @Option(
      names = "--generation",
      description =
          "Sign with the retired CA ca-cert-<n>.pem/ca-key-<n>.pem of the directory (after kp ca"
              + " rollover), to revoke certificates that CA issued; default: the current CA")
  Integer generation;

  @Option(names = "--revoke", split = ",", description = "Hex serials of revoked certificates")
  List<String> serials = List.of();

  @Option(
      names = "--actor",
      required = true,
      description = "Directory of an actor of the same organisation")
  Path actorDir;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      description = "Ledger base URL (environment: KP_URL)")
  String url;

  @Override
  public Integer call() throws Exception {
    OrganisationCa ca =
        generation == null
            ? OrganisationCa.load(caDir)
            : OrganisationCa.loadRetired(caDir, generation);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
    serials.forEach(s -> revoked.put(new BigInteger(s, 16), now));
    var crl = ca.issueRevocationList(revoked, now, now.plus(30, ChronoUnit.DAYS));
    var payload = Json.obj("crl", Base64.getEncoder().encodeToString(crl.getEncoded()));
    var envelope = ActorKey.load(actorDir).sign("PublishRevocationList", payload);
    LedgerClient.Response r = new LedgerClient(url).post(envelope.toJson());
    System.out.println(r.status() + " " + r.body());
    return r.status() < 300 ? 0 : 1;
  }
}
