package org.kpledger.anchoring.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kpledger.anchoring.AnchorReceipt;
import org.kpledger.anchoring.AnchorSink;
import org.kpledger.anchoring.AnchorSinkContractTest;
import org.kpledger.anchoring.checkpoint.CheckpointVerifier;
import org.kpledger.jdbc.TestDatabase;

/** {@link LocalAnchorSink} keeps the {@link AnchorSink} contract, and its file promises. */
class LocalAnchorSinkTest extends AnchorSinkContractTest {

  @TempDir Path dir;
  private TestDatabase database;
  private Path file;

  @Override
  protected AnchorSink newSink() {
    database = new TestDatabase();
    file = dir.resolve("checkpoints.txt");
    return open();
  }

  @Override
  protected AnchorSink reopen(AnchorSink sink) throws IOException {
    ((LocalAnchorSink) sink).close();
    return open();
  }

  @AfterEach
  void closeFile() throws IOException {
    ((LocalAnchorSink) sink()).close();
  }

  @Test
  void theFileHoldsOneVerifiableCheckpointPerEntryAtTheReceiptsOffset() throws Exception {
    AnchorReceipt first = sink().anchor(head(5), List.of());
    AnchorReceipt second = sink().anchor(head(13), log().consistencyProof(5, 13));
    String text = Files.readString(file);
    String[] entries = text.split("\n\n(?=kp\\.example)");
    assertThat(entries).hasSize(2);
    CheckpointVerifier verifier = new CheckpointVerifier(ORIGIN, SIGNER.publicKey());
    assertThat(verifier.verify(entries[0] + "\n").size()).isEqualTo(5);
    assertThat(verifier.verify(entries[1].substring(0, entries[1].length() - 1)).size())
        .isEqualTo(13);
    assertThat(first.reference()).isEqualTo("checkpoints.txt@0");
    int offset = Integer.parseInt(second.reference().substring("checkpoints.txt@".length()));
    byte[] bytes = Files.readAllBytes(file);
    assertThat(new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8))
        .as("the reference is a byte offset")
        .startsWith(ORIGIN + "\n13\n")
        .endsWith("\n\n");
  }

  @Test
  void cutsBackAnEntryWrittenButNeverRecorded() throws Exception {
    sink().anchor(head(5), List.of());
    long acknowledged = Files.size(file);
    Files.writeString(file, head(13).note().substring(0, 40), StandardOpenOption.APPEND);
    AnchorSink reopened = reopen(sink());
    assertThat(Files.size(file)).isEqualTo(acknowledged);
    reopened.anchor(head(13), log().consistencyProof(5, 13));
    ((LocalAnchorSink) reopened).close();
  }

  @Test
  void refusesToOpenWhenTheFileLostCheckpoints() throws Exception {
    sink().anchor(head(5), List.of());
    ((LocalAnchorSink) sink()).close();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(10);
    }
    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the file lost checkpoints");
  }

  @Test
  void refusesToOpenWhenTheLastEntryWasRewritten() throws Exception {
    sink().anchor(head(5), List.of());
    ((LocalAnchorSink) sink()).close();
    String text = Files.readString(file).replace("\n5\n", "\n6\n");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not hold");
  }

  @Test
  void listsKeptHeadsSmallestFirst() throws Exception {
    sink().anchor(head(5), List.of());
    sink().anchor(head(13), log().consistencyProof(5, 13));
    sink().anchor(head(20), log().consistencyProof(13, 20));
    assertThat(((LocalAnchorSink) sink()).list(6, 10))
        .extracting(a -> a.head().size())
        .containsExactly(13L, 20L);
  }

  @Test
  void sharedSinksOfSeveralNodesKeepByteIdenticalCopiesOfTheFile() throws Exception {
    ((LocalAnchorSink) sink()).close();
    Path otherFile = dir.resolve("other").resolve("checkpoints.txt");
    Files.createDirectories(otherFile.getParent());
    try (LocalAnchorSink a = openShared(file);
        LocalAnchorSink b = openShared(otherFile)) {
      a.anchor(head(5), List.of());
      assertThat(b.lastAnchored().orElseThrow().head().size())
          .as("read from the table")
          .isEqualTo(5);
      AnchorReceipt fromB = b.anchor(head(13), log().consistencyProof(5, 13));
      a.anchor(head(20), log().consistencyProof(13, 20));
      assertThat(b.copyRecordedHeads()).isEqualTo(1);
      assertThat(Files.readAllBytes(otherFile)).isEqualTo(Files.readAllBytes(file));
      int offset = Integer.parseInt(fromB.reference().substring("checkpoints.txt@".length()));
      byte[] bytes = Files.readAllBytes(file);
      assertThat(new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8))
          .startsWith(ORIGIN + "\n13\n");
    }
  }

  @Test
  void aSharedSinkWhoseFileIsBehindTheTableCopiesTheMissingHeadsOnOpening() throws Exception {
    ((LocalAnchorSink) sink()).close();
    Path otherFile = dir.resolve("other").resolve("checkpoints.txt");
    Files.createDirectories(otherFile.getParent());
    try (LocalAnchorSink a = openShared(file)) {
      a.anchor(head(5), List.of());
    }
    Files.copy(file, otherFile);
    try (LocalAnchorSink a = openShared(file)) {
      a.anchor(head(13), log().consistencyProof(5, 13));
    }
    try (LocalAnchorSink b = openShared(otherFile)) {
      assertThat(Files.readAllBytes(otherFile)).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void aSharedSinkReplacesItsUnrecordedLastEntryWithTheHeadAnotherNodeRecordedThere()
      throws Exception {
    ((LocalAnchorSink) sink()).close();
    Path otherFile = dir.resolve("other").resolve("checkpoints.txt");
    Files.createDirectories(otherFile.getParent());
    try (LocalAnchorSink a = openShared(file)) {
      a.anchor(head(5), List.of());
    }
    Files.copy(file, otherFile);
    try (LocalAnchorSink b = openShared(otherFile)) {
      b.anchor(head(13), log().consistencyProof(5, 13));
    }
    // the node of `file` wrote an entry at the same offset and was killed before recording it
    Files.writeString(file, "x".repeat(400), StandardOpenOption.APPEND);
    try (LocalAnchorSink a = openShared(file)) {
      assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(otherFile));
    }
  }

  private LocalAnchorSink openShared(Path at) {
    return LocalAnchorSink.openShared("local", database.connections(), at, Clock.systemUTC());
  }

  private LocalAnchorSink open() {
    return LocalAnchorSink.open("local", database.connections(), file, Clock.systemUTC());
  }
}
