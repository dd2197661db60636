package org.kpledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Every stream is read back by the JDK's zlib, which knows nothing of this encoder. */
class PresetDictionaryDeflaterTest {
  private static final byte[] DICTIONARY = PackedJson.dictionaryV1();
  private static final PresetDictionaryDeflater DEFLATER =
      PresetDictionaryDeflater.forDictionary(DICTIONARY);

  @Test
  void givenTheBenchmarksValuesWhenPackedThenZlibReadsEachBackAndTheyAreAsSmallAsZlibMakesThem()
      throws Exception {
    List<byte[]> values = benchMixValues();
    assertThat(values).hasSize(470);
    long ours = 0;
    long zlib = 0;
    for (byte[] json : values) {
      byte[] input = shortened(json);
      byte[] packed = DEFLATER.deflate(PackedJson.FORMAT_V2, input, Integer.MAX_VALUE);
      assertThat(packed[0]).isEqualTo(PackedJson.FORMAT_V2);
      assertThat(zlibInflate(packed)).isEqualTo(input);
      assertThat(PackedJson.unpack(packed)).isEqualTo(json);
      ours += packed.length;
      zlib += zlibLevelNine(input).length + 1;
    }
    // zlib at its best level on the same values and dictionary, within half a percent
    assertThat((double) ours).as("ours %d, zlib %d", ours, zlib).isLessThan(zlib * 1.005);
    assertThat(ours).isLessThan(values.stream().mapToLong(v -> v.length).sum() / 2);
  }

  @Test
  void givenAValueWhenPackedThenItIsOneFinalBlockOfTheFixedCodes() {
    byte[] packed =
        DEFLATER.deflate(
            (byte) 7,
            "{\"zoneId\":\"NOLA\",\"siteId\":\"S-NOLA-3\"}".getBytes(StandardCharsets.UTF_8),
            100);
    assertThat(packed[0]).isEqualTo((byte) 7);
    assertThat(packed[1] & 0b111).as("BFINAL 1, BTYPE 01").isEqualTo(0b011);
  }

  @Test
  void givenEdgesOfTheFormatWhenPackedThenZlibReadsEachBackExactly() throws Exception {
    Random random = new Random(20);
    List<byte[]> inputs = new java.util.ArrayList<>();
    for (int length = 1; length <= 6; length++) {
      inputs.add(Arrays.copyOf("{\"a\":1}".getBytes(StandardCharsets.UTF_8), length));
    }
    // runs around the longest match (258) and the length codes' edges
    for (int length : new int[] {3, 4, 10, 11, 257, 258, 259, 260, 516, 517, 1000}) {
      byte[] run = new byte[length];
      Arrays.fill(run, (byte) 'x');
      inputs.add(run);
    }
    byte[] everyByte = new byte[512];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    inputs.add(everyByte);
    // the dictionary's last bytes and first bytes, which match only across the value's start
    inputs.add(Arrays.copyOfRange(DICTIONARY, DICTIONARY.length - 40, DICTIONARY.length));
    inputs.add(Arrays.copyOf(DICTIONARY, 300));
    // a value longer than the window: a block repeated 32,768 bytes on (the farthest distance)
    // and once more further on than that, where it must not be matched
    byte[] block = new byte[2_000];
    random.nextBytes(block);
    byte[] far = new byte[80_000];
    random.nextBytes(far);
    System.arraycopy(block, 0, far, 0, block.length);
    System.arraycopy(block, 0, far, 32_768, block.length);
    System.arraycopy(block, 0, far, 32_768 + 40_000, block.length);
    inputs.add(far);
    // repetitive text far longer than the window
    StringBuilder text = new StringBuilder();
    while (text.length() < 100_000) {
      text.append("{\"parcelId\":\"P-").append(random.nextInt(1000)).append("\",\"carats\":1.5}");
    }
    inputs.add(text.toString().getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 300; i++) {
      byte[] noise = new byte[1 + random.nextInt(600)];
      random.nextBytes(noise);
      // noise over a small alphabet, so that it has short and distant matches
      for (int j = 0; j < noise.length; j++) {
        noise[j] =
            (byte) ("{}\":,abcNOLA0123".charAt(Math.floorMod(noise[j], i % 2 == 0 ? 16 : 5)));
      }
      inputs.add(noise);
    }
    for (byte[] input : inputs) {
      byte[] packed = DEFLATER.sibling().deflate((byte) 2, input, Integer.MAX_VALUE);
      assertThat(zlibInflate(packed)).as("%d bytes", input.length).isEqualTo(input);
    }
    // the block repeated at 32,768 bytes costs a match, not 2,000 literals
    byte[] fresh = far.clone();
    byte[] other = new byte[block.length];
    random.nextBytes(other);
    System.arraycopy(other, 0, fresh, 32_768, other.length);
    assertThat(DEFLATER.deflate((byte) 2, far, Integer.MAX_VALUE).length)
        .isLessThan(DEFLATER.deflate((byte) 2, fresh, Integer.MAX_VALUE).length - 1_900);
  }

  @Test
  void givenALimitWhenTheStreamWouldReachItThenThereIsNoResult() throws Exception {
    byte[] input = "{\"siteId\":\"S-NOLA-3\",\"zoneId\":\"NOLA\"}".getBytes(StandardCharsets.UTF_8);
    byte[] packed = DEFLATER.deflate((byte) 2, input, Integer.MAX_VALUE);
    assertThat(DEFLATER.deflate((byte) 2, input, packed.length + 1)).isEqualTo(packed);
    assertThat(DEFLATER.deflate((byte) 2, input, packed.length)).isNull();
    assertThat(DEFLATER.deflate((byte) 2, input, 1)).isNull();
    byte[] noise = new byte[400];
    new Random(3).nextBytes(noise);
    assertThat(DEFLATER.deflate((byte) 2, noise, noise.length)).isNull();
    // the instance is whole after giving up
    assertThat(zlibInflate(DEFLATER.deflate((byte) 2, input, 1000))).isEqualTo(input);
  }

  private static byte[] shortened(byte[] json) {
    byte[] shortened = BinaryStrings.shorten(json);
    return shortened == null ? json : shortened;
  }

  private static byte[] zlibInflate(byte[] packed) throws DataFormatException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setDictionary(DICTIONARY);
      inflater.setInput(packed, 1, packed.length - 1);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] chunk = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        assertThat(n > 0 || !inflater.needsInput()).as("stream cut short").isTrue();
        out.write(chunk, 0, n);
      }
      assertThat(inflater.getRemaining()).isZero();
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  private static byte[] zlibLevelNine(byte[] input) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setDictionary(DICTIONARY);
      deflater.setInput(input);
      deflater.finish();
      byte[] out = new byte[input.length * 2 + 64];
      int n = deflater.deflate(out);
      return Arrays.copyOf(out, n);
    } finally {
      deflater.end();
    }
  }

  private List<byte[]> benchMixValues() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("bench-mix-values.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#"))
          .map(l -> l.getBytes(StandardCharsets.UTF_8))
          .toList();
    }
  }
}
