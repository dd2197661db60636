package org.kpledger.stockpile;

import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.day;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * The stockpile record itself has no rule: its items are custody items whose quarantine is tested
 * in {@code org.kpledger.parcel.StockpileItemTest}.
 */
class StockpileTest {
  @Test
  void recordsTheDeclarationWithItsItems() {
    List<String> items = List.of("STK-BANGUI-01-001", "STK-BANGUI-01-002");

    new AggregateTestFixture<>(Stockpile.class)
        .givenNoPriorActivity()
        .when(
            new RecordStockpileCommand(
                "STK-BANGUI-01", BUYER.party(), day("2016-06-30"), "Bangui, PK0 vault", items),
            as(BUYER))
        .expectEvents(
            new StockpileDeclaredEvent(
                "STK-BANGUI-01", BUYER.party(), day("2016-06-30"), "Bangui, PK0 vault", items));
  }
}
