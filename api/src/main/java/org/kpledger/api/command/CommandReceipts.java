package org.kpledger.api.command;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kpledger.api.projection.ProjectionWriter;
import org.kpledger.api.storage.CommandKey;
import org.kpledger.eventstore.PackedJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first outcome of every commandId, written in the same transaction as the command's events
 * (or, for a refusal, with the refused attempt), so a retry of the same envelope gets the same
 * answer and a reused id with another body is recognised.
 *
 * <p>Stored lean (issue #20, migration V4): the body hash as its 32 bytes (a body hash that is not
 * a SHA-256 in hex, such as the {@code unsigned} of commands a benchmark sends straight to Axon, as
 * its UTF-8 bytes, never 32 of them), and an outcome that begins with the command's own id ({@code
 * {"commandId":"<the key>",...}}, every acceptance) without it: the row keeps {@value #WITHOUT_ID}
 * followed by the rest of the text, and every read puts the same characters back, so the answer
 * replayed to a retry is the same bytes as the first.
 *
 * <p>That text is kept packed like the events' JSON ({@link PackedJson}, column {@code
 * packed_outcome}, migration V6; {@code outcome} then NULL) unless {@code kp.event-store.pack-json}
 * is false: an acceptance's answer is mostly its event ids, which format 2 keeps as 16 bytes each.
 * Rows kept as text read as before.
 *
 * <p>Rows are keyed by the command id's {@link CommandKey} (migration V7), 16 bytes, with the id's
 * text kept only where it is not the key's own.
 */
@Component
public class CommandReceipts {
  /** Marks a stored outcome whose {@code {"commandId":"<id>",} beginning was cut off. */
  static final String WITHOUT_ID = "+";

  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
  private static final int DIGEST_BYTES = 32;

  private static final String SELECT =
      "SELECT command_key, command_id, body_hash, http_status, outcome, packed_outcome"
          + " FROM command_receipt";

  private final JdbcTemplate jdbc;
  private final ProjectionWriter atCommit;
  private final boolean pack;
  private final String insert;

  /** Creates the table if needed; keeps outcomes packed. */
  public CommandReceipts(JdbcTemplate jdbc) {
    this(jdbc, true);
  }

  /**
   * Creates the table if needed.
   *
   * @param pack whether to keep outcomes packed ({@code kp.event-store.pack-json})
   */
  @Autowired
  public CommandReceipts(JdbcTemplate jdbc, @Value("${kp.event-store.pack-json}") boolean pack) {
    this.jdbc = jdbc;
    this.pack = pack;
    this.atCommit = new ProjectionWriter(jdbc);
    this.insert =
        "INSERT INTO command_receipt (command_key, command_id, body_hash, http_status, "
            + (pack ? "packed_outcome" : "outcome")
            + ", recorded_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)";
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS command_receipt ("
            + "command_id VARCHAR(128), body_hash BYTEA NOT NULL, "
            + "http_status INT NOT NULL, outcome TEXT, recorded_at TIMESTAMP NOT NULL, "
            + "packed_outcome BYTEA, command_key UUID NOT NULL, "
            + "CONSTRAINT command_receipt_pkey PRIMARY KEY (command_key))");
  }

  /** A stored receipt. */
  public record Receipt(String commandId, String bodyHash, int httpStatus, String outcome) {}

  /** The receipt of a commandId, if any. */
  public Optional<Receipt> find(String commandId) {
    return jdbc
        .query(SELECT + " WHERE command_key = ?", (rs, i) -> read(rs), CommandKey.of(commandId))
        .stream()
        .filter(r -> r.commandId().equals(commandId))
        .findFirst();
  }

  /**
   * The receipts of these commandIds that exist, by commandId, read with one statement (a batch
   * checks all its members before it runs, in the section batches take one at a time).
   */
  public Map<String, Receipt> findAll(Collection<String> commandIds) {
    Map<String, Receipt> found = new HashMap<>();
    if (commandIds.isEmpty()) {
      return found;
    }
    Set<String> wanted = Set.copyOf(commandIds);
    String marks = String.join(", ", Collections.nCopies(wanted.size(), "?"));
    jdbc.query(
        SELECT + " WHERE command_key IN (" + marks + ")",
        (ResultSet rs) -> {
          Receipt r = read(rs);
          if (wanted.contains(r.commandId())) {
            found.put(r.commandId(), r);
          }
        },
        wanted.stream().map(CommandKey::of).toArray());
    return found;
  }

