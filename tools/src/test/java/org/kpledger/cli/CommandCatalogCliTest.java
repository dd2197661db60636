package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.cli.CommandLineConventionsTest.kp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kpledger.api.command.CommandCatalog;
import org.kpledger.cli.CommandLineConventionsTest.Run;

/**
 * {@code kp commands} lists every command type with its signers, {@code kp sign --template} prints
 * a payload to fill in, and {@code kp sign} refuses a command type the ledger does not know instead
 * of signing it. Issue #17.
 */
class CommandCatalogCliTest {

  @Test
  void commandsListsEveryCommandTypeWithTheRolesThatMaySignIt() {
    Run run = kp("commands");
    assertThat(run.exit()).isZero();
    for (String type : CommandCatalog.all().keySet()) {
      assertThat(run.out()).containsPattern("(?m)^" + type + " ");
    }
    assertThat(run.out())
        .containsPattern("(?m)^RecordPurchase +.*BUYER@BUYING_OFFICE")
        .containsPattern("(?m)^ApproveShipment +MONITOR@MONITORING_TEAM");
  }

  @Test
  void signTemplatePrintsAPayloadWithEveryMemberOfTheCommand() throws Exception {
    Run run = kp("sign", "--template", "RecordPurchase");
    assertThat(run.exit()).isZero();
    JsonNode template = new ObjectMapper().readTree(run.out());
    assertThat(template.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "lotId",
            "slipNumber",
            "minerId",
            "siteId",
            "carats",
            "stoneCount",
            "priceUsd",
            "buyerLicence",
            "occurredAt");
    assertThat(template.get("carats").isNumber()).isTrue();
    assertThat(template.get("occurredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void signRefusesAnUnknownCommandTypeWithUsageExitTwo() {
    Run run = kp("sign", "--template", "RecordPurchases");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown command type 'RecordPurchases'", "kp commands");
    Run signing = kp("sign", "--type", "Foo", "--actor", "x", "--payload", "y.json");
    assertThat(signing.exit()).isEqualTo(2);
    assertThat(signing.err()).contains("Unknown command type 'Foo'");
  }
}
