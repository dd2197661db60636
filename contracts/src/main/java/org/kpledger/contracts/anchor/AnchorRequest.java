package org.kpledger.contracts.anchor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kpledger.contracts.ContractJson;
import org.kpledger.merkle.MerkleHash;

/**
 * The argument of {@code AppendHead}: a new head and the RFC 9162 consistency proof from the head
 * anchored before it (golden files {@code formats/anchor/anchor-*.json}).
 *
 * @param head the new signed tree head
 * @param fromSize the size of the latest anchored head the proof starts from; 0 for a ledger's
 *     first head, whose proof is then empty
 * @param consistencyProof the proof's hashes, canonical base64 of 32 bytes each, in RFC 9162
 *     §2.1.4.1 order; empty when {@code fromSize} is 0 or equals the head's size
 */
@JsonPropertyOrder({"head", "fromSize", "consistencyProof"})
public record AnchorRequest(
    @JsonProperty(required = true) TreeHead head,
    @JsonProperty(required = true) long fromSize,
    @JsonProperty(required = true) List<String> consistencyProof) {

  /**
   * Checks the request's shape (not the proof's validity).
   *
   * @return what is wrong with it, or empty when it is well formed
   */
  public Optional<String> defect() {
    if (head == null) {
      return Optional.of("head is missing");
    }
    if (consistencyProof == null) {
      return Optional.of("consistencyProof is missing (use [] for none)");
    }
    if (fromSize < 0) {
      return Optional.of("fromSize must not be negative");
    }
    for (int i = 0; i < consistencyProof.size(); i++) {
      if (ContractJson.base64(consistencyProof.get(i))
          .filter(b -> b.length == MerkleHash.SIZE)
          .isEmpty()) {
        return Optional.of("consistencyProof[" + i + "] is not canonical base64 of 32 bytes");
      }
    }
    return head.defect();
  }

  /**
   * The proof's hashes; call only on a request for which {@link #defect()} is empty.
   *
   * @return a new list of 32-byte arrays
   */
  public List<byte[]> proof() {
    List<byte[]> hashes = new ArrayList<>(consistencyProof.size());
    consistencyProof.forEach(h -> hashes.add(ContractJson.base64(h).orElseThrow()));
    return hashes;
  }
}
