package org.kpledger.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * RFC 8785 (JCS) canonicalization of JSON text and of Jackson trees.
 *
 * <p>Both entry points go through the same serializer, so a JSON text and the tree parsed from it
 * always canonicalize to identical bytes. Every method is thread-safe and stateless.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /**
   * Canonicalizes a JSON text.
   *
   * @param json a complete JSON text (any JSON value at the top level)
   * @return the RFC 8785 canonical form, UTF-8 encoded
   * @throws IllegalArgumentException if the text is not valid JSON or not I-JSON (duplicate member
   *     names, lone surrogates, noncharacters, numbers that are not finite doubles)
   * @throws NullPointerException if {@code json} is null
   */
  public static byte[] canonicalize(String json) {
    return canonicalize(parse(json));
  }

  /**
   * Canonicalizes a Jackson tree. Numbers of every Jackson numeric type are converted to the
   * nearest IEEE-754 double and written per ES6, exactly as if the tree had been parsed from text.
   *
   * @param node the tree to canonicalize
   * @return the RFC 8785 canonical form, UTF-8 encoded
   * @throws IllegalArgumentException if the tree holds something JSON cannot express (NaN,
   *     infinities, binary or POJO nodes, a missing node), a lone surrogate or a noncharacter
   * @throws NullPointerException if {@code node} is null
   */
  public static byte[] canonicalize(JsonNode node) {
    Objects.requireNonNull(node, "node");
    return JcsWriter.write(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Canonicalizes a JSON text and returns the result as a Java string.
   *
   * @param json a complete JSON text
   * @return the canonical form as a string (its UTF-8 encoding is {@link #canonicalize(String)})
   * @throws IllegalArgumentException as {@link #canonicalize(String)}
   */
  public static String canonicalString(String json) {
    return JcsWriter.write(parse(json));
  }

  /**
   * Parses a JSON text strictly into a Jackson tree that holds exactly what canonicalization
   * covers: RFC 8259 grammar without extensions, no trailing content, no duplicate member names, no
   * lone surrogates or noncharacters, and every number that is not an integer within
   * &plusmn;2<sup>53</sup> stored as the double it canonicalizes to.
   *
   * @param json a complete JSON text
   * @return the parsed tree
   * @throws IllegalArgumentException with a message naming the problem and its position
   * @throws NullPointerException if {@code json} is null
   */
  public static JsonNode parse(String json) {
    Objects.requireNonNull(json, "json");
    return StrictJsonReader.read(json);
  }
}
