package org.kpledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandKeyTest {

  @Test
  void givenAUuidInCanonicalLowerCaseTextThenItIsItsOwnKeyAndTheRowKeepsNoText() {
    String id = "0f8fad5b-d9cb-469f-a165-70867728950e";

    assertThat(CommandKey.of(id)).isEqualTo(UUID.fromString(id));
    assertThat(CommandKey.stored(id)).isNull();
    assertThat(CommandKey.commandId(CommandKey.of(id), CommandKey.stored(id))).isEqualTo(id);
  }

  @Test
  void givenAnyOtherIdThenItsKeyIsItsSha256WithTheVersion8BitsAndTheRowKeepsTheText() {
    // expected keys computed apart from the node, with Python's hashlib and uuid:
    // b = bytearray(sha256(id.encode()).digest()[:16]); b[6] = b[6] & 0x0f | 0x80;
    // b[8] = b[8] & 0x3f | 0x80; uuid.UUID(bytes=bytes(b))
    assertThat(CommandKey.of("X-9"))
        .isEqualTo(UUID.fromString("d437a02e-200a-89b3-b634-57a3d4ea1e1c"));
    assertThat(CommandKey.of("\u00e9-\u65e5\u672c"))
        .as("UTF-8, not the JVM's charset")
        .isEqualTo(UUID.fromString("70ac267a-b7ce-8af3-ac6a-d2330921d441"));
    assertThat(CommandKey.of("0F8FAD5B-D9CB-469F-A165-70867728950E"))
        .as("upper case is another command id than the lower-case UUID")
        .isEqualTo(UUID.fromString("eab71d85-f464-8cc6-9fe4-29c04f572c15"))
        .isNotEqualTo(CommandKey.of("0f8fad5b-d9cb-469f-a165-70867728950e"));
    assertThat(CommandKey.stored("X-9")).isEqualTo("X-9");
    assertThat(CommandKey.commandId(CommandKey.of("X-9"), "X-9")).isEqualTo("X-9");
  }

  @Test
  void givenTheTextOfAVersion8UuidThenItIsHashedSoNoIdCanTakeAnotherIdsKey() {
    String x9Key = CommandKey.of("X-9").toString();

    assertThat(CommandKey.of(x9Key))
        .as("the text of the key of X-9 is not X-9's key")
        .isNotEqualTo(CommandKey.of("X-9"))
        .isEqualTo(UUID.fromString("f1af5feb-12c7-80fd-850d-5c2660a0edb3"));
    assertThat(CommandKey.stored(x9Key)).isEqualTo(x9Key);
  }

  @Test
  void givenIdsOfEveryShapeThenHashedKeysAreVersion8AndOwnKeysNever() {
    List<String> ids = new ArrayList<>();
    Set<UUID> keys = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      ids.add(UUID.randomUUID().toString());
      ids.add("cmd-" + i);
      ids.add("x".repeat(1 + i % 128));
    }
    for (String id : ids) {
      UUID key = CommandKey.of(id);
      assertThat(key.version() == 8).as(id).isEqualTo(CommandKey.stored(id) != null);
      assertThat(key.variant()).as(id).isEqualTo(2);
      assertThat(CommandKey.commandId(key, CommandKey.stored(id))).isEqualTo(id);
      keys.add(key);
    }
    assertThat(keys).as("distinct ids, distinct keys").hasSize(new HashSet<>(ids).size());
  }
}
