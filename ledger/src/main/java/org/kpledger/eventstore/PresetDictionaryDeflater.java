package org.kpledger.eventstore;

import java.util.Arrays;

/**
 * A raw DEFLATE encoder (RFC 1951) for values of a few hundred bytes against a preset dictionary,
 * whose dictionary hash chains are built once instead of for every value.
 *
 * <p>Why not {@link java.util.zip.Deflater}: zlib starts every stream afresh, clearing its 64 KiB
 * hash table, hashing the whole dictionary again and closing the block with Huffman trees built for
 * it. For the event store's values that fixed cost was nearly all of it: 12-14 µs a value at any
 * level from 1 to 9 (72,582 values of the benchmark's mix, 208 bytes on average, the Xeon VM, 7 Dec
 * 2026), 16 % of the node's CPU on batched commands. On those values zlib chose the fixed Huffman
 * codes for every one (its {@code Z_FIXED} strategy packs them to the same size), which this
 * encoder writes without building a tree.
 *
 * <p>The output is one final block with the fixed codes (BTYPE 01): any inflater given the same
 * dictionary reads it, so what is stored does not change format. Matching follows zlib's lazy
 * evaluation with the parameters of its default level 6 (chains of at most 128 candidates, a match
 * of 128 bytes taken at once, a longer match at the next byte preferred up to 16 bytes, a match of
 * 3 bytes ignored beyond 4,096 bytes back).
 *
 * <p>One instance per thread at a time (it keeps scratch arrays); the dictionary's chains are
 * shared, immutable, between instances made by {@link #forDictionary}.
 */
final class PresetDictionaryDeflater {

  private static final int HASH_BITS = 15;
  private static final int HASH_MASK = (1 << HASH_BITS) - 1;
  private static final int WINDOW = 32_768;
  private static final int MIN_MATCH = 3;
  private static final int MAX_MATCH = 258;
  private static final int MAX_CHAIN = 128;
  private static final int GOOD_LENGTH = 8;
  private static final int LAZY_LENGTH = 16;
  private static final int NICE_LENGTH = 128;
  private static final int TOO_FAR = 4_096;
  private static final int END_OF_BLOCK = 256;
  private static final int MAX_KEPT_SCRATCH = 1 << 18;

