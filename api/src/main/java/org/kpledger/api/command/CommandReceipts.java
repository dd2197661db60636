package org.kpledger.api.command;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first outcome of every commandId, written in the same transaction as the command's events
 * (or, for a refusal, with the refused attempt), so a retry of the same envelope gets the same
 * answer and a reused id with another body is recognised.
 *
 * <p>Stored lean (issue #20, migration V4): the body hash as its 32 bytes, and an outcome that
 * begins with the command's own id ({@code {"commandId":"<the key>",...}}, every acceptance)
 * without it: the row keeps {@value #WITHOUT_ID} followed by the rest of the text, and every read
 * puts the same characters back, so the answer replayed to a retry is the same bytes as the first.
 */
@Component
public class CommandReceipts {
  /** Marks a stored outcome whose {@code {"commandId":"<id>",} beginning was cut off. */
  static final String WITHOUT_ID = "+";

  private static final HexFormat HEX = HexFormat.of();

  private final JdbcTemplate jdbc;

  /** Creates the table if needed. */
  public CommandReceipts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS command_receipt ("
            + "command_id VARCHAR(128) PRIMARY KEY, body_hash BYTEA NOT NULL, "
            + "http_status INT NOT NULL, outcome TEXT NOT NULL, recorded_at TIMESTAMP NOT NULL)");
  }

  /** A stored receipt. */
  public record Receipt(String commandId, String bodyHash, int httpStatus, String outcome) {}

  /** The receipt of a commandId, if any. */
  public Optional<Receipt> find(String commandId) {
    return jdbc
        .query(
            "SELECT command_id, body_hash, http_status, outcome FROM command_receipt WHERE command_id = ?",
            (rs, i) -> read(rs),
            commandId)
        .stream()
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
    String marks = String.join(", ", Collections.nCopies(commandIds.size(), "?"));
    jdbc.query(
        "SELECT command_id, body_hash, http_status, outcome FROM command_receipt"
            + " WHERE command_id IN ("
            + marks
            + ")",
        (ResultSet rs) -> {
          Receipt r = read(rs);
          found.put(r.commandId(), r);
        },
        commandIds.toArray());
    return found;
  }

  /**
   * Stores a receipt in the current transaction; fails on a commandId already used.
   *
   * @throws IllegalArgumentException if the body hash is not 64 lower-case hex digits
   */
  public void store(Receipt receipt) {
    if (!receipt.bodyHash().matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "a receipt's body hash is a SHA-256 in 64 lower-case hex digits, not "
              + receipt.bodyHash());
    }
    jdbc.update(
        "INSERT INTO command_receipt (command_id, body_hash, http_status, outcome, recorded_at) "
            + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
        receipt.commandId(),
        HEX.parseHex(receipt.bodyHash()),
        receipt.httpStatus(),
        compact(receipt.commandId(), receipt.outcome()));
  }

  private static Receipt read(ResultSet rs) throws SQLException {
    String commandId = rs.getString(1);
    return new Receipt(
        commandId, HEX.formatHex(rs.getBytes(2)), rs.getInt(3), whole(commandId, rs.getString(4)));
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
