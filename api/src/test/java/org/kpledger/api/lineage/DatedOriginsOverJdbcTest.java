package org.kpledger.api.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.kpledger.parcel.Origin;
import org.kpledger.parcel.ParcelMergedEvent;
import org.kpledger.parcel.StockpileItemDeclaredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A slice of the read side: the lineage projection and {@link LineageGraph#datedOriginsOf} (the
 * zones and dates holdings as of a day total and filter by) on an in-memory H2 database, fed events
 * as the projections processor hands them over, without a node: every origin an item carries, read
 * by primary key in statements of at most 500 ids, and nothing for an item without origins. How
 * they are counted is {@code HoldingsOriginMixTest}.
 */
class DatedOriginsOverJdbcTest {
  private JdbcTemplate jdbc;
  private AnnotationEventHandlerAdapter projection;
  private LineageGraph graph;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:dated-origins-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(h2);
    projection = new AnnotationEventHandlerAdapter(new LineageProjection(jdbc));
    graph = new LineageGraph(jdbc);
  }

  @AfterEach
  void dropDatabase() {
    jdbc.execute("SHUTDOWN");
  }

  @Test
  void aMergedParcelCarriesTheZoneAndBanguiDayOfEachOriginAndALotItsOwn() throws Exception {
    purchase("LOT-1", "Z-NOLA", "2013-05-22T23:30:00Z"); // 00:30 on the 23rd in Bangui
    purchase("LOT-2", "Z-BERBERATI", "2014-01-10T10:00:00Z");
    merge("BAG-1", "LOT-1", "LOT-2");

    Map<String, List<LineageRows.DatedOrigin>> dated =
        graph.datedOriginsOf(List.of("BAG-1", "LOT-2"));

    assertThat(dated.get("BAG-1"))
        .containsExactly(
            new LineageRows.DatedOrigin("LOT-1", "Z-NOLA", LocalDate.of(2013, 5, 23)),
            new LineageRows.DatedOrigin("LOT-2", "Z-BERBERATI", LocalDate.of(2014, 1, 10)));
    assertThat(dated.get("LOT-2"))
        .containsExactly(
            new LineageRows.DatedOrigin("LOT-2", "Z-BERBERATI", LocalDate.of(2014, 1, 10)));
    assertThat(dated).containsOnlyKeys("BAG-1", "LOT-2");
  }

  @Test
  void aStockpileItemWithoutAnAcquisitionDateOrZoneCarriesNulls() throws Exception {
    declare("ST-1", null, null);

    assertThat(graph.datedOriginsOf(List.of("ST-1")).get("ST-1"))
        .containsExactly(new LineageRows.DatedOrigin("ST-1", null, null));
  }

  @Test
  void anItemCarryingMoreOriginsThanOneStatementAsksForGetsThemAll() throws Exception {
    List<String> lots = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      String lot = String.format("LOT-%05d", i);
      purchase(lot, i % 3 == 0 ? "Z-NOLA" : "Z-CARNOT", "2014-02-01T10:00:00Z");
      lots.add(lot);
    }
    merge("BAG-BIG", lots.toArray(String[]::new));

    assertThat(graph.datedOriginsOf(List.of("BAG-BIG")).get("BAG-BIG"))
        .extracting(LineageRows.DatedOrigin::lotId)
        .containsExactlyElementsOf(lots);
  }

  @Test
  void anItemTheLineageDoesNotHoldIsLeftOut() throws Exception {
    purchase("LOT-1", "Z-NOLA", "2014-01-10T10:00:00Z");

    assertThat(graph.datedOriginsOf(List.of("NO-SUCH-ITEM", "LOT-1"))).containsOnlyKeys("LOT-1");
    assertThat(graph.datedOriginsOf(List.of())).isEmpty();
  }

  private void purchase(String lot, String zone, String at) throws Exception {
    on(
        new LotPurchasedEvent(
            lot,
            "SLIP-" + lot,
            "M-1",
            "PAT-1",
            "S-1",
            zone,
            "COL-1",
            "AGR-1",
            new BigDecimal("1.00"),
            1,
            new BigDecimal("100.00"),
            Instant.parse(at),
            true,
            false),
        at);
  }

  private void declare(String item, String zone, LocalDate acquiredOn) throws Exception {
    on(
        new StockpileItemDeclaredEvent(
            item, "SP-1", "BO-1", new BigDecimal("2.00"), zone, acquiredOn, "declared", null),
        "2014-03-01T10:00:00Z");
  }

  private void merge(String parcel, String... lots) throws Exception {
    List<Origin> origins = new ArrayList<>();
    for (String lot : lots) {
      origins.add(new Origin(lot, null, null, null, null, null, BigDecimal.ONE, null, null));
    }
    on(
        new ParcelMergedEvent(parcel, "BO-1", List.of(), new BigDecimal(lots.length), origins),
        "2014-03-02T10:00:00Z");
  }

  /** Hands the event to the projection as the processor would, with its command's record time. */
  private void on(Object event, String recordedAt) throws Exception {
    projection.handle(
        GenericEventMessage.asEventMessage(event)
            .andMetaData(
                MetaData.from(
                    Map.of(
                        LedgerMetaData.RECORDED_AT,
                        recordedAt,
                        LedgerMetaData.ACTOR_ID,
                        "actor",
                        LedgerMetaData.ORGANISATION_ID,
                        "ORG",
                        LedgerMetaData.ROLE,
                        "ROLE",
                        LedgerMetaData.COMMAND_ID,
                        "cmd-" + event.hashCode()))));
  }
}
