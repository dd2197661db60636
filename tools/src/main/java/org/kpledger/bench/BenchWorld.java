package org.kpledger.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.kpledger.custody.Actor;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.licence.LicenceKind;
import org.kpledger.world.ActorCredentials;
import org.kpledger.world.Organisations;
import org.kpledger.world.Patente;
import org.kpledger.world.RegistryCommand;
import org.kpledger.world.RegistryScript;

/**
 * The benchmark's country: four compliant western zones, {@code sites} sites and {@code miners}
 * miners with ample production, one collector per client thread with its agrément, and buyers of
 * one buying office, their organisations and keys made by the tools' one world builder ({@link
 * Organisations}, in memory), its registration commands written by the tools' one registry script
 * ({@link RegistryScript}). Built through signed commands like any ledger.
 */
final class BenchWorld {
  static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
  static final String[] ZONES = {"BERBERATI", "CARNOT", "BODA", "NOLA"};

  private final Organisations world;
  final List<BenchActor> collectors = new ArrayList<>();
  final List<BenchActor> buyers = new ArrayList<>();
  BenchActor registrar;
  BenchActor monitor;
  final int sites;
  final int miners;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  final LocalDate today = LedgerCalendar.dateOf(now);

  BenchWorld(int sites, int miners) {
    this.sites = sites;
    this.miners = miners;
    this.world = Organisations.inMemory(now);
  }

  /** Creates the organisations and actors and enrols the CAs in {@code trustDir}. */
  void enrol(Path trustDir, int threads) throws IOException {
    registrar = actor("CAR-KP", OrganisationType.KP_AUTHORITY, "bench-registrar", Role.REGISTRAR);
    monitor = actor("KP-MT", OrganisationType.MONITORING_TEAM, "bench-monitor", Role.MONITOR);
    for (int t = 0; t < threads; t++) {
      collectors.add(
          actor(
              "COLL-BENCH",
              OrganisationType.COLLECTORS_ASSOCIATION,
              "bench-col-" + t,
              Role.COLLECTOR));
      buyers.add(actor("BO-BENCH", OrganisationType.BUYING_OFFICE, "bench-buyer-" + t, Role.BUYER));
    }
    world.enrol(trustDir);
  }

  /** The reference data, as signed commands in dependency order: (actor, type, payload). */
  List<Object[]> referenceCommands() {
    RegistryScript registry =
        new RegistryScript(registrar.actor().actorId(), monitor.actor().actorId());
    List<RegistryCommand> c = new ArrayList<>();
    for (String z : ZONES) {
      c.add(registry.registerZone(z, z, "W"));
      c.add(registry.zoneDecision(z, "COMPLIANT", "2016-09-19", "KP Chair 2016-09-19"));
    }
    for (int t = 0; t < collectors.size(); t++) {
      c.add(licence(registry, "AGR-B" + t, LicenceKind.AGREMENT, collectors.get(t)));
    }
    c.add(
        registry.licence(
            "EXP-BENCH",
            LicenceKind.EXPORT_LICENCE,
            "BO-BENCH",
            today.minusDays(400),
            today.plusDays(400)));
    for (int s = 0; s < sites; s++) {
      c.add(registry.site(site(s), site(s), ZONES[s % ZONES.length]));
    }
    for (int m = 0; m < miners; m++) {
      Patente patente = new Patente("PAT-" + miner(m), today.minusDays(400), today.plusDays(400));
      c.addAll(registry.miner(miner(m), "Miner " + m, "CNI-" + m, site(siteOf(m)), patente));
      c.add(
          registry.production(
              site(siteOf(m)),
              "PR-" + miner(m),
              miner(m),
              new BigDecimal("100000.00"),
              100000,
              now.minus(60, ChronoUnit.DAYS)));
    }
    return c.stream().map(r -> new Object[] {signer(r.actor()), r.type(), r.payload()}).toList();
  }

  static String site(int s) {
    return "BS-" + s;
  }

  static String miner(int m) {
    return "BM-" + m;
  }

  int siteOf(int miner) {
    return miner % sites;
  }

  private RegistryCommand licence(
      RegistryScript registry, String number, LicenceKind kind, BenchActor holder) {
    return registry.licence(
        number, kind, holder.actor().actorId(), today.minusDays(400), today.plusDays(400));
  }

  private BenchActor signer(String actorId) {
    return registrar.actor().actorId().equals(actorId) ? registrar : monitor;
  }

  private BenchActor actor(String org, OrganisationType type, String id, Role role) {
    ActorCredentials credentials = world.actor(org, type, id, role);
    return new BenchActor(
        new Actor(id, org, type, role), credentials.certificate(), credentials.key());
  }

  static ObjectNode obj(Object... kv) {
    ObjectNode o = F.objectNode();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
        o.set((String) kv[i], n);
      } else if (v instanceof Integer n) {
        o.put((String) kv[i], n);
      } else {
        o.put((String) kv[i], (String) v);
      }
    }
    return o;
  }
}
