package org.kpledger.api.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What anyone may check about a KP certificate: whether it is valid today and the fields printed
 * for customs, without the exporter, the importer's name or the declared value.
 *
 * @param status ISSUED, EXPORTED (the shipment left under it), CONFIRMED (receipt confirmed) or
 *     VOID
 * @param validity VALID, EXPIRED (after its expiry day) or VOID, today in Bangui
 * @param confirmedOnChannel the importing authority's confirmation on the Fabric channel (status
 *     {@code CONFIRMED_ON_CHANNEL}, transaction id, block), or null
 */
public record PublicCertificate(
    String certificateNumber,
    String issuingAuthority,
    String countryOfOrigin,
    LocalDate issuedOn,
    LocalDate expiresOn,
    String hsCode,
    int parcelCount,
    BigDecimal carats,
    String importerCountry,
    String status,
    String validity,
    CertificateRecord.ChannelConfirmation confirmedOnChannel) {}
