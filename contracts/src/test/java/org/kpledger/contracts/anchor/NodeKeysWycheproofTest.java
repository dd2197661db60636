package org.kpledger.contracts.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chaincode's head-signature check against every Wycheproof ECDSA P-256 SHA-256 DER vector. Our
 * rule differs from Wycheproof's verdict in one place, which Fabric dictates: a {@code valid}
 * signature with {@code s > n/2} is refused.
 */
class NodeKeysWycheproofTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void acceptsEveryValidLowSVectorAndRefusesEveryInvalidOrHighSVector() throws IOException {
    JsonNode root =
        new ObjectMapper()
            .readTree(
                Path.of(
                        System.getProperty("kp.testdata.dir"),
                        "wycheproof",
                        "ecdsa_secp256r1_sha256_test.json")
                    .toFile());
    List<String> wrong = new ArrayList<>();
    int highS = 0;
    int checked = 0;
    for (JsonNode group : root.get("testGroups")) {
      PublicKey key =
          NodeKeys.fromSpki(HEX.parseHex(group.get("publicKeyDer").asText())).orElse(null);
      for (JsonNode test : group.get("tests")) {
        byte[] msg = HEX.parseHex(test.get("msg").asText());
        byte[] sig = HEX.parseHex(test.get("sig").asText());
        boolean valid = test.get("result").asText().equals("valid");
        boolean lowS = valid && isLowS(sig);
        highS += valid && !lowS ? 1 : 0;
        boolean accepted = key != null && NodeKeys.verify(key, msg, sig);
        if (accepted != (valid && lowS)) {
          wrong.add(test.get("tcId").asText());
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(root.get("numberOfTests").asInt());
    assertThat(highS).as("high-S vectors that Wycheproof calls valid").isPositive();
    assertThat(wrong).as("tcIds where our verdict differs from the rule").isEmpty();
  }

  private static boolean isLowS(byte[] der) {
    try {
      return org.bouncycastle.crypto.signers.StandardDSAEncoding.INSTANCE.decode(Heads.N, der)[1]
              .compareTo(Heads.N.shiftRight(1))
          <= 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
