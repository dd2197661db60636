package org.kpledger.anchoring.checkpoint;

import static org.kpledger.anchoring.checkpoint.CheckpointException.Reason.BAD_SIGNATURE;
import static org.kpledger.anchoring.checkpoint.CheckpointException.Reason.MALFORMED_CHECKPOINT;
import static org.kpledger.anchoring.checkpoint.CheckpointException.Reason.NO_KNOWN_SIGNATURE;
import static org.kpledger.anchoring.checkpoint.CheckpointException.Reason.ORIGIN_MISMATCH;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.kpledger.merkle.MerkleHash;
import org.kpledger.signing.EcdsaP256;

/**
 * Verifies checkpoints of one log signed by one trusted key (see {@link Checkpoint} for the
 * format). Follows C2SP signed-note: lines from other keys are ignored, a failing line from the
 * trusted key rejects the note, and at least one line from it must verify. Beyond the spec it
 * demands the origin line equal the key name (static-ct-api), strict DER and a low S. Thread-safe.
 */
public final class CheckpointVerifier {

  private final String origin;
  private final PublicKey key;
  private final int keyId;

  /**
   * Trusts one key for one log.
   *
   * @param origin the log's origin, which is also the key name
   * @param key the ledger node's ECDSA P-256 tree head public key
   */
  public CheckpointVerifier(String origin, PublicKey key) {
    TreeHead.requireValidName(origin);
    if (!EcdsaP256.isP256(key)) {
      throw new IllegalArgumentException("a checkpoint key must be ECDSA P-256");
    }
    this.origin = origin;
    this.key = key;
    this.keyId = Checkpoint.keyId(origin, key);
  }

  /**
   * Reads a verifier key in the note form {@code <name>+<hex key ID>+<base64(0x05 || DER SPKI)>},
   * the form transparency-dev/formats' {@code NewRFC6962Verifier} reads.
   *
   * @param verifierKey the verifier key text
   * @return a verifier for that key
   * @throws IllegalArgumentException if the text is not such a key or its key ID does not match
   */
  public static CheckpointVerifier fromVerifierKey(String verifierKey) {
    String[] parts = verifierKey.split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a verifier key is <name>+<key id>+<key>");
    }
    byte[] blob = Base64.getDecoder().decode(parts[2]);
    if (blob.length < 2 || blob[0] != Checkpoint.SIGNATURE_TYPE) {
      throw new IllegalArgumentException("not an RFC 6962 (type 0x05) verifier key");
    }
    try {
      PublicKey key =
          KeyFactory.getInstance("EC")
              .generatePublic(new X509EncodedKeySpec(Arrays.copyOfRange(blob, 1, blob.length)));
      CheckpointVerifier verifier = new CheckpointVerifier(parts[0], key);
      if (!verifier.verifierKey().equals(verifierKey)) {
        throw new IllegalArgumentException("the key ID does not match the key");
      }
      return verifier;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a P-256 public key: " + e.getMessage(), e);
    }
  }

  /**
   * Returns this verifier's key in the note verifier-key form, for publishing next to the log.
   *
   * @return {@code <origin>+<8 hex digits>+<base64(0x05 || DER SubjectPublicKeyInfo)>}
   */
  public String verifierKey() {
    byte[] spki = key.getEncoded();
    byte[] blob = new byte[spki.length + 1];
    blob[0] = Checkpoint.SIGNATURE_TYPE;
    System.arraycopy(spki, 0, blob, 1, spki.length);
    return origin
        + "+"
        + HexFormat.of().toHexDigits(keyId)
        + "+"
        + Base64.getEncoder().encodeToString(blob);
  }

  /**
   * Verifies a checkpoint and returns what it states.
   *
   * @param note the signed note text
   * @return the tree head, its time taken from the verified signature, with the note
   * @throws CheckpointException if the note is malformed, from another log, or not validly signed
   */
  public SignedTreeHead verify(String note) throws CheckpointException {
    SignedNote parsed = SignedNote.parse(Objects.requireNonNull(note, "note"));
    String[] lines = parsed.text().substring(0, parsed.text().length() - 1).split("\n", -1);
    if (lines.length != 3) {
      throw new CheckpointException(
          MALFORMED_CHECKPOINT,
          "a type 0x05 checkpoint has exactly three"
              + " lines (origin, size, root) and no extension lines; got "
              + lines.length);
    }
    if (!lines[0].equals(origin)) {
      throw new CheckpointException(
          ORIGIN_MISMATCH,
          "checkpoint origin '" + lines[0] + "' is not the trusted log '" + origin + "'");
    }
    long size = parseSize(lines[1]);
    byte[] root = parseRoot(lines[2]);
    Instant signedAt = null;
    for (SignedNote.Line line : parsed.signatures()) {
      if (line.keyName().equals(origin) && line.keyId() == keyId) {
        Instant at = verifyLine(line.signature(), size, root);
        signedAt = signedAt == null ? at : signedAt;
      }
    }
    if (signedAt == null) {
      throw new CheckpointException(
          NO_KNOWN_SIGNATURE,
          "no signature by " + origin + " key " + HexFormat.of().toHexDigits(keyId));
    }
    return new SignedTreeHead(new TreeHead(origin, size, root, signedAt), note);
  }

  private Instant verifyLine(byte[] body, long size, byte[] root) throws CheckpointException {
    ByteBuffer in = ByteBuffer.wrap(body);
    if (body.length < 12) {
      throw new CheckpointException(BAD_SIGNATURE, "signature too short");
    }
    long millis = in.getLong();
    byte hash = in.get();
    byte algorithm = in.get();
    int length = Short.toUnsignedInt(in.getShort());
    if (hash != Checkpoint.HASH_SHA256
        || algorithm != Checkpoint.SIGNATURE_ECDSA
        || length != in.remaining()
        || millis < 0) {
      throw new CheckpointException(
          BAD_SIGNATURE, "signature is not a timestamped ECDSA/SHA-256 RFC 6962 DigitallySigned");
    }
    byte[] der = Arrays.copyOfRange(body, 12, body.length);
    if (!EcdsaP256.verify(key, Checkpoint.signatureInput(millis, size, root), der)) {
      throw new CheckpointException(
          BAD_SIGNATURE,
          "signature by "
              + origin
              + " does not verify"
              + " (or is not low-S strict DER) for size "
              + size
              + " root "
              + MerkleHash.hex(root));
    }
    return Instant.ofEpochMilli(millis);
  }

  private static long parseSize(String line) throws CheckpointException {
    if (!line.matches("0|[1-9][0-9]{0,18}")) {
      throw new CheckpointException(
          MALFORMED_CHECKPOINT, "tree size '" + line + "' is not decimal");
    }
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw new CheckpointException(MALFORMED_CHECKPOINT, "tree size " + line + " is too large");
    }
  }

  private static byte[] parseRoot(String line) throws CheckpointException {
    try {
      byte[] root = Base64.getDecoder().decode(line);
      if (root.length == MerkleHash.SIZE && Base64.getEncoder().encodeToString(root).equals(line)) {
        return root;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new CheckpointException(
        MALFORMED_CHECKPOINT, "root hash '" + line + "' is not the base64 of 32 bytes");
  }
}
