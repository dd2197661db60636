package org.kpledger.api.command;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first outcome of every commandId, written in the same transaction as the command's events
 * (or, for a refusal, with the refused attempt), so a retry of the same envelope gets the same
 * answer and a reused id with another body is recognised.
 */
@Component
public class CommandReceipts {
  private final JdbcTemplate jdbc;

  /** Creates the table if needed. */
  public CommandReceipts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    jdbc.execute(
        "CREATE TABLE IF NOT EXISTS command_receipt ("
            + "command_id VARCHAR(128) PRIMARY KEY, body_hash VARCHAR(64) NOT NULL, "
            + "http_status INT NOT NULL, outcome TEXT NOT NULL, recorded_at TIMESTAMP NOT NULL)");
  }

  /** A stored receipt. */
  public record Receipt(String commandId, String bodyHash, int httpStatus, String outcome) {}

  /** The receipt of a commandId, if any. */
  public Optional<Receipt> find(String commandId) {
    return jdbc
        .query(
            "SELECT command_id, body_hash, http_status, outcome FROM command_receipt WHERE command_id = ?",
            (rs, i) -> new Receipt(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
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
          Receipt r = new Receipt(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4));
          found.put(r.commandId(), r);
        },
        commandIds.toArray());
    return found;
  }

  /** Stores a receipt in the current transaction; fails on a commandId already used. */
  public void store(Receipt receipt) {
    jdbc.update(
        "INSERT INTO command_receipt (command_id, body_hash, http_status, outcome, recorded_at) "
            + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
        receipt.commandId(),
        receipt.bodyHash(),
        receipt.httpStatus(),
        receipt.outcome());
  }
}
