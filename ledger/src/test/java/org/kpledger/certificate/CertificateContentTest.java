package org.kpledger.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The certificate content the channel pins: its exact canonical bytes and their hash. */
class CertificateContentTest {

  private static final CertificateIssuedEvent ISSUED =
      new CertificateIssuedEvent(
          "CF000117",
          "SHP-BAIE-2016-08",
          "CAR-KP",
          LocalDate.parse("2016-08-12"),
          LocalDate.parse("2016-10-11"),
          "BO-BAIE",
          "Antwerp Rough Trading BV",
          "BE",
          new BigDecimal("12.4"),
          new BigDecimal("1860"),
          1,
          "7102.31",
          "CF");

  /** RFC 8785: members sorted by UTF-16 code units, no whitespace; decimals as strings. */
  private static final String CANONICAL =
      "{\"carats\":\"12.40\",\"certificateNumber\":\"CF000117\",\"countryOfOrigin\":\"CF\","
          + "\"expiresOn\":\"2016-10-11\",\"exporter\":\"BO-BAIE\","
          + "\"format\":\"kp-ledger/certificate-content/v1\",\"hsCode\":\"7102.31\","
          + "\"importerCountry\":\"BE\",\"importerName\":\"Antwerp Rough Trading BV\","
          + "\"issuedOn\":\"2016-08-12\",\"issuingAuthority\":\"CAR-KP\",\"parcelCount\":1,"
          + "\"shipmentId\":\"SHP-BAIE-2016-08\",\"valueUsd\":\"1860.00\"}";

  @Test
  void theContentOfAnIssuedCertificateIsItsAnnexIFieldsInCanonicalForm() throws Exception {
    CertificateContent content = CertificateContent.of(ISSUED);
    assertThat(content.canonicalText()).isEqualTo(CANONICAL);
    assertThat(content.sha256Hex())
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(CANONICAL.getBytes(StandardCharsets.UTF_8))));
    assertThat(content.certificateNumber()).isEqualTo("CF000117");
    assertThat(content.destinationCountry()).isEqualTo("BE");
  }

  @Test
  void equalDecimalsGiveEqualContentWhateverTheirScale() {
    CertificateIssuedEvent sameValues =
        new CertificateIssuedEvent(
            "CF000117",
            "SHP-BAIE-2016-08",
            "CAR-KP",
            LocalDate.parse("2016-08-12"),
            LocalDate.parse("2016-10-11"),
            "BO-BAIE",
            "Antwerp Rough Trading BV",
            "BE",
            new BigDecimal("12.400"),
            new BigDecimal("1860.00"),
            1,
            "7102.31",
            "CF");
    assertThat(CertificateContent.of(sameValues).sha256Hex())
        .isEqualTo(CertificateContent.of(ISSUED).sha256Hex());
  }

  @Test
  void aReceiverHashesTheSameContentInAnyJsonForm() {
    String pretty =
        CertificateContent.of(ISSUED).json().toPrettyString().replace("\"format\"", "\"format\" ");
    assertThat(pretty).isNotEqualTo(CANONICAL);
    assertThat(CertificateContent.hashOf(pretty))
        .isEqualTo(CertificateContent.of(ISSUED).sha256Hex());
  }

  @Test
  void refusesContentThatIsNotOfTheCertificateContentFormat() {
    assertThatThrownBy(() -> CertificateContent.hashOf("{\"certificateNumber\":\"CF000117\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CertificateContent.FORMAT);
    assertThatThrownBy(() -> CertificateContent.hashOf("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
