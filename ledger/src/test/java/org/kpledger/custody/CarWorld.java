package org.kpledger.custody;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.messaging.MetaData;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * The Central African Republic as the aggregate tests see it in 2016: the sub-prefectures the
 * Monitoring Team declared compliant (Berberati in May 2016; Boda, Carnot and Nola on 19 September
 * 2016), an eastern sub-prefecture that stayed under suspension (Bria), and the miners, collectors
 * and buying offices who trade there. People and organisation names are invented; zones and dates
 * are those of the KP record (kp-facts §2.1, 2016 Plenary §51). The day in May 2016 on which
 * Berberati was cleared is not in the sources; the 20th is used.
 */
public final class CarWorld {
  public static final String BERBERATI = "BERBERATI";
  public static final String CARNOT = "CARNOT";
  public static final String NOLA = "NOLA";
  public static final String BODA = "BODA";
  public static final String BRIA = "BRIA";

  /** KP Administrative Decision on CAR's temporary suspension. */
  public static final LocalDate SUSPENSION = LedgerCalendar.SUSPENSION_DATE;

  /** Monitoring Team clears Berberati (May 2016; day illustrative). */
  public static final LocalDate BERBERATI_COMPLIANT = LocalDate.of(2016, 5, 20);

  /** Monitoring Team declares Boda, Carnot and Nola compliant. */
  public static final LocalDate SOUTH_WEST_COMPLIANT = LocalDate.of(2016, 9, 19);

  public static final String BERBERATI_SITE = "BBT-SITE-KPOKPO";
  public static final String NOLA_SITE = "NOL-SITE-SALO";
  public static final String BRIA_SITE = "BRI-SITE-NDOLOBO";

  public static final String BERBERATI_MINER = "MIN-BBT-0417";
  public static final String NOLA_MINER = "MIN-NOL-0088";
  public static final String BRIA_MINER = "MIN-BRI-0012";
  public static final String BERBERATI_PATENTE = "PAT/BBT/2016/0417";
  public static final String NOLA_PATENTE = "PAT/NOL/2016/0088";
  public static final String BRIA_PATENTE = "PAT/BRI/2016/0012";

  /** A licensed collector of Berberati: a collector holds in their own name. */
  public static final Actor COLLECTOR =
      new Actor(
          "COL-BBT-031", "UCD-BERBERATI", OrganisationType.COLLECTORS_ASSOCIATION, Role.COLLECTOR);

  public static final Actor OTHER_COLLECTOR =
      new Actor("COL-NOL-112", "UCD-NOLA", OrganisationType.COLLECTORS_ASSOCIATION, Role.COLLECTOR);

  /** A buyer at a licensed buying office (bureau d'achat): the office holds. */
  public static final Actor BUYER =
      new Actor("buyer.ndoma", "BAIE-MAMBERE", OrganisationType.BUYING_OFFICE, Role.BUYER);

  public static final Actor OTHER_BUYER =
      new Actor("buyer.kossi", "BAIE-LOBAYE", OrganisationType.BUYING_OFFICE, Role.BUYER);
  public static final Actor VALUER =
      new Actor("valuer.yakite", "BECDOR", OrganisationType.KP_AUTHORITY, Role.VALUER);
  public static final Actor CERTIFYING_OFFICER =
      new Actor(
          "officer.gbazi", "SPPK-RCA", OrganisationType.KP_AUTHORITY, Role.CERTIFYING_OFFICER);
  public static final Actor INSPECTOR =
      new Actor("inspector.mbaye", "USAF", OrganisationType.KP_AUTHORITY, Role.INSPECTOR);
  public static final Actor MONITOR =
      new Actor("monitor.lee", "KP-MT", OrganisationType.MONITORING_TEAM, Role.MONITOR);
  public static final Actor AUDITOR =
      new Actor("auditor.jansen", "FORENSIC-AUDIT", OrganisationType.AUDITOR, Role.AUDITOR);
  public static final Actor IMPORT_OFFICER =
      new Actor(
          "officer.peeters",
          "BE-FPS-ECONOMY",
          OrganisationType.IMPORTING_AUTHORITY,
          Role.IMPORT_OFFICER);

