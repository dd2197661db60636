package org.kpledger.api.anomaly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A site whose purchases in a quarter exceed {@link AnomalyThresholds#siteFactor()} times the
 * production recorded at the site for days of that quarter and the one before (stones are mostly
 * sold within months of being found): the Monitoring Team's cross-check of a site's sales against
 * its production record (kp-facts §4, type 6, production against sales; §5, DDI's cross-check of
 * production records against sales records; §6, testing a stated origin against what the site
 * yields). The register already refuses a slip beyond the production recorded up to its day; what
 * it cannot see is production declared in bulk, early or backdated, that later backs stones from
 * elsewhere sold under the site's name. The flag says how much earlier production was still unsold
 * when the quarter began, so the reader can tell stock from a pattern.
 */
final class SiteOverProduction {
  static final String KIND = "SITE_OVER_PRODUCTION";

  /** A production entry or a purchase slip at a site, as the flag reads it. */
  record SiteCarats(String siteId, String zoneId, LocalDate day, BigDecimal carats) {
    String quarter() {
      return Purchase.quarterOf(day);
    }
  }

  private SiteOverProduction() {}

  /**
   * The flags over every quarter with purchases.
   *
   * @param production production entries (zone may be null)
   * @param purchases purchase slips with their site and zone
   */
  static List<AnomalyFlag> flags(
      List<SiteCarats> production, List<SiteCarats> purchases, AnomalyThresholds t) {
    Map<String, TreeMap<String, BigDecimal[]>> bySite = new TreeMap<>();
    Map<String, String> zoneOf = new TreeMap<>();
    for (SiteCarats p : production) {
      quarterOf(bySite, p)[0] = quarterOf(bySite, p)[0].add(p.carats());
    }
    for (SiteCarats p : purchases) {
      quarterOf(bySite, p)[1] = quarterOf(bySite, p)[1].add(p.carats());
      if (p.zoneId() != null) {
        zoneOf.putIfAbsent(p.siteId(), p.zoneId());
      }
    }
    BigDecimal factor = BigDecimal.valueOf(t.siteFactor());
    List<AnomalyFlag> out = new ArrayList<>();
    bySite.forEach(
        (site, quarters) -> {
          BigDecimal stock = BigDecimal.ZERO;
          for (Map.Entry<String, BigDecimal[]> q : quarters.entrySet()) {
            BigDecimal[] before = quarters.get(previous(q.getKey()));
            BigDecimal produced = q.getValue()[0].add(before == null ? BigDecimal.ZERO : before[0]);
            BigDecimal bought = q.getValue()[1];
            if (bought.signum() > 0 && bought.compareTo(produced.multiply(factor)) > 0) {
              out.add(flag(site, zoneOf.get(site), q.getKey(), bought, produced, stock, t));
            }
            stock = stock.add(q.getValue()[0]).subtract(bought).max(BigDecimal.ZERO);
          }
        });
    return out;
  }

  /** The quarter before {@code 2019-Q1}: {@code 2018-Q4}. */
  static String previous(String quarter) {
    int year = Integer.parseInt(quarter.substring(0, 4));
    int q = quarter.charAt(6) - '0';
    return q == 1 ? (year - 1) + "-Q4" : year + "-Q" + (q - 1);
  }

  private static BigDecimal[] quarterOf(
      Map<String, TreeMap<String, BigDecimal[]>> bySite, SiteCarats c) {
    return bySite
        .computeIfAbsent(c.siteId(), k -> new TreeMap<>())
        .computeIfAbsent(c.quarter(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
  }

  private static AnomalyFlag flag(
      String site,
      String zone,
      String quarter,
      BigDecimal bought,
      BigDecimal produced,
      BigDecimal stock,
      AnomalyThresholds t) {
    return new AnomalyFlag(
        KIND,
        site,
        quarter,
        null,
        zone,
        bought,
        produced,
        "site "
            + site
            + " sold "
            + bought.toPlainString()
            + " ct in "
            + quarter
            + ", more than "
            + t.siteFactor()
            + " times the "
            + produced.toPlainString()
            + " ct of production recorded there for days of that quarter and the one before ("
            + stock.toPlainString()
            + " ct of production recorded earlier were still unsold when it began)");
  }
}