  /** Base length of each length code 257..285 and its extra bits (RFC 1951, 3.2.5). */
  private static final int[] LENGTH_BASE = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258
  };

  private static final int[] LENGTH_EXTRA = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
  };

  /** Base distance of each distance code 0..29 and its extra bits. */
  private static final int[] DISTANCE_BASE = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577
  };

  private static final int[] DISTANCE_EXTRA = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
  };

  /** Length 3..258 to its length code's index in the tables above. */
  private static final byte[] LENGTH_CODE = new byte[MAX_MATCH + 1];

  /** The fixed code of each literal/length symbol 0..287, bit-reversed for LSB-first output. */
  private static final int[] LITERAL_CODE = new int[288];

  private static final int[] LITERAL_BITS = new int[288];

  /** The fixed 5-bit code of each distance code, bit-reversed. */
  private static final int[] DISTANCE_CODE = new int[30];

  static {
    for (int code = 0; code < LENGTH_BASE.length; code++) {
      int last = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code + 1] - 1 : MAX_MATCH;
      for (int length = LENGTH_BASE[code]; length <= last; length++) {
        LENGTH_CODE[length] = (byte) code;
      }
    }
    for (int symbol = 0; symbol < 288; symbol++) {
      int code;
      int bits;
      if (symbol < 144) {
        code = 0x30 + symbol;
        bits = 8;
      } else if (symbol < 256) {
        code = 0x190 + symbol - 144;
        bits = 9;
      } else if (symbol < 280) {
        code = symbol - 256;
        bits = 7;
      } else {
        code = 0xC0 + symbol - 280;
        bits = 8;
      }
      LITERAL_CODE[symbol] = Integer.reverse(code) >>> (32 - bits);
      LITERAL_BITS[symbol] = bits;
    }
    for (int code = 0; code < 30; code++) {
      DISTANCE_CODE[code] = Integer.reverse(code) >>> (32 - 5);
    }
  }

  private final byte[] dictionary;
  private final int[] dictionaryHead;
  private final int[] dictionaryPrevious;

  // scratch, per instance: the window (dictionary then value), chains of the value's positions
  private byte[] window = new byte[0];
  private int[] previous = new int[0];
  private final int[] head = new int[1 << HASH_BITS];
  private final int[] headStamp = new int[1 << HASH_BITS];
  private int stamp;

  // output
  private byte[] out;
  private int outLength;
  private int outLimit;
  private long bitBuffer;
  private int bitCount;

  private PresetDictionaryDeflater(byte[] dictionary, int[] dictionaryHead, int[] previous) {
    this.dictionary = dictionary;
    this.dictionaryHead = dictionaryHead;
    this.dictionaryPrevious = previous;
  }

  /**
   * An encoder for this dictionary, its chains computed here; {@link #sibling} shares them.
   *
   * @param dictionary the preset dictionary, at most 32 KiB (the window)
   */
  static PresetDictionaryDeflater forDictionary(byte[] dictionary) {
    if (dictionary.length > WINDOW) {
      throw new IllegalArgumentException("a preset dictionary holds at most 32 KiB");
    }
    int[] dictionaryHead = new int[1 << HASH_BITS];
    Arrays.fill(dictionaryHead, -1);
    int[] previous = new int[dictionary.length];
    Arrays.fill(previous, -1);
    // the last two positions are left out: a string starting there runs into the value
    for (int p = 0; p + MIN_MATCH <= dictionary.length; p++) {
      int h = hash(dictionary, p);
      previous[p] = dictionaryHead[h];
      dictionaryHead[h] = p;
    }
    return new PresetDictionaryDeflater(dictionary.clone(), dictionaryHead, previous);
  }

  /** Another encoder for the same dictionary, sharing its chains. */
  PresetDictionaryDeflater sibling() {
    return new PresetDictionaryDeflater(dictionary, dictionaryHead, dictionaryPrevious);
  }

  /**
   * Writes {@code prefix} then the raw DEFLATE stream of {@code input} into a new array, if that
   * array is shorter than {@code limit}.
   *
   * @param prefix a byte written before the stream (the format byte)
   * @param input the bytes to compress
   * @param limit the stored form must be shorter than this to be worth keeping
   * @return the prefix and the stream, or {@code null} if they would take {@code limit} bytes or
   *     more
   */
  byte[] deflate(byte prefix, byte[] input, int limit) {
    int d = dictionary.length;
    int end = d + input.length;
    if (window.length < end) {
      window = Arrays.copyOf(dictionary, Math.max(end, 2 * window.length));
      previous = new int[window.length - d];
    }
    System.arraycopy(input, 0, window, d, input.length);
    if (++stamp == 0) {
      Arrays.fill(headStamp, 0);
      stamp = 1;
    }
    // fixed codes spend at most 9 bits on a byte, so the stream never outgrows this
    outLimit = (int) Math.min(limit - 1L, input.length + input.length / 8 + 8L);
    out = new byte[Math.max(outLimit, 0)];
    outLength = 0;
    bitBuffer = 0;
    bitCount = 0;
    if (!put(prefix & 0xFF, 8) || !put(0b011, 3)) { // BFINAL 1, BTYPE 01 (fixed codes)
      return null;
    }
    int previousLength = MIN_MATCH - 1;
    int previousDistance = 0;
    boolean literalPending = false;
    int i = d;
    while (i < end) {
      int candidate = i + MIN_MATCH <= end ? insert(i, d) : -1;
      int length = MIN_MATCH - 1;
      int distance = 0;
      if (candidate >= 0 && previousLength < LAZY_LENGTH) {
        int best = longestMatch(i, end, candidate, previousLength, d);
        length = best >>> 16;
        distance = best & 0xFFFF;
        if (length == MIN_MATCH && distance > TOO_FAR) {
          length = MIN_MATCH - 1;
        }
      }
      if (previousLength >= MIN_MATCH && length <= previousLength) {
        int start = i - 1;
        if (!match(previousLength, previousDistance)) {
          return null;
        }
        int stop = start + previousLength;
        for (int p = i + 1; p < stop; p++) {
          if (p + MIN_MATCH <= end) {
            insert(p, d);
          }
        }
        i = stop;
        literalPending = false;
        previousLength = MIN_MATCH - 1;
        continue;
      }
      if (literalPending && !literal(window[i - 1] & 0xFF)) {
        return null;
      }
      literalPending = true;
      previousLength = length;
      previousDistance = distance;
      i++;
    }
    if (literalPending && !literal(window[end - 1] & 0xFF)) {
      return null;
    }
    if (!literal(END_OF_BLOCK)) {
      return null;
    }
    if (bitCount > 0) {
      if (outLength >= outLimit) {
        return null;
      }
      out[outLength++] = (byte) bitBuffer;
    }
    byte[] packed = Arrays.copyOf(out, outLength);
    out = null;
    if (window.length > MAX_KEPT_SCRATCH) {
      window = new byte[0];
      previous = new int[0];
    }
    return packed;
  }

  /** Chains position p (of the value) under its hash; returns the candidate before it, or -1. */
  private int insert(int p, int d) {
    int h = hash(window, p);
    int before = headStamp[h] == stamp ? head[h] : dictionaryHead[h];
    previous[p - d] = before;
    head[h] = p;
    headStamp[h] = stamp;
    return before;
  }

  /** The longest match at i among the chain from candidate: length << 16 | distance. */
  private int longestMatch(int i, int end, int candidate, int previousLength, int d) {
    int chain = previousLength >= GOOD_LENGTH ? MAX_CHAIN >> 2 : MAX_CHAIN;
    int maxLength = Math.min(MAX_MATCH, end - i);
    if (maxLength <= previousLength) {
      return 0;
    }
    int bestLength = previousLength;
    int bestDistance = 0;
    int limit = i - WINDOW;
    byte[] w = window;
    int c = candidate;
    while (c >= 0 && c >= limit && chain-- > 0) {
      if (w[c + bestLength] == w[i + bestLength] && w[c] == w[i] && w[c + 1] == w[i + 1]) {
        int length = 2;
        while (length < maxLength && w[c + length] == w[i + length]) {
          length++;
        }
        if (length > bestLength) {
          bestLength = length;
          bestDistance = i - c;
          if (length >= NICE_LENGTH || length >= maxLength) {
            break;
          }
        }
      }
      c = c >= d ? previous[c - d] : dictionaryPrevious[c];
    }
    return bestDistance == 0 ? 0 : bestLength << 16 | bestDistance;
  }

  private boolean literal(int symbol) {
    return put(LITERAL_CODE[symbol], LITERAL_BITS[symbol]);
  }

  private boolean match(int length, int distance) {
    int lengthCode = LENGTH_CODE[length];
    int symbol = 257 + lengthCode;
    if (!put(LITERAL_CODE[symbol], LITERAL_BITS[symbol])
        || !put(length - LENGTH_BASE[lengthCode], LENGTH_EXTRA[lengthCode])) {
      return false;
    }
    int distanceCode = distanceCode(distance);
    return put(DISTANCE_CODE[distanceCode], 5)
        && put(distance - DISTANCE_BASE[distanceCode], DISTANCE_EXTRA[distanceCode]);
  }

  private static int distanceCode(int distance) {
    int code = Arrays.binarySearch(DISTANCE_BASE, distance);
    return code >= 0 ? code : -code - 2;
  }

  /** Appends bits (LSB first); false once the output reaches the limit. */
  private boolean put(int value, int bits) {
    bitBuffer |= (long) value << bitCount;
    bitCount += bits;
    while (bitCount >= 8) {
      if (outLength >= outLimit) {
        return false;
      }
      out[outLength++] = (byte) bitBuffer;
      bitBuffer >>>= 8;
      bitCount -= 8;
    }
    return true;
  }

  private static int hash(byte[] bytes, int p) {
    int h = (bytes[p] & 0xFF) << 16 | (bytes[p + 1] & 0xFF) << 8 | (bytes[p + 2] & 0xFF);
    return (h * 0x9E3779B1) >>> (32 - HASH_BITS) & HASH_MASK;
  }
}
