package org.kpledger.api.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kpledger.api.projection.Columns;
import org.kpledger.certificate.CertificateStanding;
import org.kpledger.certificate.CertificateStatus;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the certificates projection; every certificate it answers carries its standing today,
 * judged by the ledger's one rule ({@link CertificateStanding}) with {@code
 * kp.confirmation-delay-days} (30 by default) as the delay after which an export without
 * confirmation is UNCONFIRMED.
 */
@Component
public class CertificateQueries {
  private static final String SELECT =
      "SELECT c.*, f.importing_authority, f.received_on, "
          + "f.carats AS f_carats, f.parcel_count AS f_parcel_count, f.importer_name AS f_importer, "
          + "f.exporter AS f_exporter, f.mismatches, f.mismatched, ch.channel, ch.tx_id, "
          + "ch.block_number, ch.confirming_msp, ch.content_hash AS ch_content_hash "
          + "FROM certificate c "
          + "LEFT JOIN certificate_confirmation f ON f.certificate_number = c.certificate_number "
          + "LEFT JOIN certificate_channel ch ON ch.certificate_number = c.certificate_number";
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final int confirmationDelayDays;

  CertificateQueries(
      JdbcTemplate jdbc,
      Clock clock,
      @Value("${kp.confirmation-delay-days:30}") int confirmationDelayDays) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.confirmationDelayDays = confirmationDelayDays;
  }

  /** A certificate by number. */
  public Optional<CertificateRecord> find(String number) {
    return jdbc
        .query(SELECT + " WHERE c.certificate_number = ?", (rs, n) -> record(rs, today()), number)
        .stream()
        .findFirst();
  }

  /** The certificate issued for a shipment, if any. */
  public Optional<CertificateRecord> ofShipment(String shipmentId) {
    return jdbc
        .query(
            SELECT + " WHERE c.shipment_id = ? AND c.status <> 'VOID'",
            (rs, n) -> record(rs, today()),
            shipmentId)
        .stream()
        .findFirst();
  }

  /**
   * Certificates whose export left on or before {@code exportedBy} with no confirmation yet, on the
   * ledger or on the Fabric channel.
   */
  public List<CertificateRecord> unconfirmed(LocalDate exportedBy) {
    return jdbc.query(
        SELECT
            + " WHERE c.status = 'EXPORTED' AND ch.tx_id IS NULL AND c.exported_on <= ? "
            + "ORDER BY c.exported_on, c.certificate_number",
        (rs, n) -> record(rs, today()),
        exportedBy);
  }

  /** Certificates whose import confirmation did not match. */
  public List<CertificateRecord> mismatched() {
    return jdbc.query(
        SELECT + " WHERE f.mismatched = TRUE ORDER BY c.certificate_number",
        (rs, n) -> record(rs, today()));
  }

  /**
   * The Monitoring Team's cross-check: the certificates exported in {@code month} (every export
   * when null), each judged today by {@link CertificateStanding} with {@code afterDays} as the
   * confirmation delay, split into those still unconfirmed and those confirmed with mismatches.
   */
  public CrossCheck crossCheck(YearMonth month, int afterDays) {
    LocalDate today = today();
    String where = " WHERE c.exported_on IS NOT NULL";
    Object[] args = {};
    if (month != null) {
      where += " AND c.exported_on >= ? AND c.exported_on <= ?";
      args = new Object[] {month.atDay(1), month.atEndOfMonth()};
    }
    List<CertificateRecord> exported =
        jdbc.query(
            SELECT + where + " ORDER BY c.exported_on, c.certificate_number",
            (rs, n) -> record(rs, today, afterDays),
            args);
    return new CrossCheck(
        month,
        afterDays,
        today,
        withStatus(exported, CertificateStatus.UNCONFIRMED),
        withStatus(exported, CertificateStatus.CONFIRMED_WITH_MISMATCHES));
  }

  private static List<CertificateRecord> withStatus(
      List<CertificateRecord> records, CertificateStatus status) {
    return records.stream().filter(r -> r.status().equals(status.name())).toList();
  }

  /** The public form of a certificate: its standing and validity today, in Bangui. */
  public static PublicCertificate publicForm(CertificateRecord c) {
    return new PublicCertificate(
        c.certificateNumber(),
        c.issuingAuthority(),
        c.countryOfOrigin(),
        c.issuedOn(),
        c.expiresOn(),
        c.hsCode(),
        c.parcelCount(),
        c.carats(),
        c.importerCountry(),
        c.status(),
        c.mismatchedFields(),
        c.validity(),
        PublicCertificate.OnChannel.of(c.confirmedOnChannel()));
  }

  /**
   * The content of a certificate as issued, in its canonical form ({@link
   * org.kpledger.certificate.CertificateContent}).
   */
  public Optional<String> content(String number) {
    return jdbc
        .queryForList(
            "SELECT content FROM certificate_content WHERE certificate_number = ?",
            String.class,
            number)
        .stream()
        .findFirst();
  }

  private LocalDate today() {
    return LedgerCalendar.dateOf(clock.instant());
  }

  private CertificateRecord record(ResultSet rs, LocalDate today) throws SQLException {
    return record(rs, today, confirmationDelayDays);
  }

  private CertificateRecord record(ResultSet rs, LocalDate today, int delayDays)
      throws SQLException {
    CertificateRecord.Confirmation confirmation = null;
    if (rs.getObject("mismatched") != null) {
      String m = rs.getString("mismatches");
      confirmation =
          new CertificateRecord.Confirmation(
              rs.getString("importing_authority"),
              Columns.date(rs.getObject("received_on")),
              rs.getBigDecimal("f_carats"),
              rs.getInt("f_parcel_count"),
              rs.getString("f_importer"),
              rs.getString("f_exporter"),
              m == null || m.isEmpty() ? List.of() : Arrays.asList(m.split("\n")));
    }
    CertificateRecord.ChannelConfirmation onChannel = null;
    if (rs.getString("tx_id") != null) {
      onChannel =
          new CertificateRecord.ChannelConfirmation(
              "CONFIRMED_ON_CHANNEL",
              rs.getString("channel"),
              rs.getString("tx_id"),
              rs.getLong("block_number"),
              rs.getString("confirming_msp"),
              rs.getString("ch_content_hash"));
    }
    String lifecycle = rs.getString("status");
    LocalDate expiresOn = Columns.date(rs.getObject("expires_on"));
    LocalDate exportedOn = Columns.date(rs.getObject("exported_on"));
    boolean voided = "VOID".equals(lifecycle);
    CertificateStanding standing =
        CertificateStanding.on(
            new CertificateStanding.Facts(
                voided,
                expiresOn,
                exportedOn,
                confirmation == null ? null : confirmation.mismatches(),
                onChannel != null),
            today,
            delayDays);
    return new CertificateRecord(
        rs.getString("certificate_number"),
        rs.getString("shipment_id"),
        rs.getString("issuing_authority"),
        Columns.date(rs.getObject("issued_on")),
        expiresOn,
        rs.getString("exporter"),
        rs.getString("importer_name"),
        rs.getString("importer_country"),
        rs.getBigDecimal("carats"),
        rs.getBigDecimal("value_usd"),
        rs.getInt("parcel_count"),
        rs.getString("hs_code"),
        rs.getString("country_of_origin"),
        standing.status().name(),
        standing.mismatchedFields(),
        voided ? "VOID" : today.isAfter(expiresOn) ? "EXPIRED" : "VALID",
        exportedOn,
        rs.getString("void_reason"),
        rs.getInt("endorsements"),
        confirmation,
        onChannel);
  }
}
