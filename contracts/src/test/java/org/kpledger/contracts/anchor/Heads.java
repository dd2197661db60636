package org.kpledger.contracts.anchor;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.kpledger.contracts.ContractJson;
import org.kpledger.contracts.TestOrganisations;
import org.kpledger.merkle.InMemoryNodeStore;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.merkle.MerkleLog;

/**
 * A test ledger node: a Merkle log of leaves {@code "<prefix>-0"}, {@code "<prefix>-1"}, ... and a
 * P-256 key that signs its tree heads, always low-S.
 */
final class Heads {

  static final BigInteger N = ECNamedCurveTable.getByName("secp256r1").getN();

  final String ledgerId;
  final KeyPair keys;
  private final MerkleLog log = new MerkleLog(new InMemoryNodeStore());
  private final String leafPrefix;

  Heads(String ledgerId, KeyPair keys, String leafPrefix, int leaves) {
    this.ledgerId = ledgerId;
    this.keys = keys;
    this.leafPrefix = leafPrefix;
    grow(leaves);
  }

  Heads(String ledgerId, int leaves) {
    this(ledgerId, TestOrganisations.p256(), "event", leaves);
  }

  void grow(int total) {
    for (long i = log.size(); i < total; i++) {
      log.append(MerkleHash.leafHash((leafPrefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
    }
  }

  String publicKeyPem() {
    return TestOrganisations.pem(keys.getPublic());
  }

  /** This node's ledger-node certificate from the test KP authority's CA. */
  String certificatePem() {
    return TestOrganisations.CAR_KP.ledgerNode(keys.getPublic());
  }

  TreeHead head(long size, String timestamp) {
    String root = b64(log.root(size));
    TreeHead unsigned = new TreeHead(ledgerId, size, root, timestamp, "");
    return new TreeHead(ledgerId, size, root, timestamp, b64(sign(keys.getPrivate(), unsigned)));
  }

  List<String> proof(long from, long to) {
    return log.consistencyProof(from, to).stream().map(Heads::b64).toList();
  }

  /** The request appending the head of {@code to} with a proof from {@code from}. */
  String request(long from, long to) {
    List<String> proof = from == 0 ? List.of() : proof(from, to);
    return json(new AnchorRequest(head(to, "2026-11-27T12:00:0" + (to % 10) + "Z"), from, proof));
  }

  static String json(Object value) {
    return new String(ContractJson.write(value), StandardCharsets.UTF_8);
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Signs a head's checkpoint, normalised to low-S as Fabric requires. */
  static byte[] sign(PrivateKey key, TreeHead head) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key);
      signer.update(head.signedBytes());
      BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, signer.sign());
      BigInteger s = rs[1].compareTo(N.shiftRight(1)) > 0 ? N.subtract(rs[1]) : rs[1];
      return StandardDSAEncoding.INSTANCE.encode(N, rs[0], s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same signature with {@code s} replaced by {@code n - s}: valid maths, refused form. */
  static String highS(String signature) {
    try {
      BigInteger[] rs =
          StandardDSAEncoding.INSTANCE.decode(N, Base64.getDecoder().decode(signature));
      return b64(StandardDSAEncoding.INSTANCE.encode(N, rs[0], N.subtract(rs[1])));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
