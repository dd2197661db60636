package org.kpledger.api.anomaly;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kpledger.api.certificate.CertificateQueries;
import org.kpledger.api.certificate.CertificateRecord;
import org.kpledger.api.projection.Columns;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The anomaly flags of a period, computed on demand from the read side: purchase slips from the
 * lineage projection's origins, production entries from the registry projection, certificates from
 * the certificate projection judged by the same cross-check the Monitoring Team reads ({@link
 * CertificateQueries#crossCheck}).
 */
@Component
@EnableConfigurationProperties(AnomalyThresholds.class)
public class AnomalyQueries {
  private final JdbcTemplate jdbc;
  private final CertificateQueries certificates;
  private final AnomalyThresholds thresholds;
  private final int confirmationDays;
  private final Clock clock;

  AnomalyQueries(
      JdbcTemplate jdbc,
      CertificateQueries certificates,
      AnomalyThresholds thresholds,
      @Value("${kp.confirmation-delay-days:30}") int defaultDays,
      Clock clock) {
    this.jdbc = jdbc;
    this.certificates = certificates;
    this.thresholds = thresholds;
    this.confirmationDays =
        thresholds.confirmationDays() == null ? defaultDays : thresholds.confirmationDays();
    this.clock = clock;
  }

  /** The thresholds in force, with the confirmation delay resolved. */
  public AnomalyThresholds thresholds() {
    return new AnomalyThresholds(
        thresholds.outlierZ(),
        thresholds.minGroup(),
        thresholds.jumpFactor(),
        thresholds.minHistory(),
        confirmationDays,
        thresholds.siteFactor());
  }

  /**
   * Every flag whose period lies in {@code [from, to]} (purchase days, export days). A jump is
   * judged against all earlier history, also before {@code from}.
   */
  public List<AnomalyFlag> flags(LocalDate from, LocalDate to) {
    List<Purchase> all = purchases();
    List<Purchase> inRange =
        all.stream().filter(p -> !p.day().isBefore(from) && !p.day().isAfter(to)).toList();
    List<AnomalyFlag> out = new ArrayList<>(ValuePerCaratOutliers.flags(inRange, thresholds));
    String firstQuarter = new Purchase(null, null, null, from, BigDecimal.ONE, null).quarter();
    String lastQuarter = new Purchase(null, null, null, to, BigDecimal.ONE, null).quarter();
    PurchaseJumps.flags(all, thresholds).stream()
        .filter(
            f -> f.period().compareTo(firstQuarter) >= 0 && f.period().compareTo(lastQuarter) <= 0)
        .forEach(out::add);
    SiteOverProduction.flags(production(), sites(), thresholds).stream()
        .filter(
            f -> f.period().compareTo(firstQuarter) >= 0 && f.period().compareTo(lastQuarter) <= 0)
        .forEach(out::add);
    out.addAll(unconfirmed(from, to));
    return out;
  }

  /** The flags that name one of these subjects (lots, miners, certificate numbers). */
  public List<AnomalyFlag> touching(Collection<String> subjects, LocalDate from, LocalDate to) {
    return flags(from, to).stream().filter(f -> subjects.contains(f.subject())).toList();
  }

  private List<AnomalyFlag> unconfirmed(LocalDate from, LocalDate to) {
    LocalDate today = LedgerCalendar.dateOf(clock.instant());
    List<AnomalyFlag> out = new ArrayList<>();
    for (CertificateRecord c : certificates.crossCheck(null, confirmationDays).unconfirmed()) {
      if (c.exportedOn().isBefore(from) || c.exportedOn().isAfter(to)) {
        continue;
      }
      long days = ChronoUnit.DAYS.between(c.exportedOn(), today);
      out.add(
          new AnomalyFlag(
              "CERTIFICATE_UNCONFIRMED",
              c.certificateNumber(),
              c.exportedOn().toString(),
              c.exportedOn(),
              c.importerCountry(),
              BigDecimal.valueOf(days),
              BigDecimal.valueOf(confirmationDays),
              "certificate "
                  + c.certificateNumber()
                  + " left on "
                  + c.exportedOn()
                  + " for "
                  + c.importerName()
                  + " ("
                  + c.importerCountry()
                  + "): no import confirmation after "
                  + days
                  + " days, more than the "
                  + confirmationDays
                  + " allowed"));
    }
    return out;
  }

  private List<SiteOverProduction.SiteCarats> production() {
    return jdbc.query(
        "SELECT site_id, occurred_at, carats FROM registry_production",
        (rs, n) ->
            new SiteOverProduction.SiteCarats(
                rs.getString(1),
                null,
                LedgerCalendar.dateOf(Columns.instant(rs.getObject(2))),
                rs.getBigDecimal(3)));
  }

  private List<SiteOverProduction.SiteCarats> sites() {
    return jdbc.query(
        "SELECT site_id, zone_id, occurred_at, carats FROM lineage_origin"
            + " WHERE slip_number IS NOT NULL AND site_id IS NOT NULL",
        (rs, n) ->
            new SiteOverProduction.SiteCarats(
                rs.getString(1),
                rs.getString(2),
                LedgerCalendar.dateOf(Columns.instant(rs.getObject(3))),
                rs.getBigDecimal(4)));
  }

  private List<Purchase> purchases() {
    return jdbc.query(
        "SELECT lot_id, zone_id, miner_id, occurred_at, carats, price_usd FROM lineage_origin"
            + " WHERE slip_number IS NOT NULL",
        (rs, n) ->
            new Purchase(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                LedgerCalendar.dateOf(Columns.instant(rs.getObject(4))),
                rs.getBigDecimal(5),
                rs.getBigDecimal(6)));
  }
}
