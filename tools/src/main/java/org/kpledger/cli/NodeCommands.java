package org.kpledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.hyperledger.fabric.client.GatewayException;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.api.fabric.FabricProperties;
import org.kpledger.api.fabric.anchor.ChaincodeRefusal;
import org.kpledger.api.fabric.anchor.LedgerNodeRegistration;
import org.kpledger.api.log.NodeKey;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp node}: the ledger node's tree-head key, certified and registered on Fabric. */
@Command(
    name = "node",
    description =
        "The ledger node's keys (its tree-head key on the Fabric channel, its TLS certificate)"
            + " and the online backup of its H2 database.",
    subcommands = {
      NodeCommands.Certify.class,
      NodeCommands.Register.class,
      NodeCommands.Tls.class,
      NodeBackupCommand.class
    },
    mixinStandardHelpOptions = true)
class NodeCommands {

  /** {@code kp node certify}: a LEDGER_NODE certificate for the node's key from a CA folder. */
  @Command(
      name = "certify",
      description = {
        "Certify the node's tree-head key (data/node/tree-head-key.pem, created if absent as the"
            + " node would) with the KP authority's CA: a LEDGER_NODE certificate.",
        "Only the public key is read out of the key file; the private key stays in it."
      },
      mixinStandardHelpOptions = true)
  static class Certify implements Callable<Integer> {
    @Option(names = "--ca", required = true, description = "The KP authority's CA directory")
    Path caDir;

    @Option(names = "--data-dir", defaultValue = "./data", description = "The node's data dir")
    Path dataDir;

    @Option(names = "--node-id", defaultValue = "ledger-node", description = "CN of the node")
    String nodeId;

    @Option(names = "--days", defaultValue = "365", description = "Validity in days")
    int days;

    @Option(
        names = "--out",
        description = "Where to write it (default <data-dir>/node/tree-head-cert.pem)")
    Path out;

    @Override
    public Integer call() throws Exception {
      OrganisationCa ca = OrganisationCa.load(caDir);
      var key = NodeKey.publicKey(dataDir.resolve("node").resolve("tree-head-key.pem"));
      X509Certificate cert =
          LedgerNodeRegistration.certify(ca, nodeId, key, Instant.now(), Duration.ofDays(days));
      Path target = out != null ? out : dataDir.resolve("node").resolve("tree-head-cert.pem");
      Files.writeString(target, Pem.writeCertificate(cert));
      System.out.println(
          "ledger node "
              + nodeId
              + " certified by "
              + ca.organisationId()
              + " until "
              + cert.getNotAfter().toInstant()
              + ": "
              + target);
      return 0;
    }
  }

  /** {@code kp node register}: RegisterLedgerNode, as an administrator of the KP authority. */
  @Command(
      name = "register",
      description =
          "Register a certified node for a ledger id on the channel (RegisterLedgerNode), as an"
              + " administrator of the KP authority (its Fabric admin identity).",
      mixinStandardHelpOptions = true)
  static class Register implements Callable<Integer> {
    @Option(
        names = "--network-properties",
        required = true,
        description = "The network description network.sh up wrote")
    Path networkProperties;

    @Option(names = "--organisation", defaultValue = "CarKpMSP", description = "The MSP id")
    String organisation;

    @Option(
        names = "--identity",
        defaultValue = "admin",
        description = "The crypto folder of the administrator")
    String identity;

    @Option(names = "--ledger-id", required = true, description = "The node's kp.anchoring.origin")
    String ledgerId;

    @Option(names = "--certificate", required = true, description = "The node's certificate")
    Path certificate;

    @Option(names = "--ca-cert", required = true, description = "The CA's certificate (PEM)")
    Path caCertificate;

    @Override
    public Integer call() throws Exception {
      FabricProperties settings =
          new FabricProperties(
              true,
              networkProperties,
              organisation,
              identity,
              null,
              null,
              null,
              null,
              null,
              "kp-channel",
              "kpledger",
              Duration.ofSeconds(10),
              Duration.ofSeconds(30),
              Duration.ofSeconds(10),
              Duration.ofSeconds(60));
      try (FabricConnection admin = FabricConnection.open(settings)) {
        String stored =
            LedgerNodeRegistration.register(
                admin,
                ledgerId,
                Pem.readCertificate(Files.readString(certificate)),
                Pem.readCertificate(Files.readString(caCertificate)));
        System.out.println(stored);
        return 0;
      } catch (GatewayException e) {
        System.err.println(
            ChaincodeRefusal.of(e)
                .map(r -> "refused by the chaincode: " + r)
                .orElse("the network did not answer: " + e.getMessage()));
        return 1;
      }
    }
  }

  /** {@code kp node tls}: the node's TLS key and a server certificate from a CA folder. */
  @Command(
      name = "tls",
      description = {
        "Make the node's TLS key (<data-dir>/node/tls-key.pem, owner-only) and have the"
            + " organisation's CA certify it for the names the node is reached by"
            + " (<data-dir>/node/tls-cert.pem: the certificate, then the CA's).",
        "Serve it with: kp serve --spring.profiles.active=tls (or mtls for client certificates)."
      },
      mixinStandardHelpOptions = true)
  static class Tls implements Callable<Integer> {
    @Option(names = "--ca", required = true, description = "The organisation's CA directory")
    Path caDir;

    @Option(names = "--data-dir", defaultValue = "./data", description = "The node's data dir")
    Path dataDir;

    @Option(names = "--node-id", defaultValue = "ledger-node", description = "CN of the node")
    String nodeId;

    @Option(
        names = "--dns",
        split = ",",
        defaultValue = "localhost",
        description = "DNS names clients call the node by")
    java.util.List<String> dnsNames;

    @Option(
        names = "--ip",
        split = ",",
        defaultValue = "127.0.0.1",
        description = "IP addresses clients call the node by")
    java.util.List<String> ipAddresses;

    @Option(names = "--days", defaultValue = "365", description = "Validity in days")
    int days;

    @Override
    public Integer call() {
      OrganisationCa ca = OrganisationCa.load(caDir);
      X509Certificate cert =
          org.kpledger.api.tls.NodeTls.issue(
              ca, dataDir, nodeId, dnsNames, ipAddresses, Instant.now(), Duration.ofDays(days));
      System.out.println(
          "TLS certificate of "
              + nodeId
              + " for "
              + String.join(", ", dnsNames)
              + (ipAddresses.isEmpty() ? "" : ", " + String.join(", ", ipAddresses))
              + " from "
              + ca.organisationId()
              + "'s CA until "
              + cert.getNotAfter().toInstant()
              + ": "
              + org.kpledger.api.tls.NodeTls.certificateFile(dataDir));
      return 0;
    }
  }
}
