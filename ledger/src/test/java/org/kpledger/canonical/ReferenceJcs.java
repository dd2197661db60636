package org.kpledger.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The reference RFC 8785 implementation (java-json-canonicalization by the RFC's co-author), kept
 * in the tests as the oracle the ledger's own canonicaliser is cross-checked against.
 */
public final class ReferenceJcs {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ReferenceJcs() {}

  /**
   * Canonicalises a JSON value with the reference library.
   *
   * @param value the value (numbers as Jackson holds them: written out as text, then parsed by the
   *     library as IEEE-754 doubles)
   * @return its RFC 8785 form, UTF-8
   */
  public static byte[] canonicalize(JsonNode value) {
    try {
      return new JsonCanonicalizer(JSON.writeValueAsString(value)).getEncodedUTF8();
    } catch (IOException e) {
      throw new IllegalArgumentException("reference canonicaliser refused: " + e.getMessage(), e);
    }
  }
}
