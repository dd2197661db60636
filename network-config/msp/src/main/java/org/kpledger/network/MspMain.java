package org.kpledger.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.Pem;

/**
 * Writes the MSP and TLS material of every organisation of the network:
 *
 * <pre>
 * java -cp ... org.kpledger.network.MspMain --out DIR \
 *     --org CarKpMSP:CAR-KP:KP_AUTHORITY:peer:peer0:CF --org AeImportMSP:AE-IMPORT:IMPORTING_AUTHORITY:peer::AE ...
 * </pre>
 *
 * <p>For each organisation, under {@code DIR/<mspId>/}: {@code ca/} (the {@link OrganisationCa},
 * created once and reused, so the ledger can enrol it and issue actors from it), {@code msp/} (for
 * the channel configuration), {@code <node>/} per node, {@code admin/} and {@code client/}. The
 * CA's subject names the organisation's country when the spec gives one ({@code C=}, read by the
 * certificate registry). Existing identities are kept: a second run writes nothing new.
 */
public final class MspMain {

  private MspMain() {}

  /**
   * Runs the tool.
   *
   * @param args {@code --out DIR} and one or more {@code --org SPEC}
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path out = null;
    List<OrgSpec> orgs = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[i + 1]);
        case "--org" -> orgs.add(OrgSpec.parse(args[i + 1]));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null || orgs.isEmpty() || args.length % 2 != 0) {
      throw new IllegalArgumentException("usage: --out DIR --org SPEC [--org SPEC ...]");
    }
    for (OrgSpec org : orgs) {
      write(out.resolve(org.mspId()), org);
    }
  }

  static void write(Path dir, OrgSpec org) throws IOException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path caDir = dir.resolve("ca");
    OrganisationCa ca;
    if (Files.exists(caDir.resolve("ca-cert.pem"))) {
      ca = OrganisationCa.load(caDir);
    } else {
      ca =
          OrganisationCa.create(
              org.organisationId(),
              org.type(),
              org.organisationId(),
              org.country(),
              now.minus(1, ChronoUnit.HOURS),
              now.plus(3650, ChronoUnit.DAYS));
      ca.save(caDir);
      System.out.println("msp: created CA " + ca.certificate().getSubjectX500Principal().getName());
    }
    NodeCertificates issuer =
        new NodeCertificates(
            ca.certificate(), Pem.readPrivateKey(Files.readString(caDir.resolve("ca-key.pem"))));
    Instant notAfter =
        ca.certificate().getNotAfter().toInstant().isBefore(now.plus(365, ChronoUnit.DAYS))
            ? ca.certificate().getNotAfter().toInstant()
            : now.plus(365, ChronoUnit.DAYS);
    MspWriter writer =
        new MspWriter(
            ca.certificate(),
            issuer,
            org.organisationId(),
            now.minus(1, ChronoUnit.HOURS),
            notAfter);
    writer.organisationMsp(dir.resolve("msp"));
    for (String node : org.nodes()) {
      identity(
          writer,
          dir.resolve(node),
          node + "." + org.organisationId().toLowerCase(),
          org.nodeUnit());
    }
    identity(writer, dir.resolve("admin"), "admin." + org.organisationId().toLowerCase(), "admin");
    identity(
        writer, dir.resolve("client"), "client." + org.organisationId().toLowerCase(), "client");
  }

  private static void identity(MspWriter writer, Path dir, String name, String unit)
      throws IOException {
    if (Files.exists(dir.resolve("msp").resolve("signcerts").resolve("cert.pem"))) {
      return;
    }
    writer.identity(dir, name, unit);
    System.out.println("msp: issued " + unit + " " + name);
  }
}
