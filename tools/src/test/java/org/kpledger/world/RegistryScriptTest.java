package org.kpledger.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kpledger.api.command.CommandCatalog;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.licence.LicenceKind;

/**
 * The tools' one registry script: the commands the demo, the generator and the benchmarks register
 * a world with. Each is a command of the node's catalogue that its signer's role may sign, with a
 * payload the node binds (known members only, exact types); a zone comes with the decisions naming
 * it or all zones, oldest first.
 */
class RegistryScriptTest {
  private static final LocalDate DAY = LocalDate.of(2026, 6, 1);
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .findAndAddModules()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .build();
  private static final Map<String, Role> ROLES =
      Map.of("registrar", Role.REGISTRAR, "monitor", Role.MONITOR);

  private final RegistryScript script = new RegistryScript("registrar", "monitor");

  @Test
  void aZoneComesWithTheDecisionsNamingItOrAllZonesInTheirOrder() {
    List<String[]> decisions =
        List.of(
            new String[] {"ALL", "SUSPENDED", "2013-05-23", "KP 2013-05-23"},
            new String[] {"OTHER", "COMPLIANT", "2015-07-10", "KP 2015-07-10"},
            new String[] {"CARNOT", "COMPLIANT", "2016-09-19", "KP 2016-09-19"});

    List<RegistryCommand> commands =
        script.zone(new String[] {"CARNOT", "Carnot", "Mambéré-Kadéï"}, decisions, z -> "X-" + z);

    assertThat(commands)
        .extracting(RegistryCommand::type)
        .containsExactly("RegisterZone", "RecordZoneDecision", "RecordZoneDecision");
    assertThat(commands).allMatch(c -> c.payload().get("zoneId").asText().equals("X-CARNOT"));
    assertThat(commands)
        .extracting(c -> c.payload().path("decisionRef").asText())
        .containsExactly("", "KP 2013-05-23", "KP 2016-09-19");
    assertThat(commands)
        .extracting(RegistryCommand::actor)
        .containsExactly("registrar", "monitor", "monitor");
  }

  @Test
  void everyCommandIsOneTheNodeTakesFromItsSigner() throws Exception {
    for (RegistryCommand c : aWorld()) {
      CommandCatalog.Entry entry = CommandCatalog.find(c.type()).orElseThrow();
      OrganisationType org =
          c.actor().equals("monitor")
              ? OrganisationType.MONITORING_TEAM
              : OrganisationType.KP_AUTHORITY;
      assertThat(entry.allows(org, ROLES.get(c.actor())))
          .as("%s may sign %s", c.actor(), c.type())
          .isTrue();
      assertThat(STRICT.treeToValue(c.payload(), entry.payloadClass()))
          .as("%s binds", c.payload())
          .isNotNull();
    }
  }

  @Test
  void decimalsAreWrittenExactlyAsGiven() {
    RegistryCommand site =
        script.site("S-1", "Pits", "CARNOT", new BigDecimal("4.9400"), new BigDecimal("15.8700"));
    RegistryCommand production =
        script.production(
            "S-1",
            "E-1",
            "M-1",
            new BigDecimal("120.00"),
            40,
            Instant.parse("2026-04-02T05:00:00Z"));

    assertThat(site.payload().toString()).contains("\"latitude\":4.9400,\"longitude\":15.8700");
    assertThat(production.payload().toString())
        .isEqualTo(
            "{\"siteId\":\"S-1\",\"entryId\":\"E-1\",\"minerId\":\"M-1\",\"carats\":120.00,"
                + "\"stoneCount\":40,\"occurredAt\":\"2026-04-02T05:00:00Z\"}");
  }

  private List<RegistryCommand> aWorld() {
    List<RegistryCommand> c =
        new ArrayList<>(script.zones(CarZones.subPrefectures(), CarZones.decisions()));
    c.add(script.site("S-1", "Pits", "CARNOT"));
    c.add(script.site("S-2", "Banks", "NOLA", new BigDecimal("3.5330"), new BigDecimal("16.0660")));
    c.add(script.licence("AGR-1", LicenceKind.AGREMENT, "col-1", DAY, DAY.plusDays(365)));
    c.add(script.licence("EXP-1", LicenceKind.EXPORT_LICENCE, "BO-1", DAY, DAY.plusDays(365)));
    c.addAll(
        script.miner(
            "M-1", "Albert Yakoma", "CNI-1", "S-1", new Patente("PAT-1", DAY, DAY.plusDays(30))));
    c.add(
        script.production(
            "S-1",
            "E-1",
            "M-1",
            new BigDecimal("12.50"),
            3,
            Instant.parse("2026-06-02T05:00:00Z")));
    return c;
  }
}