  /**
   * Stores a receipt in the current transaction; fails on a commandId already used.
   *
   * @throws IllegalArgumentException if the body hash is not a SHA-256 in hex and its UTF-8 is 32
   *     bytes long (it would read back as a digest)
   */
  public void store(Receipt receipt) {
    jdbc.update(insert, row(receipt));
  }

  /**
   * Stores a receipt with the other rows of the current unit of work, sent as one JDBC batch per
   * statement when its root prepares to commit ({@link ProjectionWriter#write}), in the transaction
   * of its events; the commit fails on a commandId already used. A batch of 25 commands, or a group
   * of single commands committed together, so writes its receipts with one statement rather than
   * one each (on PostgreSQL a multi-row INSERT: one round trip and one execution on the server).
   * Outside a unit of work, stores it at once.
   *
   * @throws IllegalArgumentException as {@link #store}
   */
  public void storeAtCommit(Receipt receipt) {
    atCommit.write(insert, row(receipt));
  }

  private Object[] row(Receipt receipt) {
    String outcome = compact(receipt.commandId(), receipt.outcome());
    return new Object[] {
      CommandKey.of(receipt.commandId()),
      CommandKey.stored(receipt.commandId()),
      bodyHashBytes(receipt.bodyHash()),
      receipt.httpStatus(),
      pack ? PackedJson.pack(outcome.getBytes(StandardCharsets.UTF_8)) : outcome
    };
  }

  /** A body hash as stored: 32 bytes for a SHA-256 in lower-case hex, else its UTF-8. */
  static byte[] bodyHashBytes(String bodyHash) {
    if (DIGEST.matcher(bodyHash).matches()) {
      return HEX.parseHex(bodyHash);
    }
    byte[] text = bodyHash.getBytes(StandardCharsets.UTF_8);
    if (text.length == DIGEST_BYTES) {
      throw new IllegalArgumentException(
          "a receipt's body hash is a SHA-256 in 64 lower-case hex digits or a text whose UTF-8 is"
              + " not 32 bytes long, not "
              + bodyHash);
    }
    return text;
  }

  /** A body hash as {@link #bodyHashBytes} stored it. */
  static String bodyHashText(byte[] stored) {
    return stored.length == DIGEST_BYTES
        ? HEX.formatHex(stored)
        : new String(stored, StandardCharsets.UTF_8);
  }

  private static Receipt read(ResultSet rs) throws SQLException {
    String commandId = CommandKey.commandId(rs.getObject(1, UUID.class), rs.getString(2));
    String stored = rs.getString(5);
    if (stored == null) {
      stored = new String(PackedJson.unpack(rs.getBytes(6)), StandardCharsets.UTF_8);
    }
    return new Receipt(
        commandId, bodyHashText(rs.getBytes(3)), rs.getInt(4), whole(commandId, stored));
  }

  /** The outcome as stored: without its beginning when that is the command's own id. */
  static String compact(String commandId, String outcome) {
    if (outcome.startsWith(WITHOUT_ID)) {
      throw new IllegalArgumentException(
          "a receipt's outcome is a JSON text and cannot begin with " + WITHOUT_ID);
    }
    String beginning = beginning(commandId);
    return outcome.startsWith(beginning)
        ? WITHOUT_ID + outcome.substring(beginning.length())
        : outcome;
  }

  /** The outcome as first answered, from what {@link #compact} stored. */
  static String whole(String commandId, String stored) {
    return stored.startsWith(WITHOUT_ID)
        ? beginning(commandId) + stored.substring(WITHOUT_ID.length())
        : stored;
  }

  private static String beginning(String commandId) {
    return "{\"commandId\":\"" + commandId + "\",";
  }
}
