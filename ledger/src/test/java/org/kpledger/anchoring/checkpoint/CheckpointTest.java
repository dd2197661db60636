package org.kpledger.anchoring.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;
import org.kpledger.anchoring.checkpoint.CheckpointException.Reason;
import org.kpledger.merkle.MerkleHash;

/** Checkpoints round-trip through sign, text and verify; every tampering is refused by name. */
class CheckpointTest {

  private static final String ORIGIN = "kp.example.org/ledger";
  private static final TreeHeadSigner SIGNER = EcdsaP256TreeHeadSigner.withNewKey();
  private static final CheckpointVerifier VERIFIER =
      new CheckpointVerifier(ORIGIN, SIGNER.publicKey());
  private static final TreeHead HEAD =
      new TreeHead(
          ORIGIN,
          1048576,
          MerkleHash.leafHash(new byte[] {1}),
          Instant.parse("2013-05-23T09:41:07.123456Z"));

  /** A public checkpoint of the Rome 2024h1 CT log (static-ct-api), with its key. */
  private static final String ROME_NOTE =
      "rome.ct.filippo.io/2024h1\n"
          + "115474666\n"
          + "2q1K6aiIJR+F7TyhiWOghoWOjY0/3dVBLsBbAvB4xCw=\n\n"
          + "\u2014 rome.ct.filippo.io/2024h1"
          + " ePSrrgAAAY5+gVlSBAMARzBFAiEAv8bOMzo3Ed/GbU9fzzJvaStX6i8xTsmEF+NqvpGhIO0CIEn1X+zzVEerdix64GEn97XCXObA2G5JQ8UDDqCKdG5m\n";

  private static final String ROME_KEY =
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEAXM8Ld9qn64g1zVFDh5Ft"
          + "gxS3zj5sqQDwYMs3wrBV3MCBiFhK/iRLxdKF4YsAcJaEglMlu4Lewvzxs0xO2uwEw==";
  private static final String ROME_VERIFIER_KEY =
      "rome.ct.filippo.io/2024h1+78f4abae+BTBZMBMGBy"
          + "qGSM49AgEGCCqGSM49AwEHA0IABAFzPC3fap+uINc1RQ4eRbYMUt84+bKkA8GDLN8KwVdzAgYhYSv4kS8XSheGLA"
          + "HCWhIJTJbuC3sL88bNMTtrsBM=";

  @Test
  void signsAThreeLineCheckpointAndVerifiesItBack() throws Exception {
    SignedTreeHead signed = Checkpoint.sign(HEAD, SIGNER);
    assertThat(signed.note())
        .startsWith(
            ORIGIN
                + "\n1048576\n"
                + Base64.getEncoder().encodeToString(HEAD.rootHash())
                + "\n\n\u2014 "
                + ORIGIN
                + " ");
    assertThat(signed.note().lines()).hasSize(5);
    SignedTreeHead verified = VERIFIER.verify(signed.note());
    assertThat(verified.head()).isEqualTo(HEAD);
    assertThat(verified.head().timestamp()).isEqualTo(Instant.parse("2013-05-23T09:41:07.123Z"));
  }

  @Test
  void verifierKeyIsReadBackInTheNoteForm() throws Exception {
    CheckpointVerifier again = CheckpointVerifier.fromVerifierKey(VERIFIER.verifierKey());
    assertThat(again.verify(Checkpoint.sign(HEAD, SIGNER).note()).head()).isEqualTo(HEAD);
    assertThat(VERIFIER.verifierKey()).startsWith(ORIGIN + "+").contains("+BTBZ");
  }

