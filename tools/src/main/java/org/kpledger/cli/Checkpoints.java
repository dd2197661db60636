package org.kpledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The checkpoint file an auditor keeps between audits ({@code --previous-checkpoint}): a signed
 * note whose second line is the log's size (C2SP tlog-checkpoint). On the first audit there is none
 * yet, which deserves a plain answer rather than a stack trace.
 */
final class Checkpoints {
  private Checkpoints() {}

  static String read(Path file) throws IOException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          file.toString(),
          null,
          "no previous checkpoint there yet; on a first audit leave out --previous-checkpoint,"
              + " and keep the one kp verify --save-checkpoint writes for the next");
    }
  }

  static long size(Path file) throws IOException {
    List<String> lines = read(file).lines().toList();
    try {
      return Long.parseLong(lines.get(1).trim());
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      throw new IOException(file + " is not a checkpoint (its second line is the log size)", e);
    }
  }
}
