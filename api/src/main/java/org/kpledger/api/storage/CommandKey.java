package org.kpledger.api.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The key a command's rows are kept under ({@code command_receipt} and {@code command_envelope},
 * migration V7): a UUID, 16 bytes in the primary key, where both tables' keys were the command id's
 * text (a client's random UUID took 37 bytes in the row and again in each index entry).
 *
 * <p>A command id is chosen by its client (1 to 128 letters, digits, '_', '.', ':' or '-' in a
 * signed envelope; other text in the receipts of commands a benchmark sends straight to Axon), so
 * the key is made in one of two ways that never give the same key:
 *
 * <ul>
 *   <li>a command id that is a UUID in canonical lower-case text whose version digit is not {@code
 *       8} is its own key, and its row keeps no text ({@code command_id} NULL; {@link #commandId}
 *       gives it back);
 *   <li>any other command id is keyed by the first 16 bytes of the SHA-256 of its UTF-8 with the
 *       version and variant bits of RFC 9562's version 8 set (122 bits of the digest), and its row
 *       keeps its text. Two such ids with one key would need a SHA-256 collision in 122 bits.
 * </ul>
 *
 * <p>Migration V7 computes the same keys in SQL for the rows kept before it; {@code CommandKeyTest}
 * holds both to the same answers.
 */
public final class CommandKey {
  private static final Pattern OWN_KEY =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-79a-f][0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");

  private CommandKey() {}

  /** The key of a command id. */
  public static UUID of(String commandId) {
    if (isOwnKey(commandId)) {
      return UUID.fromString(commandId);
    }
    byte[] digest = sha256().digest(commandId.getBytes(StandardCharsets.UTF_8));
    digest[6] = (byte) ((digest[6] & 0x0f) | 0x80);
    digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(digest, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  /** The command id as its row keeps it: null when the id is its key's own text. */
  public static String stored(String commandId) {
    return isOwnKey(commandId) ? null : commandId;
  }

  /** The command id of a row, from its key and what {@link #stored} kept. */
  public static String commandId(UUID key, String stored) {
    return stored != null ? stored : key.toString();
  }

  private static boolean isOwnKey(String commandId) {
    return commandId.length() == 36 && OWN_KEY.matcher(commandId).matches();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
