package org.kpledger.api.fabric.anchor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.api.fabric.FabricProperties;
import org.kpledger.identity.OrganisationCa;

/**
 * The live network the {@code *FabricIT} tests run against, from the description {@code network.sh
 * up} wrote ({@code -Dkp.fabric.network.properties}).
 */
final class FabricTestNetwork {

  static final String CAR_KP = "CarKpMSP";
  static final String MONITORING = "KpMonitoringMSP";

  private FabricTestNetwork() {}

  static Path properties() {
    return Path.of(System.getProperty("kp.fabric.network.properties")).toAbsolutePath();
  }

  static String setting(String name) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(properties())) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String value = p.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(properties() + " has no " + name);
    }
    return value;
  }

  /** A Gateway connection to an organisation's peer as one of its identities. */
  static FabricConnection connect(String mspId, String identity) {
    return FabricConnection.open(settings(mspId, identity, null));
  }

  /** Settings as the node gets them from {@code kp.fabric.*}, the peer possibly replaced. */
  static FabricProperties settings(String mspId, String identity, String peer) {
    return new FabricProperties(
        true,
        properties(),
        mspId,
        identity,
        null,
        peer,
        null,
        null,
        null,
        "kp-channel",
        "kpledger",
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60));
  }

  /** The organisation's CA folder, an ordinary ledger {@link OrganisationCa}. */
  static OrganisationCa ca(String mspId) {
    return OrganisationCa.load(Path.of(setting(mspId + ".crypto")).resolve("ca"));
  }

  /** Certifies a node key with the KP authority's CA and registers it for a ledger id. */
  static void registerNode(String ledgerId, PublicKey key) throws Exception {
    OrganisationCa ca = ca(CAR_KP);
    try (FabricConnection admin = connect(CAR_KP, "admin")) {
      LedgerNodeRegistration.register(
          admin,
          ledgerId,
          LedgerNodeRegistration.certify(ca, "it-node", key, Instant.now(), Duration.ofDays(1)),
          ca.certificate());
    }
  }
}
