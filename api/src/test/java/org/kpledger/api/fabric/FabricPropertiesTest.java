package org.kpledger.api.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings come from the network description, and what is named explicitly wins. */
class FabricPropertiesTest {

  @TempDir Path dir;

  @Test
  void fillsTheIdentityAndPeerFromTheNetworkDescription() throws Exception {
    FabricProperties p = settings(description(), "CarKpMSP", null).resolved();
    assertThat(p.mspId()).isEqualTo("CarKpMSP");
    assertThat(p.peer()).isEqualTo("127.0.0.1:7060");
    assertThat(p.tlsRootCert()).isEqualTo(Path.of("/n/crypto/CarKpMSP/peer0/tls/ca.crt"));
    assertThat(p.certificate())
        .isEqualTo(Path.of("/n/crypto/CarKpMSP/client/msp/signcerts/cert.pem"));
    assertThat(p.privateKey()).isEqualTo(Path.of("/n/crypto/CarKpMSP/client/msp/keystore/priv_sk"));
    assertThat(p.channel()).isEqualTo("kp-channel");
  }

  @Test
  void anExplicitPeerWinsOverTheDescription() throws Exception {
    FabricProperties p = settings(description(), "CarKpMSP", "10.0.0.1:1").resolved();
    assertThat(p.peer()).isEqualTo("10.0.0.1:1");
  }

  @Test
  void refusesSettingsThatNameNoIdentity() throws Exception {
    assertThatThrownBy(() -> settings(null, null, "127.0.0.1:7060").resolved())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("msp-id");
    assertThatThrownBy(() -> settings(description(), "NoSuchMSP", null).resolved())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NoSuchMSP.crypto");
  }

  private Path description() throws Exception {
    Path f = dir.resolve("network.properties");
    Files.writeString(
        f,
        String.join(
            "\n",
            "channel=kp-channel",
            "chaincode=kpledger",
            "CarKpMSP.peer=127.0.0.1:7060",
            "CarKpMSP.peer.tlsRootCert=/n/crypto/CarKpMSP/peer0/tls/ca.crt",
            "CarKpMSP.crypto=/n/crypto/CarKpMSP"));
    return f;
  }

  private static FabricProperties settings(Path network, String org, String peer) {
    Duration s = Duration.ofSeconds(5);
    return new FabricProperties(
        true, network, org, "client", null, peer, null, null, null, "ch", "cc", s, s, s, s);
  }
}
