package org.kpledger.api.custody;

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
import org.kpledger.parcel.ParcelExportedEvent;
import org.kpledger.parcel.TransferAcceptedEvent;
import org.kpledger.parcel.WeighingDifferenceRecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A slice of the read side: the custody projection and the holdings-as-of-a-day queries ({@link
 * CustodyHistory#heldBy}, {@link CustodyHistory#heldOf}) on an in-memory H2 database, fed events as
 * the projections processor hands them over, without a node. What only a node shows (who may read
 * whose holdings, origins and periods of the answer, the HTTP shape) stays in {@code HoldingsTest};
 * here the SQL's rules on Bangui days chosen at their edges: what a party held at the end of a day.
 */
class HoldingsAsOfOverJdbcTest {
  private JdbcTemplate jdbc;
  private AnnotationEventHandlerAdapter projection;
  private CustodyHistory custody;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:holdings-as-of-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(h2);
    projection = new AnnotationEventHandlerAdapter(new CustodyProjection(jdbc));
    custody = new CustodyHistory(jdbc);
  }

  @AfterEach
  void dropDatabase() {
    jdbc.execute("SHUTDOWN");
  }

  @Test
  void aPurchaseIsHeldFromItsFieldDayInBanguiNotFromItsUtcDay() throws Exception {
    // 23:30 UTC on the 4th is 00:30 on the 5th in Bangui (UTC+1)
    purchase("LOT-1", "BO-ALPHA", "2.00", "2024-03-04T23:30:00Z");
    purchase("LOT-2", "BO-ALPHA", "3.00", "2024-03-04T22:30:00Z");

    assertThat(items(custody.heldBy("BO-ALPHA", day("2024-03-04")))).containsExactly("LOT-2");
    assertThat(items(custody.heldBy("BO-ALPHA", day("2024-03-05"))))
        .containsExactly("LOT-1", "LOT-2");
    assertThat(custody.heldBy("BO-BETA", day("2024-03-05"))).isEmpty();
  }

  @Test
  void aTransferPassesOnItsFieldDateTheGiverHoldingUntilTheDayBefore() throws Exception {
    purchase("LOT-1", "COL-1", "2.00", "2024-03-01T10:00:00Z");
    // accepted (recorded) on the 12th for a hand-over in the field on the 10th
    on(
        new TransferAcceptedEvent(
            "LOT-1", "TR-1", "COL-1", "BO-ALPHA", "BAG-1", day("2024-03-10"), true),
        "2024-03-12T09:00:00Z");

    assertThat(items(custody.heldBy("COL-1", day("2024-03-09")))).containsExactly("LOT-1");
    assertThat(custody.heldBy("COL-1", day("2024-03-10"))).isEmpty();
    assertThat(custody.heldBy("BO-ALPHA", day("2024-03-09"))).isEmpty();
    CustodyHistory.Period held = custody.heldBy("BO-ALPHA", day("2024-03-10")).get(0);
    assertThat(held.acquiredBy()).isEqualTo("TRANSFER");
    assertThat(held.fromDate()).isEqualTo(day("2024-03-10"));
    assertThat(held.until()).as("still held").isNull();
    assertThat(custody.heldOf(List.of("LOT-1"), day("2024-03-09")))
        .extracting(CustodyHistory.Period::holder)
        .containsExactly("COL-1");
  }

  @Test
  void aFieldDateBeforeTheGiversOwnPeriodPassesCustodyOnTheDayThatPeriodBegan() throws Exception {
    purchase("LOT-1", "COL-1", "2.00", "2024-03-05T10:00:00Z");
    on(
        new TransferAcceptedEvent(
            "LOT-1", "TR-1", "COL-1", "BO-ALPHA", "BAG-1", day("2024-03-01"), true),
        "2024-03-06T09:00:00Z");

    assertThat(custody.heldBy("BO-ALPHA", day("2024-03-04"))).isEmpty();
    assertThat(custody.heldBy("BO-ALPHA", day("2024-03-05")))
        .extracting(CustodyHistory.Period::fromDate)
        .containsExactly(day("2024-03-05"));
    assertThat(custody.heldBy("COL-1", day("2024-03-05"))).isEmpty();
  }

  @Test
  void aReweighingCountsFromItsRecordDayAndEarlierDaysKeepTheMassThenHeld() throws Exception {
    purchase("LOT-1", "BO-ALPHA", "2.00", "2024-03-01T10:00:00Z");
    on(
        new WeighingDifferenceRecordedEvent("LOT-1", bd("2.00"), bd("1.95"), "re-weighed"),
        "2024-03-07T23:10:00Z"); // the 8th in Bangui

    assertThat(custody.heldBy("BO-ALPHA", day("2024-03-07")).get(0).carats())
        .isEqualByComparingTo("2.00");
    assertThat(custody.heldBy("BO-ALPHA", day("2024-03-08")).get(0).carats())
        .isEqualByComparingTo("1.95");
    assertThat(custody.heldOf(List.of("LOT-1"), day("2024-03-02")).get(0).carats())
        .isEqualByComparingTo("2.00");
  }

  @Test
  void anExportedParcelIsNoLongerHeldFromTheBanguiDayItLeft() throws Exception {
    purchase("LOT-1", "BO-ALPHA", "2.00", "2024-03-01T10:00:00Z");
    on(new ParcelExportedEvent("LOT-1", "SH-1", "CF-0001"), "2024-03-09T23:15:00Z");

    assertThat(items(custody.heldBy("BO-ALPHA", day("2024-03-09")))).containsExactly("LOT-1");
    assertThat(custody.heldBy("BO-ALPHA", day("2024-03-10"))).isEmpty();
    assertThat(custody.heldOf(List.of("LOT-1"), day("2024-03-10"))).isEmpty();
    assertThat(custody.heldOf(List.of(), day("2024-03-10"))).isEmpty();
  }

  private static List<String> items(List<CustodyHistory.Period> held) {
    return held.stream().map(CustodyHistory.Period::itemId).toList();
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  private void purchase(String lot, String buyer, String carats, String at) throws Exception {
    on(
        new LotPurchasedEvent(
            lot,
            "SLIP-" + lot,
            "M-1",
            "PAT-1",
            "S-1",
            "Z-1",
            buyer,
            "EXP-" + buyer,
            bd(carats),
            1,
            bd("100.00"),
            Instant.parse(at),
            true,
            false),
        at);
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
