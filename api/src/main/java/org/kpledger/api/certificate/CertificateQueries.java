package org.kpledger.api.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kpledger.api.projection.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the certificates projection. */
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

  CertificateQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A certificate by number. */
  public Optional<CertificateRecord> find(String number) {
    return jdbc
        .query(SELECT + " WHERE c.certificate_number = ?", (rs, n) -> record(rs), number)
        .stream()
        .findFirst();
  }

  /** The certificate issued for a shipment, if any. */
  public Optional<CertificateRecord> ofShipment(String shipmentId) {
    return jdbc
        .query(
            SELECT + " WHERE c.shipment_id = ? AND c.status <> 'VOID'",
            (rs, n) -> record(rs),
            shipmentId)
        .stream()
        .findFirst();
  }

  /** Certificates whose export left on or before {@code exportedBy} with no confirmation yet. */
  public List<CertificateRecord> unconfirmed(LocalDate exportedBy) {
    return jdbc.query(
        SELECT
            + " WHERE c.status = 'EXPORTED' AND c.exported_on <= ? "
            + "ORDER BY c.exported_on, c.certificate_number",
        (rs, n) -> record(rs),
        exportedBy);
  }

  /** Certificates whose import confirmation did not match. */
  public List<CertificateRecord> mismatched() {
    return jdbc.query(
        SELECT + " WHERE f.mismatched = TRUE ORDER BY c.certificate_number", (rs, n) -> record(rs));
  }

  /** The public form of a certificate, validity read on {@code today}. */
  public static PublicCertificate publicForm(CertificateRecord c, LocalDate today) {
    String validity =
        "VOID".equals(c.status()) ? "VOID" : today.isAfter(c.expiresOn()) ? "EXPIRED" : "VALID";
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
        validity,
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

  private static CertificateRecord record(ResultSet rs) throws SQLException {
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
    return new CertificateRecord(
        rs.getString("certificate_number"),
        rs.getString("shipment_id"),
        rs.getString("issuing_authority"),
        Columns.date(rs.getObject("issued_on")),
        Columns.date(rs.getObject("expires_on")),
        rs.getString("exporter"),
        rs.getString("importer_name"),
        rs.getString("importer_country"),
        rs.getBigDecimal("carats"),
        rs.getBigDecimal("value_usd"),
        rs.getInt("parcel_count"),
        rs.getString("hs_code"),
        rs.getString("country_of_origin"),
        rs.getString("status"),
        Columns.date(rs.getObject("exported_on")),
        rs.getString("void_reason"),
        rs.getInt("endorsements"),
        confirmation,
        onChannel);
  }
}
