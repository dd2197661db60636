package org.kpledger.api.envelope;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kpledger.custody.LedgerMetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The envelopes of accepted commands, one row per command, written in the transaction that stores
 * the command's events ({@link EnvelopeStoreInterceptor}).
 */
@Component
public class CommandEnvelopes {
  private static final int IN_LIST = 500;

  private final JdbcTemplate jdbc;

  CommandEnvelopes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a command's envelope in the current transaction; fails on a command id stored. */
  void store(String commandId, String envelope) {
    jdbc.update(
        "INSERT INTO command_envelope (command_id, envelope_sha256, envelope) VALUES (?, ?, ?)",
        commandId,
        LedgerMetaData.envelopeSha256(envelope),
        envelope);
  }

  /**
   * The envelopes of these command ids that are stored, by command id, exactly as signed; read with
   * one statement per 500 ids.
   */
  public Map<String, String> findAll(Collection<String> commandIds) {
    Map<String, String> found = new HashMap<>();
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(commandIds));
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
      jdbc.query(
          "SELECT command_id, envelope FROM command_envelope WHERE command_id IN ("
              + String.join(", ", Collections.nCopies(chunk.size(), "?"))
              + ")",
          rs -> {
            found.put(rs.getString(1), rs.getString(2));
          },
          chunk.toArray());
    }
    return found;
  }
}
