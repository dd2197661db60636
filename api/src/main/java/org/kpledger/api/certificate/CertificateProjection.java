package org.kpledger.api.certificate;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.kpledger.api.projection.JdbcProjection;
import org.kpledger.certificate.CertificateConfirmedOnChannelEvent;
import org.kpledger.certificate.CertificateContent;
import org.kpledger.certificate.CertificateEndorsedEvent;
import org.kpledger.certificate.CertificateIssuedEvent;
import org.kpledger.certificate.CertificateUsedForExportEvent;
import org.kpledger.certificate.CertificateVoidedEvent;
import org.kpledger.certificate.ImportConfirmedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * KP certificates with their endorsed fields as they stand, their use for export, the importing
 * authority's confirmation with its mismatches (kp-facts rule 8), the content as issued that the
 * Fabric channel pins by hash ({@link CertificateContent}) and the confirmation seen on the
 * channel.
 */
@Component
@ProcessingGroup(CertificateProjection.NAME)
class CertificateProjection extends JdbcProjection {
  static final String NAME = "certificates";

  CertificateProjection(JdbcTemplate jdbc) {
    super(jdbc, NAME);
    table(
        "certificate",
        "certificate_number VARCHAR(64) PRIMARY KEY, "
            + "shipment_id VARCHAR(128) NOT NULL, issuing_authority VARCHAR(128) NOT NULL, "
            + "issued_on DATE NOT NULL, expires_on DATE NOT NULL, exporter VARCHAR(128), "
            + "importer_name VARCHAR(200), importer_country CHAR(2), carats DECIMAL(19,2), "
            + "value_usd DECIMAL(19,2), parcel_count INT, hs_code VARCHAR(16), "
            + "country_of_origin VARCHAR(16), status VARCHAR(16) NOT NULL, exported_on DATE, "
            + "void_reason VARCHAR(1000), endorsements INT NOT NULL, "
            + "issued_at TIMESTAMP WITH TIME ZONE NOT NULL");
    table(
        "certificate_confirmation",
        "certificate_number VARCHAR(64) PRIMARY KEY, "
            + "importing_authority VARCHAR(128), received_on DATE, carats DECIMAL(19,2), "
            + "parcel_count INT, importer_name VARCHAR(200), exporter VARCHAR(128), "
            + "mismatched BOOLEAN NOT NULL, mismatches VARCHAR(4000), "
            + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL");
    table(
        "certificate_content",
        "certificate_number VARCHAR(64) PRIMARY KEY, content_hash CHAR(64) NOT NULL, "
            + "content VARCHAR(8000) NOT NULL");
    table(
        "certificate_channel",
        "certificate_number VARCHAR(64) PRIMARY KEY, channel VARCHAR(128) NOT NULL, "
            + "tx_id VARCHAR(128) NOT NULL, block_number BIGINT NOT NULL, "
            + "confirming_msp VARCHAR(128) NOT NULL, content_hash CHAR(64) NOT NULL, "
            + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL");
    index("certificate_shipment ON certificate (shipment_id)");
    create();
  }

  @EventHandler
  void on(CertificateIssuedEvent e, MetaData meta, @Timestamp Instant ts) {
    write(
        "INSERT INTO certificate (certificate_number, shipment_id, issuing_authority, "
            + "issued_on, expires_on, exporter, importer_name, importer_country, carats, value_usd, "
            + "parcel_count, hs_code, country_of_origin, status, endorsements, issued_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED', 0, ?)",
        e.certificateNumber(),
        e.shipmentId(),
        e.issuingAuthority(),
        e.issuedOn(),
        e.expiresOn(),
        e.exporter(),
        e.importerName(),
        e.importerCountry(),
        e.carats(),
        e.valueUsd(),
        e.parcelCount(),
        e.hsCode(),
        e.countryOfOrigin(),
        recordedAt(meta, ts));
    CertificateContent content = CertificateContent.of(e);
    write(
        "INSERT INTO certificate_content (certificate_number, content_hash, content) "
            + "VALUES (?, ?, ?)",
        e.certificateNumber(),
        content.sha256Hex(),
        content.canonicalText());
  }

  @EventHandler
  void on(CertificateConfirmedOnChannelEvent e, MetaData meta, @Timestamp Instant ts) {
    write(
        "INSERT INTO certificate_channel (certificate_number, channel, tx_id, block_number, "
            + "confirming_msp, content_hash, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        e.certificateNumber(),
        e.channel(),
        e.txId(),
        e.blockNumber(),
        e.confirmingMsp(),
        e.contentHash(),
        recordedAt(meta, ts));
  }

  @EventHandler
  void on(CertificateUsedForExportEvent e) {
    write(
        "UPDATE certificate SET status = 'EXPORTED', exported_on = ? "
            + "WHERE certificate_number = ?",
        e.exportedOn(),
        e.certificateNumber());
  }

  @EventHandler
  void on(ImportConfirmedEvent e, MetaData meta, @Timestamp Instant ts) {
    write(
        "UPDATE certificate SET status = 'CONFIRMED' WHERE certificate_number = ?",
        e.certificateNumber());
    write(
        "INSERT INTO certificate_confirmation (certificate_number, importing_authority, "
            + "received_on, carats, parcel_count, importer_name, exporter, mismatched, mismatches, "
            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.certificateNumber(),
        e.importingAuthority(),
        e.receivedOn(),
        e.carats(),
        e.parcelCount(),
        e.importerName(),
        e.exporter(),
        !e.mismatches().isEmpty(),
        String.join("\n", e.mismatches()),
        recordedAt(meta, ts));
  }

  @EventHandler
  void on(CertificateVoidedEvent e) {
    write(
        "UPDATE certificate SET status = 'VOID', void_reason = ? " + "WHERE certificate_number = ?",
        e.reason(),
        e.certificateNumber());
  }

  @EventHandler
  void on(CertificateEndorsedEvent e) {
    String column =
        switch (e.field()) {
          case IMPORTER_NAME -> "importer_name";
          case IMPORTER_COUNTRY -> "importer_country";
          case EXPIRES_ON -> "expires_on";
        };
    Object value =
        switch (e.field()) {
          case EXPIRES_ON -> java.time.LocalDate.parse(e.correctedValue());
          default -> e.correctedValue();
        };
    write(
        "UPDATE certificate SET "
            + column
            + " = ?, endorsements = endorsements + 1 "
            + "WHERE certificate_number = ?",
        value,
        e.certificateNumber());
  }
}