  public static final String COLLECTOR_AGREMENT = "AGR/2016/031";
  public static final String BUYER_LICENCE = "EXP/2016/007";
  public static final String OTHER_BUYER_LICENCE = "EXP/2016/009";

  private CarWorld() {}

  /**
   * The facts every custody test starts from: zone histories from the suspension on, three sites
   * and their miners with 2016 patentes, a collector's 2016 agrément and two export licences.
   */
  public static InMemoryCustodyFacts carFacts() {
    InMemoryCustodyFacts facts = new InMemoryCustodyFacts();
    for (String zone : new String[] {BERBERATI, CARNOT, NOLA, BODA, BRIA}) {
      facts.withZoneDecision(zone, SUSPENSION, false);
    }
    facts
        .withZoneDecision(BERBERATI, BERBERATI_COMPLIANT, true)
        .withZoneDecision(CARNOT, SOUTH_WEST_COMPLIANT, true)
        .withZoneDecision(NOLA, SOUTH_WEST_COMPLIANT, true)
        .withZoneDecision(BODA, SOUTH_WEST_COMPLIANT, true)
        .withSite(BERBERATI_SITE, BERBERATI)
        .withSite(NOLA_SITE, NOLA)
        .withSite(BRIA_SITE, BRIA);
    LocalDate jan1 = LocalDate.of(2016, 1, 1);
    LocalDate dec31 = LocalDate.of(2016, 12, 31);
    facts
        .withLicence(BERBERATI_PATENTE, "PATENTE", BERBERATI_MINER, jan1, dec31)
        .withLicence(NOLA_PATENTE, "PATENTE", NOLA_MINER, jan1, dec31)
        .withLicence(BRIA_PATENTE, "PATENTE", BRIA_MINER, jan1, dec31)
        .withMiner(BERBERATI_MINER, BERBERATI_PATENTE, BERBERATI_SITE)
        .withMiner(NOLA_MINER, NOLA_PATENTE, NOLA_SITE)
        .withMiner(BRIA_MINER, BRIA_PATENTE, BRIA_SITE)
        .withLicence(COLLECTOR_AGREMENT, "AGREMENT", COLLECTOR.party(), jan1, dec31)
        .withLicence(
            BUYER_LICENCE, "EXPORT_LICENCE", BUYER.party(), jan1, LocalDate.of(2017, 12, 31))
        .withLicence(
            OTHER_BUYER_LICENCE,
            "EXPORT_LICENCE",
            OTHER_BUYER.party(),
            jan1,
            LocalDate.of(2017, 12, 31));
    return facts;
  }

  /** The metadata the envelope verifier attaches for this signer. */
  public static MetaData as(Actor actor) {
    return actor.toMetaData();
  }

  /**
   * The metadata of a command this signer sent and the node recorded at noon (Bangui) on {@code
   * isoDate}: the day of an act that carries no field date of its own.
   */
  public static MetaData as(Actor actor, String isoDate) {
    Instant noon = day(isoDate).atTime(12, 0).atZone(LedgerCalendar.ZONE).toInstant();
    return as(actor).and(LedgerMetaData.RECORDED_AT, noon.toString());
  }

  /** A mass in carats, at two decimals. */
  public static BigDecimal ct(String carats) {
    return new BigDecimal(carats);
  }

  /** An amount in US$. */
  public static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }

  /** An instant written in UTC, e.g. {@code utc("2016-07-14T09:30")}. */
  public static Instant utc(String localDateTime) {
    return Instant.parse(localDateTime + ":00Z");
  }

  /** A calendar day. */
  public static LocalDate day(String isoDate) {
    return LocalDate.parse(isoDate);
  }
}
