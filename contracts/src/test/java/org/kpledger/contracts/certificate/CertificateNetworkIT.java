package org.kpledger.contracts.certificate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.contracts.NetworkClient.assertRefusedOnNetwork;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kpledger.contracts.NetworkClient;
import org.kpledger.contracts.NetworkClient.Org;

/**
 * The certificate registry through the Fabric Gateway on the network of {@code network-config}: a
 * certificate registered by the CAR KP authority, a confirmation by the Monitoring Team and one of
 * other content refused, and the importing authority's confirmation accepted.
 */
@EnabledIfSystemProperty(named = "kp.fabric.network", matches = "up")
class CertificateNetworkIT {

  @Test
  void registeredByTheExporterConfirmedByTheImporterAndForgedConfirmationsRefused()
      throws Exception {
    String number = "CF-IT-" + UUID.randomUUID().toString().substring(0, 8);
    String hash =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(number.getBytes(UTF_8)));
    try (NetworkClient car = NetworkClient.connect(Org.CAR_KP, "client");
        NetworkClient monitoring = NetworkClient.connect(Org.MONITORING, "client");
        NetworkClient importer = NetworkClient.connect(Org.IMPORTER, "client")) {
      String confirm = "ConfirmCertificate";
      car.contract("CertificateRegistry")
          .submitTransaction("RegisterCertificate", number, hash, Org.IMPORTER.mspId());
      assertRefusedOnNetwork(
          () -> monitoring.contract("CertificateRegistry").submitTransaction(confirm, number, hash),
          "NOT_IMPORTING_AUTHORITY");
      assertRefusedOnNetwork(
          () ->
              importer
                  .contract("CertificateRegistry")
                  .submitTransaction(confirm, number, "0".repeat(64)),
          "CONTENT_HASH_MISMATCH");
      importer.contract("CertificateRegistry").submitTransaction(confirm, number, hash);
      String record =
          new String(
              monitoring
                  .contract("CertificateRegistry")
                  .evaluateTransaction("GetCertificate", number),
              UTF_8);
      assertThat(record)
          .contains("\"status\":\"CONFIRMED\"")
          .contains("\"importerMsp\":\"BeImportMSP\"");
    }
  }
}
