package org.kpledger.certificate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.kpledger.custody.CustodyRuleViolation.require;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpledger.custody.Actor;
import org.kpledger.custody.Carats;
import org.kpledger.custody.CustodyRuleViolation;
import org.kpledger.identity.OrganisationType;

/** A KP certificate, from issue to import confirmation or voiding. */
@Aggregate(cache = "aggregateCache", lockFactory = "aggregateLocks")
class Certificate {
  /** The HS codes of rough diamonds (kp-facts §1.1). */
  static final Set<String> HS_CODES = Set.of("7102.10", "7102.21", "7102.31");

  @AggregateIdentifier private String certificateNumber;
  private CertificateIssuedEvent issued;
  private LocalDate expiresOn;
  private String importerName;
  private String importerCountry;
  private boolean exported;
  private boolean confirmed;
  private boolean voided;
  private String contentHash;
  private String channelTxId;

  /** For Axon. */
  protected Certificate() {}

  /** Issues a certificate with every Annex I field. */
  @CommandHandler
  public Certificate(CreateCertificateCommand c, Actor actor) {
    require(
        c.certificateNumber() != null && c.certificateNumber().matches("CF[A-Z0-9/-]{3,40}"),
        "CERTIFICATE_NUMBER_INVALID",
        "certificateNumber",
        "a CAR KP certificate number starts with the ISO 3166-1 prefix CF");
    require(
        c.hsCode() != null && HS_CODES.contains(c.hsCode()),
        "HS_CODE_INVALID",
        "hsCode",
        "the HS code must be one of " + HS_CODES + ", not " + c.hsCode());
    require(
        c.expiresOn().isAfter(c.issuedOn()),
        "EXPIRY_BEFORE_ISSUE",
        "expiresOn",
        "a certificate must expire after it is issued");
    var s = c.shipment();
    apply(
        new CertificateIssuedEvent(
            c.certificateNumber(),
            s.shipmentId(),
            actor.organisationId(),
            c.issuedOn(),
            c.expiresOn(),
            s.exporter(),
            s.importer().name(),
            s.importer().country(),
            s.carats(),
            s.valueUsd(),
            s.parcelIds().size(),
            c.hsCode(),
            "CF"));
  }

  /** The shipment leaves under a certificate that is neither void nor expired. */
  @CommandHandler
  public void handle(RecordCertificateExportCommand c) {
    requireNotVoid();
    require(
        c.shipmentId().equals(issued.shipmentId()),
        "CERTIFICATE_SHIPMENT_MISMATCH",
        CustodyRuleViolation.NO_FIELD,
        "certificate "
            + certificateNumber
            + " covers shipment "
            + issued.shipmentId()
            + ", not "
            + c.shipmentId());
    require(
        !exported,
        "CERTIFICATE_ALREADY_USED",
        CustodyRuleViolation.NO_FIELD,
        "certificate " + certificateNumber + " has already covered an export");
    require(
        !c.exportedOn().isAfter(expiresOn),
        "CERTIFICATE_EXPIRED",
        "fieldDate",
        "certificate " + certificateNumber + " expired on " + expiresOn);
    apply(new CertificateUsedForExportEvent(certificateNumber, c.shipmentId(), c.exportedOn()));
  }

  /**
   * Records the importing authority's confirmation, flagging every field that does not match. Only
   * an importing authority bound to the certificate's importer country (as endorsed) may confirm:
   * its CA's {@code C}, read from the trust root through {@code authorities}.
   */
  @CommandHandler
  public void handle(ConfirmImportCommand c, Actor actor, ImportingAuthorities authorities) {
    requireDestinationAuthority(actor, authorities);
    requireNotVoid();
    require(
        exported,
        "NOT_EXPORTED",
        "certificateNumber",
        "certificate " + certificateNumber + " covers no export yet");
    require(
        !confirmed,
        "IMPORT_ALREADY_CONFIRMED",
        "certificateNumber",
        "receipt of " + certificateNumber + " is already confirmed");
    List<String> mismatches = new ArrayList<>();
    if (!Carats.same(c.carats(), issued.carats())) {
      mismatches.add("carats: certificate " + issued.carats() + ", received " + c.carats());
    }
    if (c.parcelCount() != issued.parcelCount()) {
      mismatches.add(
          "parcelCount: certificate " + issued.parcelCount() + ", received " + c.parcelCount());
    }
    if (!c.importerName().equals(importerName)) {
      mismatches.add("importer: certificate " + importerName + ", received " + c.importerName());
    }
    if (!c.exporter().equals(issued.exporter())) {
      mismatches.add("exporter: certificate " + issued.exporter() + ", received " + c.exporter());
    }
    apply(
        new ImportConfirmedEvent(
            certificateNumber,
            actor.organisationId(),
            c.receivedOn(),
            c.carats(),
            c.parcelCount(),
            c.importerName(),
            c.exporter(),
            mismatches));
  }

