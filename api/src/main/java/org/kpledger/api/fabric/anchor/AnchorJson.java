package org.kpledger.api.fabric.anchor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The JSON the anchor contract takes and returns, pinned by the golden files of {@code
 * formats/anchor/} ({@code tree-head.json}, {@code anchor-*.json}, {@code anchored-head.json}).
 */
final class AnchorJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AnchorJson() {}

  /** A signed tree head as the contract stores it; the signature is over the checkpoint text. */
  @JsonPropertyOrder({"ledgerId", "size", "rootHash", "timestamp", "signature"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Head(String ledgerId, long size, String rootHash, String timestamp, String signature) {

    /** The C2SP checkpoint body the signature covers: {@code <ledgerId>\n<size>\n<root>\n}. */
    byte[] checkpoint() {
      return (ledgerId + "\n" + size + "\n" + rootHash + "\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] root() {
      return Base64.getDecoder().decode(rootHash);
    }

    byte[] signatureBytes() {
      return Base64.getDecoder().decode(signature);
    }
  }

  /** The argument of {@code AppendHead}. */
  @JsonPropertyOrder({"head", "fromSize", "consistencyProof"})
  record Request(Head head, long fromSize, List<String> consistencyProof) {}

  /** What the contract stored for a head and answers from its queries. */
  @JsonPropertyOrder({"head", "txId", "txTimestamp"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Stored(Head head, String txId, String txTimestamp) {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write anchor JSON", e);
    }
  }

  static Stored stored(byte[] json) {
    try {
      return JSON.readValue(json, Stored.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "the anchor contract answered something that is not a stored head: "
              + new String(json, StandardCharsets.UTF_8),
          e);
    }
  }
}
