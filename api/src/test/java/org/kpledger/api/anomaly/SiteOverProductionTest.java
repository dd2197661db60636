package org.kpledger.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kpledger.api.anomaly.SiteOverProduction.SiteCarats;

/**
 * A site is flagged in a quarter when it sells more than the production recorded there for that
 * quarter and the one before, whatever older production the register lets it draw on; a site that
 * sells what it recorded recently is not.
 */
class SiteOverProductionTest {
  private static final AnomalyThresholds DEFAULTS =
      new AnomalyThresholds(null, null, null, null, 30);

  @Test
  void aSiteSellingBeyondItsRecentProductionIsFlaggedEvenWithOldStockToDrawOn() {
    List<SiteCarats> production =
        List.of(
            carats("S-BULK", null, "2019-01-02", "400"),
            carats("S-STEADY", null, "2019-01-02", "110"),
            carats("S-STEADY", null, "2019-04-02", "110"),
            carats("S-STEADY", null, "2019-07-02", "110"));
    List<SiteCarats> purchases =
        List.of(
            carats("S-BULK", "Z-1", "2019-02-10", "100"),
            carats("S-BULK", "Z-1", "2019-05-10", "100"),
            carats("S-BULK", "Z-1", "2019-08-10", "100"),
            carats("S-STEADY", "Z-1", "2019-02-10", "100"),
            carats("S-STEADY", "Z-1", "2019-05-10", "100"),
            carats("S-STEADY", "Z-1", "2019-08-10", "100"),
            carats("S-STEADY", "Z-1", "2019-10-10", "100"));

    List<AnomalyFlag> flags = SiteOverProduction.flags(production, purchases, DEFAULTS);

    assertThat(flags)
        .extracting(AnomalyFlag::subject, AnomalyFlag::period)
        .containsExactly(tuple("S-BULK", "2019-Q3"));
    AnomalyFlag f = flags.get(0);
    assertThat(f.kind()).isEqualTo("SITE_OVER_PRODUCTION");
    assertThat(f.group()).isEqualTo("Z-1");
    assertThat(f.value()).isEqualByComparingTo("100");
    assertThat(f.reference()).isEqualByComparingTo("0");
    assertThat(f.explanation())
        .contains("sold 100 ct in 2019-Q3")
        .contains("200 ct of production recorded earlier were still unsold");
  }

  @Test
  void theFactorIsConfigurable() {
    List<SiteCarats> production = List.of(carats("S", null, "2019-04-02", "100"));
    List<SiteCarats> purchases = List.of(carats("S", "Z", "2019-05-10", "90"));
    assertThat(SiteOverProduction.flags(production, purchases, DEFAULTS)).isEmpty();
    AnomalyThresholds strict = new AnomalyThresholds(null, null, null, null, 30, 0.5);
    assertThat(SiteOverProduction.flags(production, purchases, strict))
        .singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("more than 0.5 times the 100 ct"));
  }

  @Test
  void theQuarterBeforeTheFirstOfAYearIsTheLastOfTheYearBefore() {
    assertThat(SiteOverProduction.previous("2020-Q1")).isEqualTo("2019-Q4");
    assertThat(SiteOverProduction.previous("2020-Q3")).isEqualTo("2020-Q2");
  }

  private static SiteCarats carats(String site, String zone, String day, String carats) {
    return new SiteCarats(site, zone, LocalDate.parse(day), new BigDecimal(carats));
  }
}
