package org.kpledger.contracts.certificate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.contracts.NetworkClient.assertRefusedOnNetwork;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.hyperledger.fabric.client.Contract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.contracts.NetworkClient;
import org.kpledger.contracts.NetworkClient.Org;

/**
 * The certificate registry through the Fabric Gateway on the network of {@code network-config}: a
 * certificate registered by the CAR KP authority for Belgium; confirmations by the Monitoring Team
 * (not an importing authority), by the UAE's importing authority (another country, its CA says
 * C=AE) and of other content refused; the Belgian importing authority's confirmation accepted.
 */
@EnabledIfSystemProperty(named = "kp.fabric.network", matches = "up")
class CertificateNetworkIT {

  private static final String CONFIRM = "ConfirmCertificate";

  @Test
  void registeredByTheExporterConfirmedByTheDestinationsImporterAndForgedConfirmationsRefused()
      throws Exception {
    String number = "CF-IT-" + UUID.randomUUID().toString().substring(0, 8);
    String hash =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(number.getBytes(UTF_8)));
    try (NetworkClient car = NetworkClient.connect(Org.CAR_KP, "client");
        NetworkClient monitoring = NetworkClient.connect(Org.MONITORING, "client");
        NetworkClient importer = NetworkClient.connect(Org.IMPORTER, "client");
        NetworkClient uae = NetworkClient.connect(Org.OTHER_IMPORTER, "client")) {
      Contract registry = car.contract("CertificateRegistry");
      String registered =
          new String(registry.submitTransaction("RegisterCertificate", number, hash, "BE"), UTF_8);
      assertThat(registered).contains("\"status\":\"REGISTERED\"");
      assertRefusedOnNetwork(
          () -> registry.submitTransaction("RegisterCertificate", number, hash, "BE"),
          "DUPLICATE_CERTIFICATE");
      assertRefusedOnNetwork(
          () -> monitoring.contract("CertificateRegistry").submitTransaction(CONFIRM, number, hash),
          "NOT_IMPORTING_AUTHORITY");
      assertRefusedOnNetwork(
          () -> uae.contract("CertificateRegistry").submitTransaction(CONFIRM, number, hash),
          "NOT_DESTINATION_COUNTRY");
      assertRefusedOnNetwork(
          () ->
              importer
                  .contract("CertificateRegistry")
                  .submitTransaction(CONFIRM, number, "0".repeat(64)),
          "CONTENT_HASH_MISMATCH");
      importer.contract("CertificateRegistry").submitTransaction(CONFIRM, number, hash);
      String record =
          new String(
              uae.contract("CertificateRegistry").evaluateTransaction("GetCertificate", number),
              UTF_8);
      assertThat(record)
          .contains("\"status\":\"CONFIRMED\"")
          .contains("\"destinationCountry\":\"BE\"")
          .contains("\"confirmedByMsp\":\"BeImportMSP\"");
    }
  }

  @Test
  void theUaesImportingAuthorityConfirmsACertificateDestinedForTheUae() throws Exception {
    String number = "CF-IT-AE-" + UUID.randomUUID().toString().substring(0, 8);
    String hash =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(number.getBytes(UTF_8)));
    try (NetworkClient car = NetworkClient.connect(Org.CAR_KP, "client");
        NetworkClient importer = NetworkClient.connect(Org.IMPORTER, "client");
        NetworkClient uae = NetworkClient.connect(Org.OTHER_IMPORTER, "client")) {
      car.contract("CertificateRegistry")
          .submitTransaction("RegisterCertificate", number, hash, "AE");
      assertRefusedOnNetwork(
          () -> importer.contract("CertificateRegistry").submitTransaction(CONFIRM, number, hash),
          "NOT_DESTINATION_COUNTRY");
      String confirmed =
          new String(
              uae.contract("CertificateRegistry").submitTransaction(CONFIRM, number, hash), UTF_8);
      assertThat(confirmed).contains("\"confirmedByMsp\":\"AeImportMSP\"");
    }
  }
}
