package org.kpledger.api.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kpledger.api.lineage.LineageRows;

/**
 * How holdings count a held item's origins ({@link HoldingsQuery#mix}): each zone once and the
 * first by name, whether the zone asked for is among them, and the origins undocumented (no date),
 * bought before the day and on or after it. The origins are read by {@code
 * LineageGraph#datedOriginsOf} ({@code DatedOriginsOverJdbcTest}).
 */
class HoldingsOriginMixTest {
  private static final LocalDate SUSPENSION = LocalDate.of(2013, 5, 23);

  @Test
  void eachZoneCountsOnceTheFirstByNameAndTheDayItselfCountsAsOnOrAfter() {
    LineageRows.OriginMix mix =
        HoldingsQuery.mix(
            "BAG-1",
            List.of(
                origin("LOT-1", "Z-NOLA", "2013-05-22"),
                origin("LOT-2", "Z-BERBERATI", "2013-05-23"),
                origin("LOT-3", "Z-NOLA", "2014-01-10")),
            "Z-BERBERATI",
            SUSPENSION);

    assertThat(mix).isEqualTo(new LineageRows.OriginMix("BAG-1", 2, "Z-BERBERATI", true, 0, 1, 2));
  }

  @Test
  void noZoneAskedForIsNeverCarried() {
    assertThat(
            HoldingsQuery.mix(
                    "LOT-1", List.of(origin("LOT-1", "Z-NOLA", "2014-01-10")), null, SUSPENSION)
                .carriesZone())
        .isFalse();
  }

  @Test
  void anOriginWithoutADateIsUndocumentedAndOneWithoutAZoneAddsNoZone() {
    LineageRows.OriginMix mix =
        HoldingsQuery.mix(
            "BAG-1",
            List.of(
                new LineageRows.DatedOrigin("ST-1", null, null),
                origin("ST-2", "Z-NOLA", "2012-01-01")),
            "Z-NOLA",
            SUSPENSION);

    assertThat(mix).isEqualTo(new LineageRows.OriginMix("BAG-1", 1, "Z-NOLA", true, 1, 1, 0));
    assertThat(
            HoldingsQuery.mix(
                "ST-1", List.of(new LineageRows.DatedOrigin("ST-1", null, null)), null, SUSPENSION))
        .isEqualTo(new LineageRows.OriginMix("ST-1", 0, null, false, 1, 0, 0));
  }

  private static LineageRows.DatedOrigin origin(String lot, String zone, String day) {
    return new LineageRows.DatedOrigin(lot, zone, LocalDate.parse(day));
  }
}
