package org.kpledger.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a stream into lines (LF-terminated byte arrays) in batches, without decoding them. */
final class EventLines {

  private final InputStream in;
  private byte[] buffer = new byte[1 << 20];
  private int start;
  private int end;
  private boolean eof;

  EventLines(InputStream in) {
    this.in = in;
  }

  /** The next lines, at most {@code max}; empty at the end. Empty lines are skipped. */
  List<byte[]> next(int max) throws IOException {
    List<byte[]> lines = new ArrayList<>(max);
    while (lines.size() < max) {
      int newline = indexOf((byte) '\n');
      if (newline >= 0) {
        if (newline > start) {
          lines.add(Arrays.copyOfRange(buffer, start, newline));
        }
        start = newline + 1;
      } else if (eof) {
        if (end > start) {
          lines.add(Arrays.copyOfRange(buffer, start, end));
        }
        start = end;
        break;
      } else {
        fill();
      }
    }
    return lines;
  }

  private int indexOf(byte b) {
    for (int i = start; i < end; i++) {
      if (buffer[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }
}
