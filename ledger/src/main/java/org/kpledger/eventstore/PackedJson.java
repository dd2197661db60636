package org.kpledger.eventstore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An event's payload or metadata JSON as the event store keeps it: either the JSON bytes themselves
 * or, packed, one format byte followed by the JSON compressed with DEFLATE against a fixed preset
 * dictionary.
 *
 * <p>The stored form, for any reader with a zlib (e.g. Python's {@code
 * zlib.decompressobj(wbits=-15, zdict=dictionary)}):
 *
 * <ul>
 *   <li>first byte {@code 0x01} ({@link #FORMAT_V1}): the rest is a raw DEFLATE stream (RFC 1951,
 *       no zlib or gzip header) of the UTF-8 JSON, compressed with the preset dictionary {@code
 *       packed-json-v1.dict} (this package's resource, {@value #DICTIONARY_V1_SHA256} its SHA-256);
 *   <li>first byte {@code 0x02} ({@link #FORMAT_V2}): the same, of the JSON after {@link
 *       BinaryStrings} put the strings that are random bytes in text (UUIDs, hex digests, base64
 *       signatures) back as their bytes, each behind a tag byte; unpacking inflates, then writes
 *       each tagged string back as the text it was;
 *   <li>any other first byte: the bytes are the JSON itself (a JSON text never starts with a
 *       control character), as every event was stored before packing existed.
 * </ul>
 *
 * <p>The dictionary is the skeleton of the ledger's 40 event types (each record's member names in
 * order, empty values), the names of the roles and organisation types, and the metadata keys every
 * command's events carry: the part of a small event's JSON that repeats from event to event, which
 * DEFLATE alone cannot find inside one event of 200 bytes. It holds no value of anyone's data. On
 * the bench's mix of events it packed a payload from 239 to 89 bytes and metadata from 265 to 133
 * (6 Dec 2026). Its bytes never change: a stored event names its dictionary by its first byte, so a
 * better dictionary is a new format byte beside this one, never an edit.
 *
 * <p>Packing changes how the bytes are kept, not what they say: {@link #unpack} gives back the
 * identical JSON bytes, so leaves, signatures and audit bundles are computed from the same bytes as
 * before. Thread-safe; encoders and inflaters are reused from small pools (an encoder holds 256 KiB
 * of hash tables).
 *
 * <p>The node writes the DEFLATE streams with {@link PresetDictionaryDeflater}, which hashes the
 * dictionary once for all values (zlib does it again for every stream); zlib reads them, here and
 * in any reader.
 */
public final class PackedJson {

  /** The first byte of a value packed with DEFLATE and dictionary v1. */
  public static final byte FORMAT_V1 = 0x01;

  /**
   * The first byte of a value packed with DEFLATE and dictionary v1 after its UUID, hex and base64
   * strings were put back as bytes ({@link BinaryStrings}). The node writes it since the evening of
   * 6 Dec 2026 (issue #20); values written before keep format 1.
   */
  public static final byte FORMAT_V2 = 0x02;

  /** The SHA-256 (lower-case hex) of dictionary v1's bytes. */
  public static final String DICTIONARY_V1_SHA256 =
      "c97b5a22e9e76876e87b6d1fa967e16551dba99a6e948dddc52c1a0cef365911";

  private static final String DICTIONARY_V1_RESOURCE = "packed-json-v1.dict";
  private static final byte[] DICTIONARY_V1 = loadDictionary();
  private static final int POOL = 16;
  private static final PresetDictionaryDeflater DEFLATER_V1 =
      PresetDictionaryDeflater.forDictionary(DICTIONARY_V1);
  private static final BlockingQueue<PresetDictionaryDeflater> DEFLATERS =
      new ArrayBlockingQueue<>(POOL);
  private static final BlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(POOL);

  private PackedJson() {}

  /**
   * Packs JSON bytes, or returns them unchanged when packing would not make them smaller.
   *
   * @param json the UTF-8 bytes of a JSON text (not checked), or {@code null}
   * @return the stored form: {@code json} itself or a new array starting with {@link #FORMAT_V2}
   *     (or {@link #FORMAT_V1} for a text holding a byte from 0x00 to 0x08, which JSON does not)
   */
  public static byte[] pack(byte[] json) {
    if (json == null || json.length == 0) {
      return json;
    }
    byte[] shortened = BinaryStrings.shorten(json);
    byte[] packed =
        shortened == null
            ? deflate(FORMAT_V1, json, json.length)
            : deflate(FORMAT_V2, shortened, json.length);
    return packed == null ? json : packed;
  }

  /** The format byte and the DEFLATE stream of input, or null if that is not shorter than limit. */
  private static byte[] deflate(byte format, byte[] input, int limit) {
    PresetDictionaryDeflater deflater = DEFLATERS.poll();
    if (deflater == null) {
      deflater = DEFLATER_V1.sibling();
    }
    try {
      return deflater.deflate(format, input, limit);
    } finally {
      DEFLATERS.offer(deflater);
    }
  }

  /**
   * Whether stored bytes are packed (start with a format byte this class defines).
   *
   * @param stored bytes from the event store, or {@code null}
   */
  public static boolean isPacked(byte[] stored) {
    return stored != null
        && stored.length > 0
        && (stored[0] == FORMAT_V1 || stored[0] == FORMAT_V2);
  }

  /**
   * The JSON bytes of a stored value: unpacked if it is packed, else the value itself.
   *
   * @param stored bytes from the event store, or {@code null}
   * @return the JSON bytes exactly as they were before packing ({@code stored} itself when it was
   *     not packed)
   * @throws IllegalStateException if the value starts with a format byte this class does not know
   *     or is not a whole DEFLATE stream of that format (damaged or altered storage)
   */
  public static byte[] unpack(byte[] stored) {
    if (stored == null || stored.length == 0) {
      return stored;
    }
    byte format = stored[0];
    if (format != FORMAT_V1 && format != FORMAT_V2) {
      if (stored[0] >= 0 && stored[0] < 0x09) {
        throw new IllegalStateException(
            "stored event JSON starts with format byte "
                + stored[0]
                + ", which this node does not know");
      }
      return stored;
    }
    Inflater inflater = INFLATERS.poll();
    if (inflater == null) {
      inflater = new Inflater(true);
    }
    try {
      inflater.setDictionary(DICTIONARY_V1);
      inflater.setInput(stored, 1, stored.length - 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
      byte[] chunk = new byte[Math.max(256, stored.length * 4)];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException(
              "stored event JSON of format "
                  + format
                  + " is cut short ("
                  + stored.length
                  + " bytes)");
        }
        out.write(chunk, 0, n);
      }
      if (inflater.getRemaining() > 0) {
        throw new IllegalStateException(
            "stored event JSON of format "
                + format
                + " has "
                + inflater.getRemaining()
                + " bytes after its DEFLATE stream");
      }
      return format == FORMAT_V2 ? BinaryStrings.restore(out.toByteArray()) : out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalStateException(
          "stored event JSON of format "
              + format
              + " is not a valid DEFLATE stream: "
              + e.getMessage(),
          e);
    } finally {
      inflater.reset();
      if (!INFLATERS.offer(inflater)) {
        inflater.end();
      }
    }
  }

  /** A copy of dictionary v1's bytes, for readers outside the JVM and for tests. */
  public static byte[] dictionaryV1() {
    return DICTIONARY_V1.clone();
  }

  private static byte[] loadDictionary() {
    try (InputStream in = PackedJson.class.getResourceAsStream(DICTIONARY_V1_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DICTIONARY_V1_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
