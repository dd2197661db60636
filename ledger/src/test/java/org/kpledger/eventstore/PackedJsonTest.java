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
      assertThat(packed[0]).isEqualTo(PackedJson.FORMAT_V1);
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
        .hasMessageContaining("format 1");

    byte[] trailing = Arrays.copyOf(packed, packed.length + 2);
    assertThatThrownBy(() -> PackedJson.unpack(trailing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after its DEFLATE stream");

    byte[] unknown = packed.clone();
    unknown[0] = 0x02;
    assertThatThrownBy(() -> PackedJson.unpack(unknown))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format byte 2");
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
