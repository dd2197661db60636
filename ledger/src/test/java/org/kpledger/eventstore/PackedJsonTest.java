package org.kpledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kpledger.parcel.LotPurchasedEvent;

class PackedJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  @Test
  void dictionaryV1IsTheOneEveryStoredEventOfFormatOneWasPackedWith() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(PackedJson.dictionaryV1());
    assertThat(HexFormat.of().formatHex(digest)).isEqualTo(PackedJson.DICTIONARY_V1_SHA256);
  }

  @Test
  void givenAnEventsJsonWhenPackedThenItIsSmallerAndUnpacksToTheSameBytes() throws Exception {
    byte[] payload =
        JSON.writeValueAsBytes(
            new LotPurchasedEvent(
                "LOT-BO-0001",
                "SL-2016-0042",
                "M-NOLA-17",
                "PAT-2016-117",
                "S-NOLA-3",
                "NOLA",
                "collector-7",
                "AGR-2016-7",
                new BigDecimal("3.19"),
                2,
                new BigDecimal("310.50"),
                Instant.parse("2016-06-01T09:30:00Z"),
                true,
                false));
    // the keys in the order the node's events carry them
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("actorId", "collector-7");
    meta.put("organisationId", "COLL-NOLA");
    meta.put("role", "COLLECTOR");
    meta.put("envelopeSha256", "5f3a9d2c1b7e4a6f8d0c2e1b3a5d7f9e0c2b4d6f8a1c3e5b7d9f0a2c4e6b8d01");
    meta.put("recordedAt", "2016-06-01T10:02:11.514Z");
    meta.put("commandId", "7b0e3c52-2f4d-4d7e-9d1e-0c5a6b7e8f90");
    meta.put("organisationType", "COLLECTORS_ASSOCIATION");
    byte[] metaData = JSON.writeValueAsBytes(meta);

    for (byte[] json : List.of(payload, metaData)) {
      byte[] packed = PackedJson.pack(json);
      assertThat(packed[0]).isEqualTo(PackedJson.FORMAT_V2);
      assertThat(PackedJson.isPacked(packed)).isTrue();
      assertThat(packed.length)
          .as("packed size of %d bytes", json.length)
          .isLessThan(json.length * 3 / 5);
      assertThat(PackedJson.unpack(packed)).isEqualTo(json);
    }
  }

  @Test
  void givenJsonStoredBeforePackingWhenReadThenItIsTheJsonItself() {
    byte[] plain = "{\"zoneId\":\"NOLA\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(PackedJson.isPacked(plain)).isFalse();
    assertThat(PackedJson.unpack(plain)).isSameAs(plain);
    byte[] spaced = " {}".getBytes(StandardCharsets.UTF_8);
    assertThat(PackedJson.unpack(spaced)).isSameAs(spaced);
    assertThat(PackedJson.unpack(null)).isNull();
    assertThat(PackedJson.unpack(new byte[0])).isEmpty();
  }

  @Test
  void givenJsonTooSmallToGainWhenPackedThenItIsKeptAsItIsAndNoiseStillReadsBack() {
    byte[] tiny = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(PackedJson.pack(tiny)).isSameAs(tiny);
    byte[] noise = new byte[300];
    new java.util.Random(7).nextBytes(noise);
    String text = "{\"crl\":\"" + java.util.Base64.getEncoder().encodeToString(noise) + "\"}";
    byte[] json = text.getBytes(StandardCharsets.UTF_8);
    byte[] stored = PackedJson.pack(json);
    assertThat(stored.length).isLessThanOrEqualTo(json.length);
    assertThat(PackedJson.unpack(stored)).isEqualTo(json);
  }

  @Test
  void givenValuesPackedByAnotherZlibWhenUnpackedThenTheyAreTheirJson() throws Exception {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("packed-by-python-zlib.txt")) {
      lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#"))
              .toList();
    }
    assertThat(lines).hasSize(4);
    for (int i = 0; i < lines.size(); i += 2) {
      byte[] json = lines.get(i).getBytes(StandardCharsets.UTF_8);
      byte[] packed = HexFormat.of().parseHex(lines.get(i + 1));
      assertThat(PackedJson.unpack(packed)).isEqualTo(json);
    }
  }

  @Test
  void givenDamagedOrUnknownStoredBytesWhenReadThenTheReadFailsAndSaysWhy() {
    byte[] packed =
        PackedJson.pack(
            "{\"zoneId\":\"NOLA\",\"name\":\"Nola\",\"prefecture\":\"Sangha-Mbaere\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(PackedJson.isPacked(packed)).isTrue();

    byte[] cut = Arrays.copyOf(packed, packed.length - 3);
    assertThatThrownBy(() -> PackedJson.unpack(cut))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format 2")
        .hasMessageContaining("cut short");

    byte[] trailing = Arrays.copyOf(packed, packed.length + 2);
    assertThatThrownBy(() -> PackedJson.unpack(trailing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after its DEFLATE stream");

    byte[] unknown = packed.clone();
    unknown[0] = 0x04;
    assertThatThrownBy(() -> PackedJson.unpack(unknown))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format byte 4");
  }

  @Test
  void givenStringsOfRandomBytesWhenPackedThenTheyCostTheirBytesAndReadBackAsTheSameText() {
    String uuid = "7b0e3c52-2f4d-4d7e-9d1e-0c5a6b7e8f90";
    String digest = "5f3a9d2c1b7e4a6f8d0c2e1b3a5d7f9e0c2b4d6f8a1c3e5b7d9f0a2c4e6b8d01";
    String signature =
        "MEUCIQCP45vFiNxtpLOl7S/KQ70i+WEfldUgHSEHvOvgnWJXJgIgWcpTRg+RQ99PkVuSWPx+IAerVbcAN1p27uK/77/YJY8=";
    String json =
        "{\"commandId\":\""
            + uuid
            + "\",\"envelopeSha256\":\""
            + digest
            + "\",\"signature\":\""
            + signature
            + "\",\"eventIds\":[\""
            + uuid
            + "\"]}";
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    byte[] shortened = BinaryStrings.shorten(text);
    // each string is its tag, a length byte where it has one, and its bytes
    assertThat(shortened.length)
        .isEqualTo(
            text.length
                - 2 * (uuid.length() + 2)
                - (digest.length() + 2)
                - (96 + 2)
                + 2 * 17
                + 34
                + 73);
    assertThat(BinaryStrings.restore(shortened)).isEqualTo(text);

    byte[] packed = PackedJson.pack(text);
    assertThat(packed[0]).isEqualTo(PackedJson.FORMAT_V2);
    byte[] packedAsText = formatOne(text);
    assertThat(packed.length).isLessThan(packedAsText.length - 40);
    assertThat(PackedJson.unpack(packed)).isEqualTo(text);
  }

  @Test
  void givenStringsThatOnlyLookLikeBytesWhenPackedThenTheyStayAsTheyWere() {
    List<String> values =
        List.of(
            // upper-case UUID and hex, a UUID without hyphens that is short hex, hex of odd length
            "7B0E3C52-2F4D-4D7E-9D1E-0C5A6B7E8F90",
            "5F3A9D2C1B7E4A6F8D0C2E1B3A5D7F9E",
            "7b0e3c522f4d4d7e9d1e0c5a6b7e8f9",
            "0c5a6b7e8f90",
            // base64 without its padding, with stray bits in its last character, too short
            "MEUCIQCP45vFiNxtpLOl7S/KQ70i+WEfldUgHSEHvOvgnWJXJgIgWcpTRg+RQ99PkVuSWPx+IAerVbcAN1p27uK/77/YJY8",
            "MEUCIQCP45vFiNxtpLOl7S/KQ70i+WEfldUgHSEHvOvgnWJXJgIgWcpTRg+RQ99PkVuSWPx+IAerVbcAN1p27uK/77/YJY9=",
            "QUJDREVGR0g=",
            // a UUID inside a longer string, and next to an escaped quote
            "id 7b0e3c52-2f4d-4d7e-9d1e-0c5a6b7e8f90",
            "\\\"7b0e3c52-2f4d-4d7e-9d1e-0c5a6b7e8f90\\\"",
            "");
    for (String value : values) {
      byte[] json = ("{\"v\":\"" + value + "\",\"w\":\"NOLA\"}").getBytes(StandardCharsets.UTF_8);
      assertThat(BinaryStrings.restore(BinaryStrings.shorten(json))).as(value).isEqualTo(json);
      assertThat(PackedJson.unpack(PackedJson.pack(json))).as(value).isEqualTo(json);
    }
    byte[] upper =
        "{\"v\":\"7B0E3C52-2F4D-4D7E-9D1E-0C5A6B7E8F90\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(BinaryStrings.shorten(upper)).isEqualTo(upper);
    // a string that ends in a UUID after an escaped quote: the tag gives back the same characters
    byte[] escaped =
        "{\"v\":\"\\\"7b0e3c52-2f4d-4d7e-9d1e-0c5a6b7e8f90\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(BinaryStrings.shorten(escaped)).hasSizeLessThan(escaped.length);
  }

  @Test
  void givenInstantsInTextWhenPackedThenEachCostsFourteenBytesAndReadsBackAsTheSameText() {
    List<String> instants =
        List.of(
            "2026-12-06T21:18:51.213874162Z",
            "2016-06-01T09:30:00Z",
            "2016-06-01T09:30:00.100Z",
            "2016-06-01T09:30:00.000Z",
            "1969-12-31T23:59:59.5Z",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z");
    for (String instant : instants) {
      byte[] json = ("{\"at\":\"" + instant + "\"}").getBytes(StandardCharsets.UTF_8);
      byte[] shortened = BinaryStrings.shorten(json);
      assertThat(shortened).as(instant).hasSize(json.length - instant.length() - 2 + 14);
      assertThat(shortened[6]).isEqualTo(BinaryStrings.INSTANT_TAG);
      assertThat(BinaryStrings.restore(shortened)).as(instant).isEqualTo(json);
      assertThat(PackedJson.unpack(PackedJson.pack(json))).as(instant).isEqualTo(json);
    }
    List<String> notQuite =
        List.of(
            "0000-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-12-06T21:18:60Z",
            "2026-12-06T24:00:00Z",
            "2026-12-06T21:18:51.Z",
            "2026-12-06T21:18:51.1234567890Z",
            "2026-12-06T21:18:51z",
            "2026-12-06T21:18Z",
            "+2026-12-06T21:18:51Z",
            "2026-12-06T21:18:51.213+01:00");
    for (String text : notQuite) {
      byte[] json = ("{\"at\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
      assertThat(BinaryStrings.shorten(json)).as(text).isEqualTo(json);
      assertThat(PackedJson.unpack(PackedJson.pack(json))).as(text).isEqualTo(json);
    }
  }

  @Test
  void givenTextHoldingAByteJsonCannotHoldWhenPackedThenFormatOneKeepsItAsItIs() {
    byte[] odd =
        ("{\"v\":\"\u0001\",\"id\":\"7b0e3c52-2f4d-4d7e-9d1e-0c5a6b7e8f90\",\"zone\":\"NOLA\"}")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(odd).contains((byte) 0x01);
    assertThat(BinaryStrings.shorten(odd)).isNull();
    byte[] packed = PackedJson.pack(odd);
    assertThat(packed[0]).isEqualTo(PackedJson.FORMAT_V1);
    assertThat(PackedJson.unpack(packed)).isEqualTo(odd);
  }

  @Test
  void givenDamagedTagsWhenReadThenTheReadFailsAndSaysWhy() {
    assertThatThrownBy(() -> BinaryStrings.restore(new byte[] {'{', 0x01, 1, 2}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cut short");
    assertThatThrownBy(() -> BinaryStrings.restore(new byte[] {'{', 0x02, 4, 1, 2, 3, 4}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fewer than 16");
    assertThatThrownBy(() -> BinaryStrings.restore(new byte[] {'{', 0x03}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("length byte is missing");
    assertThatThrownBy(() -> BinaryStrings.restore(new byte[] {'{', 0x04, 0, 0, 0}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cut short");
    byte[] nineteenDigits = new byte[15];
    nineteenDigits[0] = '{';
    nineteenDigits[1] = 0x04;
    nineteenDigits[2] = 19;
    assertThatThrownBy(() -> BinaryStrings.restore(nineteenDigits))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds no instant");
    assertThatThrownBy(() -> BinaryStrings.restore(new byte[] {'{', 0x05}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no tag");
  }

  @Test
  void givenValuesOfFormatTwoPackedByPythonWhenUnpackedThenTheyAreTheirJson() throws Exception {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("packed-v2-by-python.txt")) {
      lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#"))
              .toList();
    }
    assertThat(lines).hasSize(6);
    for (int i = 0; i < lines.size(); i += 2) {
      byte[] json = lines.get(i).getBytes(StandardCharsets.UTF_8);
      byte[] packed = HexFormat.of().parseHex(lines.get(i + 1));
      assertThat(packed[0]).isEqualTo(PackedJson.FORMAT_V2);
      assertThat(PackedJson.unpack(packed)).isEqualTo(json);
      // the same strings become the same bytes here as in Python
      assertThat(BinaryStrings.restore(BinaryStrings.shorten(json))).isEqualTo(json);
    }
  }

  /** The value packed as format 1 would pack it, for comparison. */
  private static byte[] formatOne(byte[] json) {
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
    try {
      deflater.setDictionary(PackedJson.dictionaryV1());
      deflater.setInput(json);
      deflater.finish();
      byte[] out = new byte[json.length * 2];
      int n = deflater.deflate(out);
      return Arrays.copyOf(out, n + 1);
    } finally {
      deflater.end();
    }
  }

  @Test
  void givenManyThreadsWhenTheyPackAndUnpackAtOnceThenEachGetsItsOwnJsonBack() {
    List<byte[]> jsons =
        IntStream.range(0, 2000)
            .mapToObj(
                i ->
                    ("{\"parcelId\":\"P-"
                            + i
                            + "\",\"transferId\":\"TR-"
                            + i
                            + "\",\"fromParty\":\"collector-"
                            + (i % 9)
                            + "\",\"toParty\":\"BO-BANGUI\",\"lateEntry\":false}")
                        .getBytes(StandardCharsets.UTF_8))
            .toList();
    List<byte[]> back =
        jsons.parallelStream().map(PackedJson::pack).map(PackedJson::unpack).toList();
    for (int i = 0; i < jsons.size(); i++) {
      assertThat(back.get(i)).isEqualTo(jsons.get(i));
    }
  }
}
