package org.kpledger.eventstore;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The step of {@link PackedJson}'s format 2 before DEFLATE: JSON strings that are random bytes
 * written as text (an event id or command id as a UUID, a SHA-256 in hex, a signature in base64)
 * and instants written as text (ISO 8601 in UTC, as {@code Instant.toString()} writes them) put
 * back as bytes, each behind a tag byte that JSON text cannot contain. DEFLATE codes a hex digit in
 * about 6 bits and a base64 character in about 7 in a value of a few hundred bytes, so the 36
 * characters of a UUID cost it about 24 bytes and its 16 bytes cost 17 here.
 *
 * <p>A tag stands for a whole JSON string, its quotes included, written exactly so:
 *
 * <ul>
 *   <li>{@code 0x01} then 16 bytes: {@code "} a UUID in canonical text (lower-case hex, hyphens at
 *       8, 13, 18 and 23) {@code "};
 *   <li>{@code 0x02}, a length byte n (16 to 255), then n bytes: {@code "} the n bytes in
 *       lower-case hex {@code "};
 *   <li>{@code 0x03}, a length byte n (32 to 255), then n bytes: {@code "} the n bytes in base64
 *       (RFC 4648 §4, padded) {@code "};
 *   <li>{@code 0x04}, a digit count d (0 to 9), 8 bytes of seconds since 1970-01-01T00:00:00Z
 *       (signed, big-endian) and 4 bytes of nanoseconds (big-endian): {@code "} the instant in UTC
 *       as {@code yyyy-MM-ddTHH:mm:ss}, then, if d is not 0, a dot and the first d digits of the
 *       nanoseconds, then {@code Z"}; years 1 to 9999 only.
 * </ul>
 *
 * <p>JSON text holds no byte from {@code 0x00} to {@code 0x08} (a control character inside a string
 * must be escaped); text that holds one is not shortened, so every other byte stands for itself. A
 * string is replaced only when the tag's text gives back exactly its characters; anything else
 * (upper-case hex, base64 without padding or with stray bits) stays as it is.
 */
final class BinaryStrings {
  static final byte UUID_TAG = 0x01;
  static final byte HEX_TAG = 0x02;
  static final byte BASE64_TAG = 0x03;
  static final byte INSTANT_TAG = 0x04;

  private static final int UUID_CHARS = 36;
  private static final int UUID_BYTES = 16;
  private static final int MIN_HEX_BYTES = 16;
  private static final int MIN_BASE64_BYTES = 32;
  private static final int MAX_BYTES = 255;
  private static final int INSTANT_BYTES = 13;
  private static final int MIN_INSTANT_CHARS = 20;
  private static final int MAX_INSTANT_CHARS = 30;
  private static final int[] TENS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };
  private static final byte QUOTE = '"';
  private static final HexFormat HEX = HexFormat.of();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

  private BinaryStrings() {}

  /**
   * The text with every string of random bytes put back as its bytes.
   *
   * @param json UTF-8 JSON text
   * @return the shortened bytes, or {@code null} if the text holds a byte from 0x00 to 0x08
   */
  static byte[] shorten(byte[] json) {
    Bytes out = new Bytes(json.length);
    int i = 0;
    while (i < json.length) {
      byte b = json[i];
      if (reserved(b)) {
        return null;
      }
      if (b == QUOTE) {
        int end = i + 1;
        while (end < json.length && stringChar(json[end])) {
          end++;
        }
        if (end < json.length && json[end] == QUOTE && replace(json, i + 1, end, out)) {
          i = end + 1;
          continue;
        }
      }
      out.add(b);
      i++;
    }
    return out.toArray();
  }

  /**
   * The JSON text that {@link #shorten} was given.
   *
   * @param shortened what it returned
   * @return the text
   * @throws IllegalStateException if a tag is unknown, out of range or cut short
   */
  static byte[] restore(byte[] shortened) {
    Bytes out = new Bytes(shortened.length * 2);
    int i = 0;
    while (i < shortened.length) {
      byte b = shortened[i];
      if (!reserved(b)) {
        out.add(b);
        i++;
        continue;
      }
      int length;
      int from;
      if (b == INSTANT_TAG) {
        if (i + 1 + INSTANT_BYTES > shortened.length) {
          throw damaged("tag " + b + " at " + i + " is cut short");
        }
        String text = instantText(shortened, i + 1);
        if (text == null) {
          throw damaged("tag " + b + " at " + i + " holds no instant of years 1 to 9999");
        }
        out.add(QUOTE);
        for (int k = 0; k < text.length(); k++) {
          out.add((byte) text.charAt(k));
        }
        out.add(QUOTE);
        i += 1 + INSTANT_BYTES;
        continue;
      }
      if (b == UUID_TAG) {
        length = UUID_BYTES;
        from = i + 1;
      } else if (b == HEX_TAG || b == BASE64_TAG) {
        if (i + 1 >= shortened.length) {
          throw damaged("a length byte is missing after tag " + b + " at " + i);
        }
        length = shortened[i + 1] & 0xff;
        int min = b == HEX_TAG ? MIN_HEX_BYTES : MIN_BASE64_BYTES;
        if (length < min) {
          throw damaged("tag " + b + " at " + i + " gives " + length + " bytes, fewer than " + min);
        }
        from = i + 2;
      } else {
        throw damaged("byte " + b + " at " + i + " is no tag");
      }
      if (from + length > shortened.length) {
        throw damaged("tag " + b + " at " + i + " is cut short");
      }
      byte[] raw = Arrays.copyOfRange(shortened, from, from + length);
      String text =
          b == UUID_TAG
              ? uuidText(raw)
              : b == HEX_TAG ? HEX.formatHex(raw) : BASE64.encodeToString(raw);
      out.add(QUOTE);
      for (int k = 0; k < text.length(); k++) {
        out.add((byte) text.charAt(k));
      }
      out.add(QUOTE);
      i = from + length;
    }
    return out.toArray();
  }

  /** Writes the tag for json[from, to) (between quotes) and returns true, or returns false. */
  private static boolean replace(byte[] json, int from, int to, Bytes out) {
    int chars = to - from;
    if (chars == UUID_CHARS && uuid(json, from)) {
      out.add(UUID_TAG);
      for (int k = 0, p = from; k < UUID_BYTES; k++, p += 2) {
        if (json[p] == '-') {
          p++;
        }
        out.add((byte) (nibble(json[p]) << 4 | nibble(json[p + 1])));
      }
      return true;
    }
    if (chars % 2 == 0
        && chars >= 2 * MIN_HEX_BYTES
        && chars <= 2 * MAX_BYTES
        && hex(json, from, to)) {
      out.add(HEX_TAG);
      out.add((byte) (chars / 2));
      for (int p = from; p < to; p += 2) {
        out.add((byte) (nibble(json[p]) << 4 | nibble(json[p + 1])));
      }
      return true;
    }
    if (chars >= MIN_INSTANT_CHARS && chars <= MAX_INSTANT_CHARS && json[to - 1] == 'Z') {
      byte[] instant = instantBytes(json, from, to);
      if (instant != null) {
        out.add(INSTANT_TAG);
        for (byte x : instant) {
          out.add(x);
        }
        return true;
      }
    }
    int raw = chars / 4 * 3;
    if (chars % 4 == 0 && raw >= MIN_BASE64_BYTES && raw <= MAX_BYTES + 2) {
      String text = new String(json, from, chars, java.nio.charset.StandardCharsets.ISO_8859_1);
      byte[] bytes;
      try {
        bytes = BASE64_DECODER.decode(text);
      } catch (IllegalArgumentException e) {
        return false;
      }
      if (bytes.length < MIN_BASE64_BYTES
          || bytes.length > MAX_BYTES
          || !BASE64.encodeToString(bytes).equals(text)) {
        return false;
      }
      out.add(BASE64_TAG);
      out.add((byte) bytes.length);
      for (byte x : bytes) {
        out.add(x);
      }
      return true;
    }
    return false;
  }

  /**
   * The 13 bytes after an instant's tag for json[from, to), or null if the text is not an instant
   * that those bytes give back exactly.
   */
  private static byte[] instantBytes(byte[] json, int from, int to) {
    int chars = to - from;
    int digits = chars == MIN_INSTANT_CHARS ? 0 : chars - MIN_INSTANT_CHARS - 1;
    if (digits < 0 || digits > 9 || (digits > 0 && json[from + 19] != '.')) {
      return null;
    }
    long seconds;
    int nanos = 0;
    try {
      String text = new String(json, from, 19, java.nio.charset.StandardCharsets.US_ASCII);
      seconds =
          java.time.LocalDateTime.parse(
                  text, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
              .toEpochSecond(java.time.ZoneOffset.UTC);
      for (int k = 0; k < digits; k++) {
        int digit = json[from + 20 + k] - '0';
        if (digit < 0 || digit > 9) {
          return null;
        }
        nanos = nanos * 10 + digit;
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    byte[] out = new byte[INSTANT_BYTES];
    out[0] = (byte) digits;
    java.nio.ByteBuffer.wrap(out, 1, 12).putLong(seconds).putInt(nanos * TENS[9 - digits]);
    String back = instantText(out, 0);
    if (back == null
        || !back.equals(
            new String(json, from, chars, java.nio.charset.StandardCharsets.US_ASCII))) {
      return null;
    }
    return out;
  }

  /** The text of the instant in the 13 bytes at bytes[at], or null if they hold none. */
  private static String instantText(byte[] bytes, int at) {
    int digits = bytes[at];
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, at + 1, 12);
    long seconds = buffer.getLong();
    int nanos = buffer.getInt();
    if (digits < 0
        || digits > 9
        || nanos < 0
        || nanos >= TENS[9]
        || nanos % TENS[9 - digits] != 0) {
      return null;
    }
    java.time.LocalDateTime time;
    try {
      time = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
    if (time.getYear() < 1 || time.getYear() > 9999) {
      return null;
    }
    StringBuilder text = new StringBuilder(MAX_INSTANT_CHARS);
    digits(text, time.getYear(), 4).append('-');
    digits(text, time.getMonthValue(), 2).append('-');
    digits(text, time.getDayOfMonth(), 2).append('T');
    digits(text, time.getHour(), 2).append(':');
    digits(text, time.getMinute(), 2).append(':');
    digits(text, time.getSecond(), 2);
    if (digits > 0) {
      digits(text.append('.'), nanos / TENS[9 - digits], digits);
    }
    return text.append('Z').toString();
  }

  /** Appends value in exactly count decimal digits, zeros first. */
  private static StringBuilder digits(StringBuilder text, int value, int count) {
    for (int k = count - 1; k >= 0; k--) {
      text.append((char) ('0' + value / TENS[k] % 10));
    }
    return text;
  }

  private static boolean uuid(byte[] json, int from) {
    for (int k = 0; k < UUID_CHARS; k++) {
      byte c = json[from + k];
      boolean hyphen = k == 8 || k == 13 || k == 18 || k == 23;
      if (hyphen ? c != '-' : nibble(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(byte[] json, int from, int to) {
    for (int p = from; p < to; p++) {
      if (nibble(json[p]) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The value of a lower-case hex digit, or -1. */
  private static int nibble(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** Whether a byte can be inside a string this class replaces (hex, UUID, base64, instant). */
  private static boolean stringChar(byte c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '-'
        || c == '+'
        || c == '/'
        || c == '='
        || c == ':'
        || c == '.';
  }

  private static boolean reserved(byte b) {
    return b >= 0 && b <= 0x08;
  }

  private static String uuidText(byte[] raw) {
    String hex = HEX.formatHex(raw);
    return hex.substring(0, 8)
        + '-'
        + hex.substring(8, 12)
        + '-'
        + hex.substring(12, 16)
        + '-'
        + hex.substring(16, 20)
        + '-'
        + hex.substring(20);
  }

  private static IllegalStateException damaged(String why) {
    return new IllegalStateException("stored JSON of format 2 is damaged: " + why);
  }

  /** A growing byte array. */
  private static final class Bytes {
    private byte[] data;
    private int size;

    Bytes(int capacity) {
      data = new byte[Math.max(16, capacity)];
    }

    void add(byte b) {
      if (size == data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = b;
    }

    byte[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
