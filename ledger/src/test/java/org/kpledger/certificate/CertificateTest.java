package org.kpledger.certificate;

import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.CERTIFYING_OFFICER;
import static org.kpledger.custody.CarWorld.IMPORT_OFFICER;
import static org.kpledger.custody.CarWorld.as;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.CarWorld.usd;
import static org.kpledger.custody.RuleViolations.violates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kpledger.custody.Actor;
import org.kpledger.identity.OrganisationType;
import org.kpledger.shipment.Importer;
import org.kpledger.shipment.ShipmentDetails;

/**
 * KP certificates: Annex I fields at issue, export within validity, import confirmation compared
 * with the certificate (kp-facts rules 7, 8) and corrections by endorsement (rule 11).
 */
class CertificateTest {
  private static final String CERT = "CF000117";
  private static final String SHIPMENT = "SHP-BAIE-2016-08";
  private static final String IMPORTER = "Antwerp Rough Trading BV";
  private static final String EXPORTER = BUYER.party();
  private static final LocalDate ISSUED = day("2016-08-12");
  private static final LocalDate EXPIRES = day("2016-10-11");
  private static final ShipmentDetails DETAILS =
      new ShipmentDetails(
          SHIPMENT,
          EXPORTER,
          new Importer(IMPORTER, "BE"),
          ct("12.40"),
          usd("1860.00"),
          List.of("PCL-BAIE-2016-0042"),
          CERT);
  private static final CertificateIssuedEvent ISSUED_EVENT = issuedWith("7102.31");
  private static final CertificateUsedForExportEvent EXPORTED =
      new CertificateUsedForExportEvent(CERT, SHIPMENT, day("2016-08-20"));

  /** The trust root's binding: the officer's authority is Belgium's, another is the UAE's. */
  private static final ImportingAuthorities COUNTRIES =
      org ->
          switch (org) {
            case "BE-FPS-ECONOMY" -> Optional.of("BE");
            case "AE-KP-OFFICE" -> Optional.of("AE");
            default -> Optional.empty();
          };

  private static final Actor UAE_OFFICER =
      new Actor(
          "officer.rashid",
          "AE-KP-OFFICE",
          OrganisationType.IMPORTING_AUTHORITY,
          IMPORT_OFFICER.role());
  private static final Actor UNBOUND_OFFICER =
      new Actor(
          "officer.x", "XX-IMPORT", OrganisationType.IMPORTING_AUTHORITY, IMPORT_OFFICER.role());

