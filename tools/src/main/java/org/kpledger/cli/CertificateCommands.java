package org.kpledger.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.hyperledger.fabric.client.GatewayException;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.api.fabric.FabricProperties;
import org.kpledger.api.fabric.certificate.ImporterConfirmation;
import org.kpledger.api.fabric.certificate.RegistryAnswers;
import org.kpledger.certificate.CertificateContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kp certificate}: KP certificates' content and their confirmation on the channel. */
@Command(
    name = "certificate",
    description = "KP certificates: their content, and receipt confirmed on the Fabric channel.",
    subcommands = {CertificateCommands.Content.class, CertificateCommands.ConfirmOnChannel.class},
    mixinStandardHelpOptions = true)
class CertificateCommands {

  /** {@code kp certificate content}: prints a certificate's content in canonical form. */
  @Command(
      name = "content",
      description =
          "Print a certificate's content as issued (RFC 8785), as the channel pins it by hash;"
              + " a signed query by an importing authority, the exporter or an overseer.",
      mixinStandardHelpOptions = true)
  static class Content implements Callable<Integer> {
    @Option(
        names = "--url",
        defaultValue = "http://localhost:8080",
        description = "Ledger base URL (environment: KP_URL)")
    String url;

    @Option(names = "--actor", required = true, description = "The reader's key directory")
    Path actor;

    @Option(names = "--number", required = true, description = "Certificate number")
    String number;

    @Option(names = "--out", description = "Write it to this file instead of standard output")
    Path out;

    @Override
    public Integer call() throws Exception {
      LedgerClient.Response r =
          new LedgerClient(url)
              .query("GET", "/api/certificates/" + number + "/content", ActorKey.load(actor));
      if (r.status() != 200) {
        System.err.println(r.status() + " " + r.body());
        return 1;
      }
      String canonical = CertificateContent.parse(r.body()).canonicalText();
      if (out == null) {
        System.out.println(canonical);
      } else {
        Files.writeString(out, canonical, StandardCharsets.UTF_8);
      }
      System.err.println(number + " content SHA-256 " + CertificateContent.hashOf(canonical));
      return 0;
    }
  }

  /** {@code kp certificate confirm-on-channel}: the importing authority confirms receipt. */
  @Command(
      name = "confirm-on-channel",
      description =
          "Confirm receipt of a certificate on the Fabric channel as an importing authority, with"
              + " its own Fabric identity, by the SHA-256 of the content received.",
      mixinStandardHelpOptions = true)
  static class ConfirmOnChannel implements Callable<Integer> {
    @Option(names = "--number", required = true, description = "Certificate number")
    String number;

    @Option(
        names = "--content",
        required = true,
        description = "The certificate content received (JSON, any form)")
    Path content;

    @Option(
        names = "--fabric-network",
        description = "network.properties written by network-config/bin/network.sh up")
    Path network;

    @Option(names = "--organisation", description = "The importing authority's MSP id")
    String organisation;

    @Option(
        names = "--identity",
        defaultValue = "client",
        description = "Crypto folder of that MSP in the network description")
    String identity;

    @Option(names = "--msp-id", description = "MSP id, without --fabric-network")
    String mspId;

    @Option(names = "--peer", description = "Gateway peer host:port")
    String peer;

    @Option(names = "--tls-root-cert", description = "PEM of the peer's TLS root")
    Path tlsRootCert;

    @Option(names = "--certificate", description = "PEM of the Fabric identity's certificate")
    Path certificate;

    @Option(names = "--private-key", description = "PEM (PKCS#8) of its key; stays here")
    Path privateKey;

    @Option(names = "--channel", defaultValue = "kp-channel", description = "Channel")
    String channel;

    @Option(names = "--chaincode", defaultValue = "kpledger", description = "Chaincode")
    String chaincode;

    @Override
    public Integer call() throws Exception {
      String json = Files.readString(content, StandardCharsets.UTF_8);
      try (FabricConnection fabric = FabricConnection.open(settings())) {
        ImporterConfirmation.Confirmed c = ImporterConfirmation.confirm(fabric, number, json);
        System.out.println(
            "confirmed "
                + number
                + " on "
                + fabric.settings().channel()
                + " as "
                + fabric.settings().mspId()
                + ": tx "
                + c.txId()
                + " in block "
                + c.blockNumber());
        return 0;
      } catch (IllegalArgumentException e) {
        System.err.println("not the content of " + number + ": " + e.getMessage());
        return 1;
      } catch (ImporterConfirmation.RefusedException e) {
        System.err.println("refused: " + e.code() + ": " + e.getMessage());
        return 1;
      } catch (GatewayException e) {
        System.err.println("the channel could not be reached: " + RegistryAnswers.describe(e));
        return 1;
      }
    }

    private FabricProperties settings() {
      Duration s10 = Duration.ofSeconds(10);
      return new FabricProperties(
          true,
          network,
          organisation,
          identity,
          mspId,
          peer,
          tlsRootCert,
          certificate,
          privateKey,
          channel,
          chaincode,
          s10,
          Duration.ofSeconds(30),
          s10,
          Duration.ofSeconds(60));
    }
  }
}
