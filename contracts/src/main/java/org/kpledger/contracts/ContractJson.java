package org.kpledger.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The one JSON dialect of the chaincode: strict on input (unknown or duplicate members, trailing
 * tokens, a missing {@code required} member and non-canonical base64 are errors) and deterministic
 * on output (members in the records' declared {@code @JsonPropertyOrder}, no whitespace, absent
 * values omitted), so every endorsing peer writes the same bytes.
 */
public final class ContractJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private ContractJson() {}

  /**
   * Serialises a record to its canonical bytes.
   *
   * @param value a record of this chaincode
   * @return UTF-8 JSON without whitespace
   */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Parses JSON text strictly.
   *
   * @param json the text
   * @param type the record type
   * @param <T> the record type
   * @return the value, or empty when the text is not valid JSON of that type
   */
  public static <T> Optional<T> read(String json, Class<T> type) {
    if (json == null) {
      return Optional.empty();
    }
    return read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  /**
   * Parses stored or submitted JSON bytes strictly.
   *
   * @param json the bytes
   * @param type the record type
   * @param <T> the record type
   * @return the value, or empty when the bytes are not valid JSON of that type
   */
  public static <T> Optional<T> read(byte[] json, Class<T> type) {
    try {
      return Optional.ofNullable(MAPPER.readValue(json, type));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Decodes canonical standard base64 (RFC 4648 §4, with padding): the only encoding that maps one
   * way to the bytes, so that equal values are equal strings.
   *
   * @param text the base64 text
   * @return the bytes, or empty when the text is not canonical base64
   */
  public static Optional<byte[]> base64(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      return Base64.getEncoder().encodeToString(bytes).equals(text)
          ? Optional.of(bytes)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
