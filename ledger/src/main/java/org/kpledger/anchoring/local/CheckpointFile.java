package org.kpledger.anchoring.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The append-only checkpoint file: each entry is a signed note followed by a blank line. */
final class CheckpointFile implements AutoCloseable {

  /** The most unacknowledged bytes that can be a torn last entry; more means foreign content. */
  static final int MAX_UNACKNOWLEDGED = 16 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointFile.class);

  private final Path path;
  private final FileChannel channel;

  CheckpointFile(Path path) throws IOException {
    this.path = path;
    this.channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  String name() {
    return path.getFileName().toString();
  }

  /** The file's length in bytes. */
  long size() throws IOException {
    return channel.size();
  }

  /** The bytes an entry takes: the note and the blank line after it. */
  static byte[] entry(String note) {
    return (note + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Makes the file end where the database says the last entry ends, holding that entry. */
  void reconcile(long acknowledgedEnd, byte[] lastEntry) throws IOException {
    long size = channel.size();
    if (size < acknowledgedEnd) {
      throw new IllegalStateException(
          path
              + " has "
              + size
              + " bytes but the database records "
              + "checkpoints up to byte "
              + acknowledgedEnd
              + ": the file lost checkpoints");
    }
    if (lastEntry != null) {
      ByteBuffer stored = ByteBuffer.allocate(lastEntry.length);
      channel.read(stored, acknowledgedEnd - lastEntry.length);
      if (!Arrays.equals(stored.array(), lastEntry)) {
        throw new IllegalStateException(
            path
                + " does not hold, at byte "
                + (acknowledgedEnd - lastEntry.length)
                + ", the checkpoint the database records there");
      }
    }
    if (size > acknowledgedEnd) {
      if (size - acknowledgedEnd > MAX_UNACKNOWLEDGED) {
        throw new IllegalStateException(
            path
                + " holds "
                + (size - acknowledgedEnd)
                + " bytes no "
                + "database row records; more than one torn entry, so not cutting it back");
      }
      LOG.warn(
          "{}: cutting back {} bytes written but never recorded (a crash mid-anchor)",
          path,
          size - acknowledgedEnd);
      channel.truncate(acknowledgedEnd);
      channel.force(true);
    }
  }

  /** Whether the entry that ends at byte {@code end} is {@code entry}. */
  boolean holds(long end, byte[] entry) throws IOException {
    if (end < entry.length || end > channel.size()) {
      return false;
    }
    ByteBuffer stored = ByteBuffer.allocate(entry.length);
    channel.read(stored, end - entry.length);
    return Arrays.equals(stored.array(), entry);
  }

  /** Appends an entry and forces it to disk; returns its offset. */
  long append(byte[] entry) throws IOException {
    long offset = channel.size();
    ByteBuffer buffer = ByteBuffer.wrap(entry);
    long position = offset;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    channel.force(true);
    return offset;
  }

  /** Removes an entry whose database row could not be written. */
  void cutBackTo(long offset) {
    try {
      channel.truncate(offset);
      channel.force(true);
    } catch (IOException e) {
      LOG.warn("{}: could not cut back to {}; the next open will: {}", path, offset, e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