  @Test
  void readsARealStaticCtCheckpointWithTheSameKeyIdAsGoTooling() throws Exception {
    PublicKey rome =
        KeyFactory.getInstance("EC")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(ROME_KEY)));
    CheckpointVerifier verifier = new CheckpointVerifier("rome.ct.filippo.io/2024h1", rome);
    assertThat(verifier.verifierKey()).isEqualTo(ROME_VERIFIER_KEY);
    TreeHead head = verifier.verify(ROME_NOTE).head();
    assertThat(head.size()).isEqualTo(115474666);
    assertThat(Base64.getEncoder().encodeToString(head.rootHash()))
        .isEqualTo("2q1K6aiIJR+F7TyhiWOghoWOjY0/3dVBLsBbAvB4xCw=");
  }

  @Test
  void ignoresSignaturesFromUnknownKeys() throws Exception {
    String note =
        Checkpoint.sign(HEAD, SIGNER).note()
            + "\u2014 witness.example.org/w1 "
            + Base64.getEncoder().encodeToString(new byte[20])
            + "\n";
    assertThat(VERIFIER.verify(note).head()).isEqualTo(HEAD);
  }

  @Test
  void rejectsChangedTreeSize() {
    assertRejected(note().replace("\n1048576\n", "\n1048577\n"), Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsChangedRootHash() {
    String root = Base64.getEncoder().encodeToString(HEAD.rootHash());
    String other = Base64.getEncoder().encodeToString(MerkleHash.leafHash(new byte[] {2}));
    assertRejected(note().replace(root, other), Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsChangedTimestamp() {
    assertRejected(withSignatureBytes(body -> flip(body, 7)), Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsFlippedSignatureBit() {
    assertRejected(withSignatureBytes(body -> flip(body, body.length - 1)), Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsHighSTwinThatPlainEcdsaWouldAccept() throws Exception {
    String note = withSignatureBytes(CheckpointTest::flipToHighS);
    byte[] blob = Base64.getDecoder().decode(note.substring(note.lastIndexOf(' ') + 1).trim());
    java.security.Signature plain = java.security.Signature.getInstance("SHA256withECDSA");
    plain.initVerify(SIGNER.publicKey());
    plain.update(
        Checkpoint.signatureInput(HEAD.timestamp().toEpochMilli(), HEAD.size(), HEAD.rootHash()));
    assertThat(plain.verify(Arrays.copyOfRange(blob, 16, blob.length))).isTrue();
    assertRejected(note, Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsOtherOrigin() {
    assertRejected(note().replace(ORIGIN + "\n", "kp.example.org/other\n"), Reason.ORIGIN_MISMATCH);
  }

  @Test
  void rejectsSignatureByAnotherKey() {
    String foreign = Checkpoint.sign(HEAD, EcdsaP256TreeHeadSigner.withNewKey()).note();
    assertRejected(foreign, Reason.NO_KNOWN_SIGNATURE);
  }

  @Test
  void rejectsAddedExtensionLine() {
    assertRejected(note().replaceFirst("\n\n", "\nextra\n\n"), Reason.MALFORMED_CHECKPOINT);
  }

  @Test
  void rejectsRemovedSignatureLines() {
    String note = note();
    assertRejected(note.substring(0, note.indexOf("\n\n") + 2), Reason.MALFORMED_NOTE);
  }

  @Test
  void rejectsControlCharacters() {
    assertRejected(note().replace("\n1048576\n", "\n1048576\r\n"), Reason.MALFORMED_NOTE);
  }

  @Test
  void rejectsLeadingZeroInTreeSize() {
    assertRejected(note().replace("\n1048576\n", "\n01048576\n"), Reason.MALFORMED_CHECKPOINT);
  }

  private static String note() {
    return Checkpoint.sign(HEAD, SIGNER).note();
  }

  private static void assertRejected(String note, Reason reason) {
    assertThatThrownBy(() -> VERIFIER.verify(note))
        .isInstanceOf(CheckpointException.class)
        .satisfies(e -> assertThat(((CheckpointException) e).reason()).isEqualTo(reason));
  }

  private interface Tamper {
    byte[] apply(byte[] body);
  }

  /** Rewrites the signature part (after the 4-byte key ID) of the note's signature line. */
  private static String withSignatureBytes(Tamper tamper) {
    String note = note();
    int start = note.lastIndexOf(' ') + 1;
    byte[] blob = Base64.getDecoder().decode(note.substring(start, note.length() - 1));
    byte[] body = tamper.apply(Arrays.copyOfRange(blob, 4, blob.length));
    byte[] out = ByteBuffer.allocate(4 + body.length).put(blob, 0, 4).put(body).array();
    return note.substring(0, start) + Base64.getEncoder().encodeToString(out) + "\n";
  }

  private static byte[] flip(byte[] body, int index) {
    body[index] ^= 1;
    return body;
  }

  private static byte[] flipToHighS(byte[] body) {
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(Arrays.copyOfRange(body, 12, body.length));
      BigInteger n =
          new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
      BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
      byte[] high =
          new DERSequence(
                  List.of(seq.getObjectAt(0), new ASN1Integer(n.subtract(s)))
                      .toArray(new org.bouncycastle.asn1.ASN1Encodable[0]))
              .getEncoded();
      return ByteBuffer.allocate(12 + high.length)
          .put(body, 0, 10)
          .putShort((short) high.length)
          .put(high)
          .array();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
