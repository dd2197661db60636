package org.kpledger.contracts.anchor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kpledger.contracts.ContractJson;
import org.kpledger.merkle.MerkleHash;

/**
 * A signed tree head of a ledger's Merkle log, as the ledger node submits it and the contract
 * stores it (golden file {@code formats/anchor/tree-head.json}).
 *
 * @param ledgerId the log's identity, also the checkpoint's origin line: 1-128 of letters, digits
 *     and {@code . _ : / @ -}
 * @param size the number of leaves, at least 1
 * @param rootHash the RFC 9162 root, canonical base64 of 32 bytes
 * @param timestamp when the ledger node produced the head, ISO-8601 UTC as {@link
 *     Instant#toString()} writes it; not covered by the signature
 * @param signature canonical base64 of a DER ECDSA P-256 low-S signature over {@link #checkpoint()}
 */
@JsonPropertyOrder({"ledgerId", "size", "rootHash", "timestamp", "signature"})
public record TreeHead(
    @JsonProperty(required = true) String ledgerId,
    @JsonProperty(required = true) long size,
    @JsonProperty(required = true) String rootHash,
    @JsonProperty(required = true) String timestamp,
    @JsonProperty(required = true) String signature) {

  /** Ledger ids: no whitespace or line breaks, since the id is the checkpoint's first line. */
  public static final Pattern LEDGER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}");

  /**
   * The text the ledger node signs: the body of a C2SP tlog-checkpoint, {@code
   * <ledgerId>\n<size>\n<base64 rootHash>\n}.
   *
   * @return the checkpoint text
   */
  public String checkpoint() {
    return ledgerId + "\n" + size + "\n" + rootHash + "\n";
  }

  /**
   * The checkpoint text's UTF-8 bytes, the signed message.
   *
   * @return the bytes
   */
  public byte[] signedBytes() {
    return checkpoint().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The root hash's bytes; call only on a head for which {@link #defect()} is empty.
   *
   * @return 32 bytes
   */
  public byte[] root() {
    return ContractJson.base64(rootHash).orElseThrow();
  }

  /**
   * The signature's DER bytes; call only on a head for which {@link #defect()} is empty.
   *
   * @return the DER signature
   */
  public byte[] signatureBytes() {
    return ContractJson.base64(signature).orElseThrow();
  }

  /**
   * Checks the head's shape (not its signature).
   *
   * @return what is wrong with it, or empty when it is well formed
   */
  public Optional<String> defect() {
    if (ledgerId == null || !LEDGER_ID.matcher(ledgerId).matches()) {
      return Optional.of("ledgerId must match " + LEDGER_ID.pattern());
    }
    if (size < 1) {
      return Optional.of("size must be at least 1, got " + size);
    }
    if (ContractJson.base64(rootHash).filter(b -> b.length == MerkleHash.SIZE).isEmpty()) {
      return Optional.of("rootHash must be canonical base64 of " + MerkleHash.SIZE + " bytes");
    }
    if (ContractJson.base64(signature).filter(b -> b.length > 0).isEmpty()) {
      return Optional.of("signature must be canonical base64 of a DER signature");
    }
    return timestampDefect();
  }

  private Optional<String> timestampDefect() {
    try {
      if (timestamp != null && Instant.parse(timestamp).toString().equals(timestamp)) {
        return Optional.empty();
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    return Optional.of("timestamp must be ISO-8601 UTC as Instant.toString writes it");
  }
}
