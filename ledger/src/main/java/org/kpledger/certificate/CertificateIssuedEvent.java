package org.kpledger.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A KP certificate was issued with every Annex I field. */
@Revision("1")
public record CertificateIssuedEvent(
    String certificateNumber,
    String shipmentId,
    String issuingAuthority,
    LocalDate issuedOn,
    LocalDate expiresOn,
    String exporter,
    String importerName,
    String importerCountry,
    BigDecimal carats,
    BigDecimal valueUsd,
    int parcelCount,
    String hsCode,
    String countryOfOrigin) {}
