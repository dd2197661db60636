package org.kpledger.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Which steps of each chain the node has answered, one appended line per step ({@code chain TAB
 * index}), flushed as it is written so it survives a kill. It only saves work on resume: a step
 * answered but not yet journalled is sent again under the same command id, and the node recognises
 * it, so the journal never has to be exact for the ledger to be.
 */
final class Journal implements AutoCloseable {
  private final Map<String, Integer> next = new HashMap<>();
  private final BufferedWriter out;
  private long done;

  Journal(Path stateDir) throws IOException {
    Path file = stateDir.resolve("journal.log");
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          try {
            int index = Integer.parseInt(line.substring(tab + 1));
            next.merge(line.substring(0, tab), index + 1, Math::max);
          } catch (NumberFormatException torn) {
            // the last line of a killed run may be cut short; its step is simply sent again
          }
        }
      }
    }
    done = next.values().stream().mapToLong(Integer::longValue).sum();
    out =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (Files.size(file) > 0) {
      out.newLine(); // ends a line a kill may have cut short
      out.flush();
    }
  }

  /** The first step of the chain not yet answered. */
  synchronized int next(String chain) {
    return next.getOrDefault(chain, 0);
  }

  synchronized void answered(String chain, int index) {
    try {
      out.write(chain + "\t" + index + "\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    next.merge(chain, index + 1, Math::max);
    done++;
  }

  synchronized long done() {
    return done;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
