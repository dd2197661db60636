package org.kpledger.anchoring.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

/**
 * Writes tree heads as C2SP checkpoints (https://c2sp.org/tlog-checkpoint), signed as C2SP signed
 * notes with signature type {@code 0x05}, an RFC 6962 {@code TreeHeadSignature} as specified by
 * https://c2sp.org/static-ct-api:
 *
 * <pre>
 * kp.example.org/ledger                                  origin (also the key name)
 * 1048576                                                tree size
 * 2q1K6aiIJR+F7TyhiWOghoWOjY0/3dVBLsBbAvB4xCw=           base64 root hash
 *
 * — kp.example.org/ledger base64(key ID || timestamp || 0x04 0x03 || len || DER ECDSA signature)
 * </pre>
 *
 * <p>The signature is ECDSA P-256/SHA-256 over the RFC 6962 §3.5 input {@code 0x00 (v1) || 0x01
 * (tree_hash) || uint64 timestamp || uint64 tree_size || root}; the timestamp (milliseconds)
 * travels in the signature line, so the head's time is signed while the note text stays the plain
 * three-line checkpoint (this type allows no extension lines). Key ID = first 4 bytes of
 * SHA-256(key name || 0x0A || 0x05 || log ID), log ID = SHA-256(DER SubjectPublicKeyInfo), so Go's
 * {@code golang.org/x/mod/sumdb/note} with transparency-dev/formats' RFC 6962 verifier, and
 * Sunlight clients, read these checkpoints.
 */
public final class Checkpoint {

  /** The C2SP signed-note signature type byte for RFC 6962 tree head signatures. */
  public static final byte SIGNATURE_TYPE = 0x05;

  static final byte HASH_SHA256 = 0x04;
  static final byte SIGNATURE_ECDSA = 0x03;

  private Checkpoint() {}

  /**
   * Returns the checkpoint note text of a head: origin, size and base64 root, one per line.
   *
   * @param head the tree head
   * @return the text, ending in a newline
   */
  public static String text(TreeHead head) {
    return head.origin()
        + "\n"
        + head.size()
        + "\n"
        + Base64.getEncoder().encodeToString(head.rootHash())
        + "\n";
  }

  /**
   * Signs a tree head with the ledger node's key, the key name being the head's origin.
   *
   * @param head the tree head
   * @param signer the ledger node's tree head key
   * @return the head with its signed checkpoint
   */
  public static SignedTreeHead sign(TreeHead head, TreeHeadSigner signer) {
    long millis = head.timestamp().toEpochMilli();
    byte[] der = signer.sign(signatureInput(millis, head.size(), head.rootHash()));
    byte[] body =
        ByteBuffer.allocate(8 + 2 + 2 + der.length)
            .putLong(millis)
            .put(HASH_SHA256)
            .put(SIGNATURE_ECDSA)
            .putShort((short) der.length)
            .put(der)
            .array();
    int keyId = keyId(head.origin(), signer.publicKey());
    String note =
        new SignedNote(text(head), List.of(new SignedNote.Line(head.origin(), keyId, body)))
            .format();
    return new SignedTreeHead(head, note);
  }

  /** The RFC 6962 §3.5 {@code TreeHeadSignature} input. */
  static byte[] signatureInput(long timestamp, long size, byte[] root) {
    return ByteBuffer.allocate(2 + 8 + 8 + root.length)
        .put((byte) 0)
        .put((byte) 1)
        .putLong(timestamp)
        .putLong(size)
        .put(root)
        .array();
  }

  /** The RFC 6962 log ID: SHA-256 of the DER SubjectPublicKeyInfo. */
  static byte[] logId(PublicKey key) {
    return sha256(key.getEncoded());
  }

  /** The signed-note key ID of a type 0x05 key. */
  static int keyId(String keyName, PublicKey key) {
    byte[] name = keyName.getBytes(StandardCharsets.UTF_8);
    byte[] id = logId(key);
    byte[] input =
        ByteBuffer.allocate(name.length + 2 + id.length)
            .put(name)
            .put((byte) 0x0A)
            .put(SIGNATURE_TYPE)
            .put(id)
            .array();
    return ByteBuffer.wrap(sha256(input)).getInt();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
