package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.ReadTestBase;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The EPCIS export's refusals: bad parameters, unknown shipments, readers who are not overseers.
 * What it exports for a generated year (every document valid against GS1's EPCIS 2.0 schema, each
 * custody event once at its leaf, each lineage one EPCIS event per signed event of its dossier) is
 * checked on a size-1 year by {@link TradeFormatsAtScaleTest}, once per CI run; the tiny year this
 * class generated for it on H2 and again on PostgreSQL is gone with it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = LedgerApplication.class)
class EpcisGeneratedYearTest extends ReadTestBase {
  @Test
  void refusesBadParametersUnknownShipmentsAndTraders() {
    problem(get("auditor-1", "/api/epcis/events?limit=0"), 400, "INVALID_PARAMETER", "limit");
    problem(
        get("auditor-1", "/api/epcis/events?fromLeaf=-1"), 400, "INVALID_PARAMETER", "fromLeaf");
    problem(get("auditor-1", "/api/epcis/events?from=2019-13"), 400, "INVALID_PARAMETER", "from");
    problem(
        get("auditor-1", "/api/epcis/events?from=2020-01-01T00:00:00Z&to=2019-01-01T00:00:00Z"),
        400,
        "INVALID_PARAMETER",
        "to");
    assertThat(get("auditor-1", "/api/epcis/shipments/NO-SUCH").status()).isEqualTo(404);
    assertThat(get("alpha-buyer", "/api/epcis/events").status()).isEqualTo(403);
    assertThat(get("alpha-buyer", "/api/epcis/shipments/NO-SUCH").status()).isEqualTo(403);
  }
}
