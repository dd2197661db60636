package org.kpledger.api.refusal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.projection.Columns;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the write path's record of refused attempts ({@code refused_attempt}, written by the
 * command path in the transaction that refused the command), newest first.
 */
@Component
public class RefusedAttemptQueries {
  /** Keeps decimals as signed ({@code 30.00}, not {@code 30.0}). */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private static final String COLUMNS =
      "SELECT id, command_id, command_type, actor_id, organisation_id, actor_role, reason_code, "
          + "message, envelope, refused_at FROM refused_attempt";

  private final JdbcTemplate jdbc;

  RefusedAttemptQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What to list; every criterion given must hold.
   *
   * @param organisationId the signer's organisation, or null
   * @param actorId the signer, or null
   * @param commandType the command type, or null
   * @param subjectId an id the signed command's payload names as a JSON string value (found through
   *     the write path's subject index), or null
   * @param from the first Bangui day, or null
   * @param to the last Bangui day, or null
   */
  public record Filter(
      String organisationId,
      String actorId,
      String commandType,
      String subjectId,
      LocalDate from,
      LocalDate to) {}

  /** One page of the attempts matching {@code f}, newest first. */
  public Page<RefusedAttempt> page(Filter f, PageRequest r) {
    List<Object> args = new ArrayList<>();
    String where = where(f, args);
    Long total =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM refused_attempt" + where, Long.class, args.toArray());
    args.add(r.size());
    args.add(r.offset());
    List<RefusedAttempt> items =
        jdbc.query(
            COLUMNS + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
            (rs, n) -> attempt(rs),
            args.toArray());
    return new Page<>(items, r.page(), r.size(), total == null ? 0 : total);
  }

  /**
   * The refused proposals of a shipment id (the {@code shipmentId} of a refused {@code
   * ProposeShipment}), oldest first.
   */
  public List<RefusedProposal> proposalsOf(String shipmentId) {
    List<Object> args = new ArrayList<>();
    String where = where(new Filter(null, null, "ProposeShipment", shipmentId, null, null), args);
    return jdbc
        .query(COLUMNS + where + " ORDER BY id", (rs, n) -> attempt(rs), args.toArray())
        .stream()
        .filter(a -> shipmentId.equals(a.payload().path("shipmentId").asText(null)))
        .map(RefusedProposal::of)
        .toList();
  }

  private static String where(Filter f, List<Object> args) {
    List<String> terms = new ArrayList<>();
    if (f.organisationId() != null) {
      terms.add("organisation_id = ?");
      args.add(f.organisationId());
    }
    if (f.actorId() != null) {
      terms.add("actor_id = ?");
      args.add(f.actorId());
    }
    if (f.commandType() != null) {
      terms.add("command_type = ?");
      args.add(f.commandType());
    }
    if (f.subjectId() != null) {
      terms.add("id IN (SELECT attempt_id FROM refused_attempt_subject WHERE subject_id = ?)");
      args.add(f.subjectId());
    }
    if (f.from() != null) {
      terms.add("refused_at >= ?");
      args.add(startOf(f.from()));
    }
    if (f.to() != null) {
      terms.add("refused_at < ?");
      args.add(startOf(f.to().plusDays(1)));
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  /** {@code refused_at} holds the database session's local time, as a JDBC timestamp does. */
  private static Timestamp startOf(LocalDate banguiDay) {
    return Timestamp.from(banguiDay.atStartOfDay(LedgerCalendar.ZONE).toInstant());
  }

  private static RefusedAttempt attempt(ResultSet rs) throws SQLException {
    Instant at = Columns.instant(rs.getObject("refused_at"));
    return new RefusedAttempt(
        rs.getLong("id"),
        rs.getString("command_id"),
        rs.getString("command_type"),
        rs.getString("actor_id"),
        rs.getString("organisation_id"),
        rs.getString("actor_role"),
        rs.getString("reason_code"),
        rs.getString("message"),
        at,
        payload(rs.getString("envelope")));
  }

  private static JsonNode payload(String envelope) {
    try {
      return JSON.readTree(envelope).path("payload");
    } catch (JsonProcessingException e) {
      // the command path stores only envelopes it parsed; an unreadable one shows no payload
      return JSON.nullNode();
    }
  }
}
