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
 * A slice of the read side: the lineage projection and {@link LineageGraph#originMix} (what
 * holdings as of a day total and filter by) on an in-memory H2 database, fed events as the
 * projections processor hands them over, without a node. The mix is counted in Java from two
 * lookups by primary key (an item's origin ids, then those origins' zones and dates); here its
 * rules: zones counted once and the first by name, the zone asked for, undocumented origins (no
 * date), bought before or on and after the day, an item whose origins outnumber one statement's
 * ids, an item unknown.
 */
class OriginMixOverJdbcTest {
  private static final LocalDate SUSPENSION = LocalDate.of(2013, 5, 23);
  private JdbcTemplate jdbc;
  private AnnotationEventHandlerAdapter projection;
  private LineageGraph graph;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:origin-mix-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(h2);
    projection = new AnnotationEventHandlerAdapter(new LineageProjection(jdbc));
    graph = new LineageGraph(jdbc);
  }

  @AfterEach
  void dropDatabase() {
    jdbc.execute("SHUTDOWN");
  }

  @Test
  void aMergedParcelCountsEachZoneOnceTheFirstByNameAndItsOriginsBeforeAndOnOrAfterTheDay()
      throws Exception {
    purchase("LOT-1", "Z-NOLA", "2013-05-22T22:59:00Z"); // 23:59 on the 22nd in Bangui
    purchase("LOT-2", "Z-BERBERATI", "2013-05-22T23:00:00Z"); // 00:00 on the 23rd in Bangui
    purchase("LOT-3", "Z-NOLA", "2014-01-10T10:00:00Z");
    merge("BAG-1", "LOT-1", "LOT-2", "LOT-3");

    Map<String, LineageRows.OriginMix> mix =
        graph.originMix(List.of("BAG-1", "LOT-1", "LOT-3"), "Z-BERBERATI", SUSPENSION);

    assertThat(mix.get("BAG-1"))
        .isEqualTo(new LineageRows.OriginMix("BAG-1", 2, "Z-BERBERATI", true, 0, 1, 2));
    assertThat(mix.get("LOT-1"))
        .isEqualTo(new LineageRows.OriginMix("LOT-1", 1, "Z-NOLA", false, 0, 1, 0));
    assertThat(mix.get("LOT-3"))
        .isEqualTo(new LineageRows.OriginMix("LOT-3", 1, "Z-NOLA", false, 0, 0, 1));
    assertThat(graph.originMix(List.of("BAG-1"), null, SUSPENSION).get("BAG-1").carriesZone())
        .as("no zone asked for")
        .isFalse();
  }

  @Test
  void aStockpileItemWithoutAnAcquisitionDateIsUndocumentedAndOneWithoutAZoneAddsNoZone()
      throws Exception {
    declare("ST-1", null, null);
    declare("ST-2", "Z-NOLA", LocalDate.of(2012, 1, 1));
    merge("BAG-1", "ST-1", "ST-2");

    Map<String, LineageRows.OriginMix> mix =
        graph.originMix(List.of("ST-1", "BAG-1"), "Z-NOLA", SUSPENSION);

    assertThat(mix.get("ST-1"))
        .isEqualTo(new LineageRows.OriginMix("ST-1", 0, null, false, 1, 0, 0));
    assertThat(mix.get("BAG-1"))
        .isEqualTo(new LineageRows.OriginMix("BAG-1", 1, "Z-NOLA", true, 1, 1, 0));
  }

  @Test
  void anItemCarryingMoreOriginsThanOneStatementBindsIsCountedWhole() throws Exception {
    List<String> lots = new ArrayList<>();
    for (int i = 0; i < 2_345; i++) {
      String lot = String.format("LOT-%05d", i);
      purchase(lot, i % 3 == 0 ? "Z-NOLA" : "Z-CARNOT", "2014-02-01T10:00:00Z");
      lots.add(lot);
    }
    merge("BAG-BIG", lots.toArray(String[]::new));

    LineageRows.OriginMix mix =
        graph.originMix(List.of("BAG-BIG"), "Z-NOLA", SUSPENSION).get("BAG-BIG");

    assertThat(mix)
        .isEqualTo(new LineageRows.OriginMix("BAG-BIG", 2, "Z-CARNOT", true, 0, 0, 2_345));
  }

  @Test
  void anItemTheLineageDoesNotHoldHasNoMix() throws Exception {
    purchase("LOT-1", "Z-NOLA", "2014-01-10T10:00:00Z");

    assertThat(graph.originMix(List.of("NO-SUCH-ITEM"), null, SUSPENSION)).isEmpty();
    assertThat(graph.originMix(List.of(), null, SUSPENSION)).isEmpty();
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
