package org.kpledger.api.statistics;

import java.math.BigDecimal;

/**
 * KP trade statistics of one period, partner country and HS code, counted from the KP certificates
 * (as endorsed): what the Working Group on Statistics collects per quarter.
 *
 * @param period {@code 2019-Q1}, {@code 2019-H1} or {@code 2019-03} (null in a total)
 * @param partnerCountry the importer's country, ISO 3166-1 alpha-2 (null in a total)
 * @param hsCode 7102.10, 7102.21 or 7102.31 (null in a total)
 * @param shipmentsExported shipments exported in the period (day of export)
 * @param caratsExported their carats, as certified
 * @param valueExportedUsd their value, US$, as certified
 * @param usdPerCarat value per carat, 2 decimals (null without carats)
 * @param certificatesIssued KP certificates issued in the period (day of issue), void ones included
 * @param unconfirmedCertificates of the certificates exported in the period, those flagged {@code
 *     CERTIFICATE_UNCONFIRMED} today ({@code /api/anomalies}); 0 in a trader's own rows
 */
public record TradeRow(
    String period,
    String partnerCountry,
    String hsCode,
    long shipmentsExported,
    BigDecimal caratsExported,
    BigDecimal valueExportedUsd,
    BigDecimal usdPerCarat,
    long certificatesIssued,
    long unconfirmedCertificates) {}