  private AggregateTestFixture<Certificate> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Certificate.class);
    fixture.registerInjectableResource(COUNTRIES);
  }

  private static CertificateIssuedEvent issuedWith(String hsCode) {
    return new CertificateIssuedEvent(
        CERT,
        SHIPMENT,
        CERTIFYING_OFFICER.organisationId(),
        ISSUED,
        EXPIRES,
        EXPORTER,
        IMPORTER,
        "BE",
        ct("12.40"),
        usd("1860.00"),
        1,
        hsCode,
        "CF");
  }

  private static CreateCertificateCommand create(String number, LocalDate expires, String hsCode) {
    return new CreateCertificateCommand(number, DETAILS, ISSUED, expires, hsCode);
  }

  private static ConfirmImportCommand confirm(
      String carats, int parcels, String importer, String exporter) {
    return new ConfirmImportCommand(
        CERT, day("2016-08-22"), ct(carats), parcels, importer, exporter);
  }

  private static ImportConfirmedEvent confirmed(
      BigDecimal carats, int parcels, String importer, List<String> mismatches) {
    return new ImportConfirmedEvent(
        CERT,
        IMPORT_OFFICER.organisationId(),
        day("2016-08-22"),
        carats,
        parcels,
        importer,
        EXPORTER,
        mismatches);
  }

  private static EndorseCertificateCommand endorse(EndorsableField field, String value) {
    return new EndorseCertificateCommand(CERT, field, value, "instruction of SPPK-RCA");
  }

  @Test
  void issuesCertificateWithEveryAnnexIField() {
    fixture
        .givenNoPriorActivity()
        .when(create(CERT, EXPIRES, "7102.31"), as(CERTIFYING_OFFICER))
        .expectEvents(ISSUED_EVENT);
  }

  @Test
  void rejectsCertificateNumberWithoutTheCfPrefix() {
    fixture
        .givenNoPriorActivity()
        .when(create("CD000117", EXPIRES, "7102.31"), as(CERTIFYING_OFFICER))
        .expectException(violates("CERTIFICATE_NUMBER_INVALID"))
        .expectNoEvents();
  }

  @ParameterizedTest
  @ValueSource(strings = {"7102.10", "7102.21", "7102.31"})
  void acceptsCertificateWithRoughDiamondHsCode(String hsCode) {
    fixture
        .givenNoPriorActivity()
        .when(create(CERT, EXPIRES, hsCode), as(CERTIFYING_OFFICER))
        .expectEvents(issuedWith(hsCode));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7102.39", "7102.29", "7102", "71023100"})
  void rejectsCertificateWithoutValidHsCode(String hsCode) {
    fixture
        .givenNoPriorActivity()
        .when(create(CERT, EXPIRES, hsCode), as(CERTIFYING_OFFICER))
        .expectException(violates("HS_CODE_INVALID"))
        .expectNoEvents();
  }

  @Test
  void rejectsCertificateThatExpiresOnItsIssueDay() {
    fixture
        .givenNoPriorActivity()
        .when(create(CERT, ISSUED, "7102.31"), as(CERTIFYING_OFFICER))
        .expectException(violates("EXPIRY_BEFORE_ISSUE"))
        .expectNoEvents();
  }

  @Test
  void recordsExportOnTheLastDayOfValidity() {
    fixture
        .given(ISSUED_EVENT)
        .when(new RecordCertificateExportCommand(CERT, SHIPMENT, EXPIRES), as(BUYER))
        .expectEvents(new CertificateUsedForExportEvent(CERT, SHIPMENT, EXPIRES));
  }

  @Test
  void rejectsExportAfterTheCertificateExpired() {
    fixture
        .given(ISSUED_EVENT)
        .when(new RecordCertificateExportCommand(CERT, SHIPMENT, EXPIRES.plusDays(1)), as(BUYER))
        .expectException(violates("CERTIFICATE_EXPIRED"))
        .expectNoEvents();
  }

  @Test
  void rejectsExportOfAnotherShipmentUnderTheCertificate() {
    fixture
        .given(ISSUED_EVENT)
        .when(new RecordCertificateExportCommand(CERT, "SHP-OTHER", day("2016-08-20")), as(BUYER))
        .expectException(violates("CERTIFICATE_SHIPMENT_MISMATCH"))
        .expectNoEvents();
  }

  @Test
  void rejectsSecondExportUnderTheSameCertificate() {
    fixture
        .given(ISSUED_EVENT, EXPORTED)
        .when(new RecordCertificateExportCommand(CERT, SHIPMENT, day("2016-08-21")), as(BUYER))
        .expectException(violates("CERTIFICATE_ALREADY_USED"))
        .expectNoEvents();
  }

  @Test
  void rejectsEndorsedExpiryAfterTheExportItCovered() {
    fixture
        .given(ISSUED_EVENT, EXPORTED)
        .when(
            endorse(EndorsableField.EXPIRES_ON, EXPIRES.plusDays(90).toString()),
            as(CERTIFYING_OFFICER))
        .expectException(violates("CERTIFICATE_ALREADY_USED"))
        .expectNoEvents();
  }

  @Test
  void rejectsExportUnderAVoidCertificate() {
    fixture
        .given(ISSUED_EVENT, new CertificateVoidedEvent(CERT, "reported stolen"))
        .when(new RecordCertificateExportCommand(CERT, SHIPMENT, day("2016-08-20")), as(BUYER))
        .expectException(violates("CERTIFICATE_VOID"))
        .expectNoEvents();
  }

  @Test
  void recordsMatchingImportConfirmationWithoutFlags() {
    fixture
        .given(ISSUED_EVENT, EXPORTED)
        .when(confirm("12.40", 1, IMPORTER, EXPORTER), as(IMPORT_OFFICER))
        .expectEvents(confirmed(ct("12.40"), 1, IMPORTER, List.of()));
  }

  @Test
  void recordsMismatchedImportConfirmationAsFlagged() {
    fixture
        .given(ISSUED_EVENT, EXPORTED)
        .when(confirm("12.10", 2, IMPORTER, EXPORTER), as(IMPORT_OFFICER))
        .expectEvents(
            confirmed(
                ct("12.10"),
                2,
                IMPORTER,
                List.of(
                    "carats: certificate 12.40, received 12.10",
                    "parcelCount: certificate 1, received 2")));
  }

  @Test
  void flagsAnImporterOrExporterOtherThanTheCertificateNames() {
    fixture
        .given(ISSUED_EVENT, EXPORTED)
        .when(confirm("12.40", 1, "Dubai Rough DMCC", "BAIE-LOBAYE"), as(IMPORT_OFFICER))
        .expectEvents(
            new ImportConfirmedEvent(
                CERT,
                IMPORT_OFFICER.organisationId(),
                day("2016-08-22"),
                ct("12.40"),
                1,
                "Dubai Rough DMCC",
                "BAIE-LOBAYE",
                List.of(
                    "importer: certificate " + IMPORTER + ", received Dubai Rough DMCC",
                    "exporter: certificate " + EXPORTER + ", received BAIE-LOBAYE")));
  }

  @Test
  void rejectsImportConfirmationByTheImportingAuthorityOfAnotherCountry() {
    fixture
        .given(ISSUED_EVENT, EXPORTED)
        .when(confirm("12.40", 1, IMPORTER, EXPORTER), as(UAE_OFFICER))
        .expectException(violates("NOT_DESTINATION_COUNTRY"))
        .expectNoEvents();
  }

  @Test
  void rejectsImportConfirmationByAnImportingAuthorityWhoseCaNamesNoCountry() {
    fixture
        .given(ISSUED_EVENT, EXPORTED)
        .when(confirm("12.40", 1, IMPORTER, EXPORTER), as(UNBOUND_OFFICER))
        .expectException(violates("IMPORTING_AUTHORITY_WITHOUT_COUNTRY"))
        .expectNoEvents();
  }

  @Test
  void importConfirmationFollowsTheEndorsedImporterCountry() {
    fixture
        .given(
            ISSUED_EVENT,
            EXPORTED,
            new CertificateEndorsedEvent(
                CERT, EndorsableField.IMPORTER_COUNTRY, "BE", "AE", "instruction of SPPK-RCA"))
        .when(confirm("12.40", 1, IMPORTER, EXPORTER), as(IMPORT_OFFICER))
        .expectException(violates("NOT_DESTINATION_COUNTRY"))
        .expectNoEvents();
  }

  @Test
  void rejectsImportConfirmationBeforeExport() {
    fixture
        .given(ISSUED_EVENT)
        .when(confirm("12.40", 1, IMPORTER, EXPORTER), as(IMPORT_OFFICER))
        .expectException(violates("NOT_EXPORTED"))
        .expectNoEvents();
  }

  @Test
  void rejectsSecondImportConfirmation() {
    fixture
        .given(ISSUED_EVENT, EXPORTED, confirmed(ct("12.40"), 1, IMPORTER, List.of()))
        .when(confirm("12.40", 1, IMPORTER, EXPORTER), as(IMPORT_OFFICER))
        .expectException(violates("IMPORT_ALREADY_CONFIRMED"))
        .expectNoEvents();
  }

  @Test
  void rejectsImportConfirmationOfAVoidCertificate() {
    fixture
        .given(ISSUED_EVENT, EXPORTED, new CertificateVoidedEvent(CERT, "forged copy"))
        .when(confirm("12.40", 1, IMPORTER, EXPORTER), as(IMPORT_OFFICER))
        .expectException(violates("CERTIFICATE_VOID"))
        .expectNoEvents();
  }

  @Test
  void voidsACertificate() {
    fixture
        .given(ISSUED_EVENT)
        .when(new VoidCertificateCommand(CERT, "shipment withdrawn"), as(CERTIFYING_OFFICER))
        .expectEvents(new CertificateVoidedEvent(CERT, "shipment withdrawn"));
  }

  @Test
  void rejectsVoidingACertificateTwice() {
    fixture
        .given(ISSUED_EVENT, new CertificateVoidedEvent(CERT, "shipment withdrawn"))
        .when(new VoidCertificateCommand(CERT, "again"), as(CERTIFYING_OFFICER))
        .expectException(violates("CERTIFICATE_VOID"))
        .expectNoEvents();
  }

  @Test
  void endorsesImporterNameKeepingThePreviousValue() {
    fixture
        .given(ISSUED_EVENT)
        .when(
            endorse(EndorsableField.IMPORTER_NAME, "Antwerp Rough Trading NV"),
            as(CERTIFYING_OFFICER))
        .expectEvents(
            new CertificateEndorsedEvent(
                CERT,
                EndorsableField.IMPORTER_NAME,
                IMPORTER,
                "Antwerp Rough Trading NV",
                "instruction of SPPK-RCA"));
  }

  @Test
  void checksImportConfirmationAgainstTheEndorsedImporter() {
    fixture
        .given(
            ISSUED_EVENT,
            new CertificateEndorsedEvent(
                CERT, EndorsableField.IMPORTER_NAME, IMPORTER, "Antwerp Rough Trading NV", "typo"),
            EXPORTED)
        .when(confirm("12.40", 1, "Antwerp Rough Trading NV", EXPORTER), as(IMPORT_OFFICER))
        .expectEvents(confirmed(ct("12.40"), 1, "Antwerp Rough Trading NV", List.of()));
  }

  @Test
  void acceptsEndorsedExpiryAfterIssue() {
    fixture
        .given(ISSUED_EVENT)
        .when(endorse(EndorsableField.EXPIRES_ON, "2016-10-31"), as(CERTIFYING_OFFICER))
        .expectEvents(
            new CertificateEndorsedEvent(
                CERT,
                EndorsableField.EXPIRES_ON,
                "2016-10-11",
                "2016-10-31",
                "instruction of SPPK-RCA"));
  }

  @Test
  void rejectsEndorsedExpiryOnTheIssueDay() {
    fixture
        .given(ISSUED_EVENT)
        .when(endorse(EndorsableField.EXPIRES_ON, "2016-08-12"), as(CERTIFYING_OFFICER))
        .expectException(violates("EXPIRY_BEFORE_ISSUE"))
        .expectNoEvents();
  }

  @Test
  void rejectsEndorsedExpiryThatIsNotADate() {
    fixture
        .given(ISSUED_EVENT)
        .when(endorse(EndorsableField.EXPIRES_ON, "11/10/2016"), as(CERTIFYING_OFFICER))
        .expectException(violates("DATE_INVALID"))
        .expectNoEvents();
  }

  @Test
  void acceptsEndorsedCountryThatIsAnIsoCode() {
    fixture
        .given(ISSUED_EVENT)
        .when(endorse(EndorsableField.IMPORTER_COUNTRY, "AE"), as(CERTIFYING_OFFICER))
        .expectEvents(
            new CertificateEndorsedEvent(
                CERT, EndorsableField.IMPORTER_COUNTRY, "BE", "AE", "instruction of SPPK-RCA"));
  }

  @Test
  void rejectsEndorsedCountryThatIsNotAnIsoCode() {
    fixture
        .given(ISSUED_EVENT)
        .when(endorse(EndorsableField.IMPORTER_COUNTRY, "Belgium"), as(CERTIFYING_OFFICER))
        .expectException(violates("COUNTRY_INVALID"))
        .expectNoEvents();
  }

  @Test
  void rejectsEndorsementOfAVoidCertificate() {
    fixture
        .given(ISSUED_EVENT, new CertificateVoidedEvent(CERT, "forged copy"))
        .when(endorse(EndorsableField.IMPORTER_NAME, "Someone Else BV"), as(CERTIFYING_OFFICER))
        .expectException(violates("CERTIFICATE_VOID"))
        .expectNoEvents();
  }

  private static final String HASH = CertificateContent.of(ISSUED_EVENT).sha256Hex();

  private static RecordChannelConfirmationCommand onChannel(String txId, String hash) {
    return new RecordChannelConfirmationCommand(CERT, "kp-channel", txId, 42, "BeImportMSP", hash);
  }

  private static CertificateConfirmedOnChannelEvent confirmedOnChannel(String txId) {
    return new CertificateConfirmedOnChannelEvent(
        CERT, "kp-channel", txId, 42, "BeImportMSP", HASH);
  }

  @Test
  void recordsTheImportingAuthoritysConfirmationOnTheChannelWithItsTransaction() {
    fixture
        .given(ISSUED_EVENT, EXPORTED)
        .when(onChannel("tx-1", HASH))
        .expectEvents(confirmedOnChannel("tx-1"))
        .expectResultMessagePayload(true);
  }

  @Test
  void recordsNothingNewWhenTheSameChannelTransactionIsSeenAgain() {
    fixture
        .given(ISSUED_EVENT, EXPORTED, confirmedOnChannel("tx-1"))
        .when(onChannel("tx-1", HASH))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(false)
        .expectNoEvents();
  }

  @Test
  void rejectsAChannelConfirmationOfOtherContentThanTheCertificates() {
    fixture
        .given(ISSUED_EVENT, EXPORTED)
        .when(onChannel("tx-1", "0".repeat(64)))
        .expectException(violates("CHANNEL_CONTENT_HASH_MISMATCH"))
        .expectNoEvents();
  }

  @Test
  void rejectsASecondChannelConfirmationByAnotherTransaction() {
    fixture
        .given(ISSUED_EVENT, EXPORTED, confirmedOnChannel("tx-1"))
        .when(onChannel("tx-2", HASH))
        .expectException(violates("ALREADY_CONFIRMED_ON_CHANNEL"))
        .expectNoEvents();
  }

  @Test
  void theChannelConfirmationPinsTheContentAsIssuedNotAsEndorsedLater() {
    fixture
        .given(
            ISSUED_EVENT,
            new CertificateEndorsedEvent(
                CERT, EndorsableField.IMPORTER_NAME, IMPORTER, "Other BV", "typo"))
        .when(onChannel("tx-1", HASH))
        .expectEvents(confirmedOnChannel("tx-1"));
  }
}
