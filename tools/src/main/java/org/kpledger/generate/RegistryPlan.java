package org.kpledger.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kpledger.licence.LicenceKind;
import org.kpledger.world.Patente;
import org.kpledger.world.RegistryCommand;
import org.kpledger.world.RegistryScript;

/**
 * The registers a year's trade stands on: zones with their dated decisions, sites, licences
 * (agréments, export licences, patentes) and miners, then each miner's production per quarter,
 * recorded before any purchase so no sale ever exceeds a site's recorded production (at the sites
 * {@link Country#declaresInBulk} plants, the whole year's in one entry on its first day). The
 * commands are the tools' one registry script's ({@link RegistryScript}); this plan chooses the
 * year's ids, names and dates and gives each command its key.
 */
final class RegistryPlan {
  private static final String[] FIRST = {
    "Jean-Pierre",
    "Clarisse",
    "Albert",
    "Sylvie",
    "Idriss",
    "Thierry",
    "Odette",
    "Martial",
    "Rosine",
    "Faustin",
    "Blaise",
    "Nadège"
  };
  private static final String[] LAST = {
    "Ndoumba",
    "Feindiro",
    "Yakoma",
    "Gbazi",
    "Mahamat",
    "Kossi",
    "Zanga",
    "Ngaïkoumon",
    "Sambia",
    "Wabo",
    "Dondra",
    "Kpéma"
  };

  private final Country country;
  private final RegistryScript script;
  private final long[][] sales;

  RegistryPlan(Country country, Identities ids, PurchaseBook book) {
    this.country = country;
    this.script = new RegistryScript(ids.registrar, ids.monitor);
    this.sales = book.salesByMinerAndQuarter();
  }

  List<Phase> phases() {
    int zones = country.zones.size();
    int sites = country.scale.sites();
    int collectors = country.scale.collectors();
    return List.of(
        new Phase("zones", zones, this::zone),
        new Phase(
            "sites and licences",
            sites + collectors + country.scale.offices(),
            i ->
                i < sites
                    ? site(i)
                    : i < sites + collectors
                        ? agrement(i - sites)
                        : exportLicence(i - sites - collectors)),
        new Phase("miners and production", country.scale.miners(), this::miner));
  }

  private Chain zone(int z) {
    String[] row = country.zones.get(z);
    String key = "zone/" + row[0];
    List<RegistryCommand> commands = script.zone(row, country.decisions, country::zone);
    List<Step> steps = new ArrayList<>();
    steps.add(step(key, commands.get(0)));
    for (int n = 1; n < commands.size(); n++) {
      steps.add(step(key + "/decision/" + (n - 1), commands.get(n)));
    }
    return new Chain(key, steps);
  }

  private Chain site(int s) {
    String name = country.siteZone[s].charAt(0) + country.siteZone[s].substring(1).toLowerCase();
    return single(
        "site/" + s,
        script.site(country.site(s), name + " diggings " + s, country.zone(country.siteZone[s])));
  }

  private Chain agrement(int c) {
    return single(
        "agrement/" + c,
        licence(country.agrement(c), LicenceKind.AGREMENT, country.collector(c), country.yearEnd));
  }

  private Chain exportLicence(int b) {
    return single(
        "export-licence/" + b,
        licence(
            country.exportLicence(b),
            LicenceKind.EXPORT_LICENCE,
            country.office(b),
            country.yearEnd));
  }

  private Chain miner(int m) {
    String key = "miner/" + m;
    LocalDate until =
        Country.lapses(m)
            ? country.yearStart.plusDays(Country.LAPSE_DAY - 1L)
            : country.yearEnd.plusDays(400);
    List<RegistryCommand> patenteAndMiner =
        script.miner(
            country.miner(m),
            FIRST[m % FIRST.length] + " " + LAST[(m / FIRST.length) % LAST.length],
            String.format("CNI-%s-%06d", country.prefix, m),
            country.site(country.siteOf(m)),
            new Patente(country.patente(m), licenceStart(), until));
    List<Step> steps = new ArrayList<>();
    steps.add(step(key + "/patente", patenteAndMiner.get(0)));
    steps.add(step(key, patenteAndMiner.get(1)));
    if (country.declaresInBulk(country.siteOf(m))) {
      long year = 0;
      for (int q = 0; q < 4; q++) {
        year += (sales[m][q] * 11 + 9) / 10;
      }
      if (year > 0) {
        steps.add(production(key + "/production/year", m, "-YEAR", year, 0));
      }
      return new Chain(key, steps);
    }
    for (int q = 0; q < 4; q++) {
      if (sales[m][q] > 0) {
        // the register shows somewhat more than was sold: not every stone finds a buyer
        long carats = (sales[m][q] * 11 + 9) / 10;
        steps.add(production(key + "/production/" + q, m, "-Q" + (q + 1), carats, q * 91));
      }
    }
    return new Chain(key, steps);
  }

  private Step production(String key, int m, String suffix, long carats, int day) {
    return step(
        key,
        script.production(
            country.site(country.siteOf(m)),
            country.miner(m) + suffix,
            country.miner(m),
            BigDecimal.valueOf(carats, 2),
            (int) Math.max(1, carats / 40),
            country.at(day, 5 * 3600)));
  }

  /** Total recorded production of a site, in hundredths of a carat. */
  long productionOf(int site) {
    long total = 0;
    for (int m : country.minersAt.get(site)) {
      for (int q = 0; q < 4; q++) {
        total += (sales[m][q] * 11 + 9) / 10;
      }
    }
    return total;
  }

  private RegistryCommand licence(String number, LicenceKind kind, String holder, LocalDate until) {
    return script.licence(number, kind, holder, licenceStart(), until);
  }

  /** Every licence of the year is valid from 400 days before the year starts. */
  private LocalDate licenceStart() {
    return country.yearStart.minusDays(400);
  }

  private static Step step(String key, RegistryCommand command) {
    return Step.accepted(key, command.actor(), command.type(), command.payload());
  }

  private static Chain single(String key, RegistryCommand command) {
    return new Chain(key, List.of(step(key, command)));
  }
}
