package org.kpledger.api.custody;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kpledger.api.access.PastHolders;
import org.kpledger.api.projection.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the custody projection: who held what, from when until when. */
@Component
public class CustodyHistory implements PastHolders {
  private static final RowMapper<Period> PERIOD =
      (rs, n) ->
          new Period(
              rs.getString("item_id"),
              rs.getString("holder"),
              rs.getBigDecimal("carats"),
              rs.getString("acquired_by"),
              Columns.instant(rs.getObject("from_at")),
              Columns.date(rs.getObject("from_date")),
              Columns.instant(rs.getObject("until_at")),
              Columns.date(rs.getObject("until_date")),
              rs.getString("ended_by"));

  /** A period's columns with its mass as it stood at the end of day {@code :d} (re-weighings). */
  private static final String AS_OF =
      "SELECT h.id, h.item_id, h.holder, h.acquired_by, "
          + "h.from_at, h.from_date, h.until_at, h.until_date, h.ended_by, h.carats_in + COALESCE(("
          + "SELECT SUM(w.difference) FROM custody_weighing w WHERE w.holding_id = h.id "
          + "AND w.recorded_on <= :d), 0) AS carats FROM custody_holding h ";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  CustodyHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /**
   * A period during which {@code holder} held {@code itemId}; {@code until} is null while it still
   * holds it.
   */
  public record Period(
      String itemId,
      String holder,
      BigDecimal carats,
      String acquiredBy,
      Instant from,
      LocalDate fromDate,
      Instant until,
      LocalDate untilDate,
      String endedBy) {}

  /** Whether {@code party} ever held the item. */
  @Override
  public boolean everHeldBy(String itemId, String party) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM custody_holding WHERE item_id = ? " + "AND holder = ?",
            Integer.class,
            itemId,
            party);
    return n != null && n > 0;
  }

  /** The custody periods of these items, per item in time order. */
  public List<Period> periods(Collection<String> itemIds) {
    if (itemIds.isEmpty()) {
      return List.of();
    }
    return named.query(
        "SELECT * FROM custody_holding WHERE item_id IN (:ids) " + "ORDER BY item_id, from_at, id",
        Map.of("ids", itemIds),
        PERIOD);
  }

  /**
   * What {@code holder} held at the end of {@code day}: periods begun on or before that day and not
   * ended by then, each with its mass on that day (re-weighings up to it included).
   */
  public List<Period> heldBy(String holder, LocalDate day) {
    return named.query(
        AS_OF
            + "WHERE h.holder = :h AND h.from_date <= :d "
            + "AND (h.until_date IS NULL OR h.until_date > :d) ORDER BY h.item_id",
        Map.of("h", holder, "d", day),
        PERIOD);
  }

  /** What anyone held at the end of {@code day} of these items (a stockpile's items). */
  public List<Period> heldOf(Collection<String> itemIds, LocalDate day) {
    if (itemIds.isEmpty()) {
      return List.of();
    }
    return named.query(
        AS_OF
            + "WHERE h.item_id IN (:ids) AND h.from_date <= :d "
            + "AND (h.until_date IS NULL OR h.until_date > :d) ORDER BY h.item_id",
        Map.of("ids", itemIds, "d", day),
        PERIOD);
  }
}
