package org.kpledger.api.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.parcel.LotPurchasedEvent;
import org.kpledger.site.GeoPoint;
import org.kpledger.site.SiteRegisteredEvent;
import org.kpledger.zone.ZoneDecisionRecordedEvent;
import org.kpledger.zone.ZoneRegisteredEvent;
import org.kpledger.zone.ZoneStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A slice of the read side: the zones projection and its queries on an in-memory H2 database, fed
 * events as the projections processor hands them over, without a node. What only a node shows (the
 * signed reads, who may see whose counts, the HTTP shapes) stays in {@code ZoneHistoryTest}; here
 * the SQL's rules, on days and instants chosen at their edges.
 */
class ZoneHistoryOverJdbcTest {
  private static final String ZONE = "Z-BODA";
  private static final LocalDate AS_OF = LocalDate.of(2024, 4, 1);

  private JdbcTemplate jdbc;
  private AnnotationEventHandlerAdapter projection;
  private ZoneHistoryQueries queries;

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:zone-history-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(h2);
    projection = new AnnotationEventHandlerAdapter(new ZoneHistoryProjection(jdbc));
    queries = new ZoneHistoryQueries(jdbc);
    on(new ZoneRegisteredEvent(ZONE, "Boda", "Lobaye"), "2020-01-01T08:00:00Z", "kp-registrar");
  }

  @AfterEach
  void dropDatabase() {
    jdbc.execute("SHUTDOWN");
  }

  @Test
  void purchasesFallInThePeriodOfTheirBanguiDayAndALateDecisionMovesThemWithoutRewritingTheFlag()
      throws Exception {
    decision(ZoneStatus.COMPLIANT, "2020-01-01", "MT-1", "2020-01-01T09:00:00Z");
    purchase("LOT-1", "BO-ALPHA", "2.00", "2024-03-01T10:00:00Z", true);
    // 23:30 UTC on the 4th is 00:30 on the 5th in Bangui (UTC+1): the day the suspension starts
    purchase("LOT-2", "BO-ALPHA", "3.00", "2024-03-04T23:30:00Z", true);
    purchase("LOT-3", "BO-BETA", "1.50", "2024-03-04T22:30:00Z", true);
    // recorded on the 20th, effective from the 5th: retroactive
    decision(ZoneStatus.SUSPENDED, "2024-03-05", "MT-2", "2024-03-20T12:00:00Z");
    purchase("LOT-4", "BO-BETA", "4.25", "2024-03-25T10:00:00Z", false);

    ZoneHistory all = queries.history(ZONE, AS_OF, true, null).orElseThrow();

    assertThat(all.inForce().status()).isEqualTo("SUSPENDED");
    assertThat(all.decisions())
        .extracting(d -> d.decisionRef() + " " + d.until() + " " + d.retroactive())
        .containsExactly("MT-1 2024-03-05 false", "MT-2 null true");
    assertThat(all.decisions().get(1).signedBy()).isEqualTo("mt-monitor");
    assertThat(all.decisions().get(1).recordedAt())
        .isEqualTo(Instant.parse("2024-03-20T12:00:00Z"));
    assertThat(all.purchases().compliant())
        .as("LOT-1 and LOT-3 (the 4th in Bangui too)")
        .isEqualTo(new ZoneHistory.Tally(2, new BigDecimal("3.50")));
    assertThat(all.purchases().nonCompliant())
        .as("LOT-2 (the 5th in Bangui) and LOT-4")
        .isEqualTo(new ZoneHistory.Tally(2, new BigDecimal("7.25")));
    assertThat(all.purchases().recordedNonCompliant())
        .as("only LOT-4 was recorded while the history showed the zone suspended")
        .isEqualTo(1);

    ZoneHistory beta = queries.history(ZONE, AS_OF, true, "BO-BETA").orElseThrow();
    assertThat(beta.purchasesOf()).isEqualTo("BO-BETA");
    assertThat(beta.purchases().compliant()).isEqualTo(new ZoneHistory.Tally(1, bd("1.50")));
    assertThat(beta.purchases().nonCompliant()).isEqualTo(new ZoneHistory.Tally(1, bd("4.25")));
    assertThat(beta.purchases().recordedNonCompliant()).isEqualTo(1);

    ZoneHistory uncounted = queries.history(ZONE, AS_OF, false, null).orElseThrow();
    assertThat(uncounted.purchases()).as("no counts asked for").isNull();
    assertThat(uncounted.decisions()).allSatisfy(d -> assertThat(d.purchases()).isNull());
  }

  @Test
  void purchasesOfOneBuyerOnOneBanguiDayAddUpInOneRow() throws Exception {
    decision(ZoneStatus.COMPLIANT, "2020-01-01", "MT-1", "2020-01-01T09:00:00Z");
    purchase("LOT-1", "BO-ALPHA", "1.10", "2024-03-01T08:00:00Z", true);
    purchase("LOT-2", "BO-ALPHA", "2.20", "2024-03-01T21:00:00Z", true);

    assertThat(
            jdbc.queryForList("SELECT purchase_day, purchases, carats FROM zone_history_purchase"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("PURCHASES")).isEqualTo(2);
              assertThat((BigDecimal) row.get("CARATS")).isEqualByComparingTo("3.30");
            });
    assertThat(queries.history(ZONE, AS_OF, true, null).orElseThrow().purchases().compliant())
        .isEqualTo(new ZoneHistory.Tally(2, bd("3.30")));
  }

  @Test
  void aZoneIsSuspendedBeforeItsFirstDecisionAndItsPurchasesThenAreCountedApart() throws Exception {
    purchase("LOT-0", "BO-ALPHA", "5.00", "2019-06-01T10:00:00Z", false);
    decision(ZoneStatus.COMPLIANT, "2020-01-01", "MT-1", "2020-01-01T09:00:00Z");

    assertThat(queries.list(LocalDate.of(2019, 12, 31), null, null))
        .extracting(ZoneSummary::status)
        .containsExactly("SUSPENDED");
    assertThat(queries.list(LocalDate.of(2020, 1, 1), "COMPLIANT", "Lobaye"))
        .extracting(ZoneSummary::decisionRef)
        .containsExactly("MT-1");
    assertThat(queries.list(AS_OF, null, "Sangha")).isEmpty();
    ZoneHistory.Purchases p = queries.history(ZONE, AS_OF, true, null).orElseThrow().purchases();
    assertThat(p.beforeFirstDecision()).isEqualTo(new ZoneHistory.Tally(1, bd("5.00")));
    assertThat(p.nonCompliant()).isEqualTo(p.beforeFirstDecision());
    assertThat(queries.history("Z-NONE", AS_OF, true, null)).isEmpty();
  }

  @Test
  void sitesKeepTheirDegreesAsRegisteredAndASiteWithoutCoordinatesHasNone() throws Exception {
    decision(ZoneStatus.COMPLIANT, "2020-01-01", "MT-1", "2020-01-01T09:00:00Z");
    site("S-1", new GeoPoint(bd("3.9000"), bd("18.25")));
    site("S-2", new GeoPoint(bd("10.000"), bd("-20")));
    site("S-3", null);

    List<SiteSummary> sites = queries.sites(AS_OF, ZONE, null);

    assertThat(sites)
        .extracting(
            s ->
                s.siteId()
                    + " "
                    + plain(s.latitude())
                    + " "
                    + plain(s.longitude())
                    + " "
                    + s.zoneStatus())
        .containsExactly(
            "S-1 3.9 18.25 COMPLIANT", "S-2 10 -20 COMPLIANT", "S-3 null null COMPLIANT");
    assertThat(queries.sites(LocalDate.of(2019, 12, 31), null, "Lobaye"))
        .extracting(SiteSummary::zoneStatus)
        .containsOnly("SUSPENDED");
    assertThat(queries.sites(AS_OF, "Z-NONE", null)).isEmpty();
  }

  private static String plain(BigDecimal d) {
    return d == null ? "null" : d.toString();
  }

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  private void decision(ZoneStatus status, String from, String ref, String recordedAt)
      throws Exception {
    on(
        new ZoneDecisionRecordedEvent(ZONE, status, LocalDate.parse(from), ref),
        recordedAt,
        "mt-monitor");
  }

  private void purchase(String lot, String buyer, String carats, String at, boolean compliant)
      throws Exception {
    on(
        new LotPurchasedEvent(
            lot,
            "SLIP-" + lot,
            "M-1",
            "PAT-1",
            "S-1",
            ZONE,
            buyer,
            "EXP-" + buyer,
            bd(carats),
            1,
            bd("100.00"),
            Instant.parse(at),
            compliant,
            false),
        at,
        "buyer");
  }

  private void site(String id, GeoPoint gps) throws Exception {
    on(
        new SiteRegisteredEvent(id, "pits " + id, ZONE, gps),
        "2020-01-02T08:00:00Z",
        "kp-registrar");
  }

  /** Hands the event to the projection as the processor would, with its command's metadata. */
  private void on(Object event, String recordedAt, String actor) throws Exception {
    projection.handle(
        GenericEventMessage.asEventMessage(event)
            .andMetaData(
                MetaData.from(
                    Map.of(
                        LedgerMetaData.RECORDED_AT,
                        recordedAt,
                        LedgerMetaData.ACTOR_ID,
                        actor,
                        LedgerMetaData.ORGANISATION_ID,
                        "ORG-" + actor,
                        LedgerMetaData.ROLE,
                        "ROLE",
                        LedgerMetaData.COMMAND_ID,
                        "cmd-" + event.hashCode()))));
  }
}
