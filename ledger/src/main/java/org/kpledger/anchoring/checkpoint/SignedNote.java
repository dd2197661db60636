package org.kpledger.anchoring.checkpoint;

import static org.kpledger.anchoring.checkpoint.CheckpointException.Reason.MALFORMED_NOTE;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The C2SP signed-note wire format (https://c2sp.org/signed-note): a text ending in a newline, a
 * blank line, then lines {@code "— <key name> <base64(key ID || signature)>"}. Parsing is strict:
 * no control characters but newline, canonical padded base64, at most {@value #MAX_SIGNATURES}
 * signatures (the spec asks verifiers to accept at least 16).
 *
 * @param text the signed text, final newline included
 * @param signatures the signature lines, in order
 */
record SignedNote(String text, List<Line> signatures) {

  static final int MAX_SIGNATURES = 64;
  static final int MAX_LENGTH = 64 * 1024;
  private static final String DASH = "\u2014 ";

  /**
   * One signature line.
   *
   * @param keyName the key's name
   * @param keyId the 4-byte key ID, big-endian
   * @param signature the signature bytes that follow the key ID
   */
  record Line(String keyName, int keyId, byte[] signature) {}

  SignedNote {
    signatures = List.copyOf(signatures);
  }

  String format() {
    StringBuilder note = new StringBuilder(text).append('\n');
    for (Line line : signatures) {
      byte[] blob = new byte[4 + line.signature().length];
      blob[0] = (byte) (line.keyId() >>> 24);
      blob[1] = (byte) (line.keyId() >>> 16);
      blob[2] = (byte) (line.keyId() >>> 8);
      blob[3] = (byte) line.keyId();
      System.arraycopy(line.signature(), 0, blob, 4, line.signature().length);
      note.append(DASH)
          .append(line.keyName())
          .append(' ')
          .append(Base64.getEncoder().encodeToString(blob))
          .append('\n');
    }
    return note.toString();
  }

  static SignedNote parse(String note) throws CheckpointException {
    if (note.length() > MAX_LENGTH) {
      throw malformed("note is longer than " + MAX_LENGTH + " characters");
    }
    if (note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
      throw malformed("note holds a control character other than newline");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw malformed("note has no blank line before its signatures, or does not end in newline");
    }
    String text = note.substring(0, split + 1);
    String block = note.substring(split + 2);
    if (block.isEmpty()) {
      throw malformed("note has no signature lines");
    }
    List<Line> lines = new ArrayList<>();
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      if (lines.size() == MAX_SIGNATURES) {
        throw malformed("note has more than " + MAX_SIGNATURES + " signatures");
      }
      lines.add(parseLine(line));
    }
    return new SignedNote(text, lines);
  }

  private static Line parseLine(String line) throws CheckpointException {
    if (!line.startsWith(DASH)) {
      throw malformed("signature line does not start with an em dash and a space: " + line);
    }
    String[] parts = line.substring(DASH.length()).split(" ", -1);
    if (parts.length != 2) {
      throw malformed("signature line is not '— <name> <signature>': " + line);
    }
    try {
      TreeHead.requireValidName(parts[0]);
    } catch (IllegalArgumentException e) {
      throw malformed("bad key name: " + e.getMessage());
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw malformed("signature is not base64: " + parts[1]);
    }
    if (blob.length < 5 || !Base64.getEncoder().encodeToString(blob).equals(parts[1])) {
      throw malformed("signature is not canonical base64 of a key ID and a signature");
    }
    int keyId =
        (blob[0] & 0xff) << 24 | (blob[1] & 0xff) << 16 | (blob[2] & 0xff) << 8 | (blob[3] & 0xff);
    return new Line(parts[0], keyId, java.util.Arrays.copyOfRange(blob, 4, blob.length));
  }

  private static CheckpointException malformed(String message) {
    return new CheckpointException(MALFORMED_NOTE, message);
  }
}
