package org.kpledger.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Wycheproof ECDSA P-256/SHA-256 case, P1363 and DER encodings.
 *
 * <p>Rule applied: a case is accepted by us iff Wycheproof says {@code valid} AND its s is at most
 * n/2 (Fabric's low-S rule). {@code acceptable} cases (none in these files today) are rejected: the
 * ledger takes only signatures that every strict verifier would take.
 */
class WycheproofEcdsaTest {

  static final BigInteger N =
      new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
  private static final HexFormat HEX = HexFormat.of();

  record Case(int tcId, String result, PublicKey key, byte[] msg, byte[] sig, String comment) {}

  static List<Case> load(String file) throws Exception {
    Path path = Path.of(System.getProperty("kp.testdata.dir"), "wycheproof", file);
    JsonNode root = new ObjectMapper().readTree(path.toFile());
    KeyFactory kf = KeyFactory.getInstance("EC");
    List<Case> cases = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      PublicKey key =
          kf.generatePublic(
              new X509EncodedKeySpec(HEX.parseHex(group.get("publicKeyDer").asText())));
      for (JsonNode t : group.get("tests")) {
        cases.add(
            new Case(
                t.get("tcId").asInt(),
                t.get("result").asText(),
                key,
                HEX.parseHex(t.get("msg").asText()),
                HEX.parseHex(t.get("sig").asText()),
                t.get("comment").asText()));
      }
    }
    assertThat(cases).hasSize(root.get("numberOfTests").asInt());
    return cases;
  }

  /** s from a P1363 signature of the right length, else null. */
  static BigInteger p1363S(byte[] sig) {
    return sig.length == 64 ? new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)) : null;
  }

  static boolean highS(BigInteger s) {
    return s != null && s.compareTo(N.shiftRight(1)) > 0;
  }

  @Test
  void everyP1363CaseGetsTheLedgersVerdict() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Case c : load("ecdsa_secp256r1_sha256_p1363_test.json")) {
      boolean expected = "valid".equals(c.result()) && !highS(p1363S(c.sig()));
      if (EcdsaP256.verifyP1363(c.key(), c.msg(), c.sig()) != expected) {
        failures.add("tcId " + c.tcId() + " (" + c.result() + ", " + c.comment() + ")");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyDerCaseGetsTheLedgersVerdict() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Case c : load("ecdsa_secp256r1_sha256_test.json")) {
      boolean expected = "valid".equals(c.result()) && EcdsaP256.isLowS(c.sig());
      if (EcdsaP256.verify(c.key(), c.msg(), c.sig()) != expected) {
        failures.add("tcId " + c.tcId() + " (" + c.result() + ", " + c.comment() + ")");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void rejectsHighSSignaturesThatWycheproofAcceptsBecauseFabricRequiresLowS() throws Exception {
    List<String> accepted = new ArrayList<>();
    int p1363 = 0;
    for (Case c : load("ecdsa_secp256r1_sha256_p1363_test.json")) {
      if ("valid".equals(c.result()) && highS(p1363S(c.sig()))) {
        p1363++;
        if (EcdsaP256.verifyP1363(c.key(), c.msg(), c.sig())) {
          accepted.add("p1363 tcId " + c.tcId());
        }
        assertThat(EcdsaP256.verifyP1363(c.key(), c.msg(), lowSTwin(c.sig())))
            .as("the low-S twin of p1363 tcId %d verifies", c.tcId())
            .isTrue();
      }
    }
    int der = 0;
    for (Case c : load("ecdsa_secp256r1_sha256_test.json")) {
      if ("valid".equals(c.result()) && !EcdsaP256.isLowS(c.sig())) {
        der++;
        if (EcdsaP256.verify(c.key(), c.msg(), c.sig())) {
          accepted.add("der tcId " + c.tcId());
        }
      }
    }
    assertThat(accepted).isEmpty();
    assertThat(p1363).as("Wycheproof-valid, high-S cases in the P1363 file").isEqualTo(70);
    assertThat(der).as("Wycheproof-valid, high-S cases in the DER file").isEqualTo(71);
  }

  @Test
  void acceptableCasesAreRejectedByPolicy() throws Exception {
    List<Case> all = new ArrayList<>(load("ecdsa_secp256r1_sha256_p1363_test.json"));
    all.addAll(load("ecdsa_secp256r1_sha256_test.json"));
    List<Case> acceptable = all.stream().filter(c -> "acceptable".equals(c.result())).toList();
    assertThat(acceptable).as("these vector files carry no 'acceptable' cases today").isEmpty();
    assertThat(
            all.stream()
                .filter(c -> !"valid".equals(c.result()))
                .filter(
                    c ->
                        c.sig().length == 64
                            ? EcdsaP256.verifyP1363(c.key(), c.msg(), c.sig())
                            : EcdsaP256.verify(c.key(), c.msg(), c.sig())))
        .isEmpty();
  }

  static byte[] lowSTwin(byte[] p1363) {
    byte[] twin = p1363.clone();
    byte[] s = N.subtract(p1363S(p1363)).toByteArray();
    int n = Math.min(32, s.length);
    Arrays.fill(twin, 32, 64, (byte) 0);
    System.arraycopy(s, s.length - n, twin, 64 - n, n);
    return twin;
  }
}
