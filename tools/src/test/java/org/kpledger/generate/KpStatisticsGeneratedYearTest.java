package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.ReadTestBase;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The KP statistics' and the anomaly list's refusals: periods the KP does not collect, periods not
 * aligned to them, a period ending before it starts, a reader who is not an overseer. That the
 * statistics reconcile to the custody events of a generated year, that their CSV holds the JSON's
 * rows and their flag counts the anomaly list's, and that every planted anomaly is flagged, is
 * checked on a size-1 year by {@link TradeFormatsAtScaleTest}, once per CI run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = LedgerApplication.class)
class KpStatisticsGeneratedYearTest extends ReadTestBase {

  @Test
  void refusesPeriodsTheKpDoesNotCollect() {
    problem(
        get("auditor-1", "/api/statistics/kp/trade?period=WEEK"),
        400,
        "INVALID_PARAMETER",
        "period");
    problem(
        get("auditor-1", "/api/statistics/kp/trade?from=2019-02&to=2019-12"),
        400,
        "PERIOD_NOT_ALIGNED",
        "from");
    problem(
        get("auditor-1", "/api/statistics/kp/production?from=2019-01&to=2019-03"),
        400,
        "PERIOD_NOT_ALIGNED",
        "to");
    problem(
        get("auditor-1", "/api/statistics/kp/trade?from=2019-01&to=2018-12"),
        400,
        "INVALID_PERIOD",
        "to");
    assertThat(get("alpha-buyer", "/api/anomalies").status()).isEqualTo(403);
    problem(
        get("auditor-1", "/api/anomalies?from=2020-01-01&to=2019-01-01"),
        400,
        "INVALID_PERIOD",
        "to");
  }
}
