package org.kpledger.api.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.kpledger.api.problem.CommandRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The text of a command body, which must be UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is
 * UTF-8; the signature covers the UTF-8 bytes of the canonical form). A body declared in another
 * charset is refused with 415; one that starts with a byte order mark, holds a NUL byte (how UTF-16
 * or UTF-32 text looks without a mark) or is not well-formed UTF-8 with 400. Nothing is guessed or
 * converted, so what the ledger keeps is what the signer sent.
 */
final class Utf8Body {
  private Utf8Body() {}

  static String decode(byte[] body, MediaType contentType) {
    if (contentType != null
        && contentType.getCharset() != null
        && !StandardCharsets.UTF_8.equals(contentType.getCharset())) {
      throw new CommandRefusedException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "UNSUPPORTED_CHARSET",
          null,
          "send the body as UTF-8 (application/json or application/json;charset=utf-8), not "
              + contentType.getCharset().name());
    }
    if (startsWithByteOrderMark(body)) {
      throw notUtf8("the body starts with a byte order mark; send UTF-8 without one");
    }
    for (byte b : body) {
      if (b == 0) {
        throw notUtf8("the body holds a NUL byte; send UTF-8, not UTF-16 or UTF-32");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw notUtf8("the body is not well-formed UTF-8");
    }
  }

  private static boolean startsWithByteOrderMark(byte[] b) {
    return (b.length >= 3
            && (b[0] & 0xff) == 0xef
            && (b[1] & 0xff) == 0xbb
            && (b[2] & 0xff) == 0xbf)
        || (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)
        || (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe);
  }

  private static CommandRefusedException notUtf8(String detail) {
    return new CommandRefusedException(HttpStatus.BAD_REQUEST, "NOT_UTF8", null, detail);
  }
}