  /**
   * Records the importing authority's confirmation on the Fabric channel, once: the same
   * transaction seen again records nothing (a redelivered chaincode event); the channel confirming
   * other content than this certificate's, or a second transaction, is refused. A confirmation of a
   * void certificate is still recorded: it happened on the channel.
   *
   * @return whether it was recorded now ({@code false}: the transaction was recorded before)
   */
  @CommandHandler
  public boolean handle(RecordChannelConfirmationCommand c) {
    if (c.txId().equals(channelTxId)) {
      return false;
    }
    require(
        contentHash.equals(c.contentHash()),
        "CHANNEL_CONTENT_HASH_MISMATCH",
        CustodyRuleViolation.NO_FIELD,
        "transaction "
            + c.txId()
            + " confirmed content "
            + c.contentHash()
            + ", but certificate "
            + certificateNumber
            + " has content "
            + contentHash);
    require(
        channelTxId == null,
        "ALREADY_CONFIRMED_ON_CHANNEL",
        CustodyRuleViolation.NO_FIELD,
        "certificate "
            + certificateNumber
            + " was confirmed on the channel by transaction "
            + channelTxId
            + ", not again by "
            + c.txId());
    apply(
        new CertificateConfirmedOnChannelEvent(
            certificateNumber,
            c.channel(),
            c.txId(),
            c.blockNumber(),
            c.confirmingMsp(),
            c.contentHash()));
    return true;
  }

  /** Voids the certificate; a voided certificate covers nothing more. */
  @CommandHandler
  public void handle(VoidCertificateCommand c) {
    requireNotVoid();
    apply(new CertificateVoidedEvent(certificateNumber, c.reason()));
  }

  /** Corrects a field by endorsement, keeping the original in the history. */
  @CommandHandler
  public void handle(EndorseCertificateCommand c) {
    requireNotVoid();
    String previous =
        switch (c.field()) {
          case IMPORTER_NAME -> importerName;
          case IMPORTER_COUNTRY -> importerCountry;
          case EXPIRES_ON -> expiresOn.toString();
        };
    if (c.field() == EndorsableField.EXPIRES_ON) {
      require(
          !exported,
          "CERTIFICATE_ALREADY_USED",
          "field",
          "the expiry of "
              + certificateNumber
              + " cannot be corrected after the export it covered");
      LocalDate corrected = parseDate(c.correctedValue());
      require(
          corrected.isAfter(issued.issuedOn()),
          "EXPIRY_BEFORE_ISSUE",
          "correctedValue",
          "a certificate must expire after it is issued");
    }
    if (c.field() == EndorsableField.IMPORTER_COUNTRY) {
      require(
          c.correctedValue().matches("[A-Z]{2}"),
          "COUNTRY_INVALID",
          "correctedValue",
          "a country is an ISO 3166-1 alpha-2 code");
    }
    apply(
        new CertificateEndorsedEvent(
            certificateNumber, c.field(), previous, c.correctedValue(), c.reason()));
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new org.kpledger.custody.CustodyRuleViolation(
          "DATE_INVALID", "correctedValue", "correctedValue must be an ISO-8601 date");
    }
  }

  /**
   * Core Document Section III(b): the importing Participant confirms receipt, so the confirming
   * organisation must be an importing authority whose CA names the importer's country. A CA without
   * a country binds its authority to none, and its confirmations are refused.
   */
  private void requireDestinationAuthority(Actor actor, ImportingAuthorities authorities) {
    require(
        actor.organisationType() == OrganisationType.IMPORTING_AUTHORITY,
        "NOT_IMPORTING_AUTHORITY",
        CustodyRuleViolation.NO_FIELD,
        actor.organisationId() + " is not an importing authority and may not confirm receipt");
    String country = authorities.countryOf(actor.organisationId()).orElse(null);
    require(
        country != null,
        "IMPORTING_AUTHORITY_WITHOUT_COUNTRY",
        CustodyRuleViolation.NO_FIELD,
        "the CA of importing authority "
            + actor.organisationId()
            + " names no country (C=), so it confirms receipt for none; enrol a CA made with"
            + " kp ca init --country");
    require(
        country.equals(importerCountry),
        "NOT_DESTINATION_COUNTRY",
        CustodyRuleViolation.NO_FIELD,
        actor.organisationId()
            + " is an importing authority of "
            + country
            + "; certificate "
            + certificateNumber
            + " is destined for an importer in "
            + importerCountry);
  }

  private void requireNotVoid() {
    require(
        !voided,
        "CERTIFICATE_VOID",
        "certificateNumber",
        "certificate " + certificateNumber + " is void");
  }

  @EventSourcingHandler
  void on(CertificateIssuedEvent e) {
    certificateNumber = e.certificateNumber();
    issued = e;
    expiresOn = e.expiresOn();
    importerName = e.importerName();
    importerCountry = e.importerCountry();
    contentHash = CertificateContent.of(e).sha256Hex();
  }

  @EventSourcingHandler
  void on(CertificateConfirmedOnChannelEvent e) {
    channelTxId = e.txId();
  }

  @EventSourcingHandler
  void on(CertificateUsedForExportEvent e) {
    exported = true;
  }

  @EventSourcingHandler
  void on(ImportConfirmedEvent e) {
    confirmed = true;
  }

  @EventSourcingHandler
  void on(CertificateVoidedEvent e) {
    voided = true;
  }

  @EventSourcingHandler
  void on(CertificateEndorsedEvent e) {
    switch (e.field()) {
      case IMPORTER_NAME -> importerName = e.correctedValue();
      case IMPORTER_COUNTRY -> importerCountry = e.correctedValue();
      case EXPIRES_ON -> expiresOn = LocalDate.parse(e.correctedValue());
    }
  }
}
