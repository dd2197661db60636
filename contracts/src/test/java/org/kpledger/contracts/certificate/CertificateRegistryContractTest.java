package org.kpledger.contracts.certificate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kpledger.contracts.Refusals.assertRefused;
import static org.kpledger.contracts.TestOrganisations.CAR_KP;
import static org.kpledger.contracts.TestOrganisations.IMPORTER;
import static org.kpledger.contracts.TestOrganisations.MONITORING;
import static org.kpledger.contracts.TestOrganisations.OTHER_IMPORTER;
import static org.kpledger.contracts.TestOrganisations.STATELESS_IMPORTER;
import static org.mockito.AdditionalMatchers.aryEq;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.Test;
import org.kpledger.contracts.StubLedger;

class CertificateRegistryContractTest {

  private static final String NUMBER = "CF-2026-000123";
  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final String OTHER_HASH = HASH.replace('9', '8');
  private static final Instant T1 = Instant.parse("2026-11-27T12:00:00Z");
  private static final Instant T2 = Instant.parse("2026-12-03T08:30:00Z");

  private static final String REGISTERED =
      "{\"number\":\"CF-2026-000123\",\"contentHash\":\""
          + HASH
          + "\",\"exporterMsp\":\"CarKpMSP\",\"destinationCountry\":\"BE\",\"status\":\"REGISTERED\","
          + "\"registeredTxId\":\"tx-reg\",\"registeredAt\":\"2026-11-27T12:00:00Z\"}";
  private static final String CONFIRMED =
      "{\"number\":\"CF-2026-000123\",\"contentHash\":\""
          + HASH
          + "\",\"exporterMsp\":\"CarKpMSP\",\"destinationCountry\":\"BE\",\"status\":\"CONFIRMED\","
          + "\"registeredTxId\":\"tx-reg\",\"registeredAt\":\"2026-11-27T12:00:00Z\","
          + "\"confirmedByMsp\":\"ImporterMSP\",\"confirmedTxId\":\"tx-conf\",\"confirmedAt\":\"2026-12-03T08:30:00Z\"}";

  private final CertificateRegistryContract contract = new CertificateRegistryContract();
  private final StubLedger ledger = new StubLedger();

  @Test
  void theExportingKpAuthorityRegistersACertificateAsExactBytesWithAnEvent() {
    contract.registerCertificate(register(), NUMBER, HASH, "BE");
    byte[] bytes = REGISTERED.getBytes(UTF_8);
    verify(ledger.stub()).putState(eq(CertificateRegistryContract.key(NUMBER)), aryEq(bytes));
    verify(ledger.stub()).setEvent(eq(CertificateRegistryContract.REGISTERED_EVENT), aryEq(bytes));
  }

  @Test
  void theImportingAuthorityConfirmsReceiptAgainstTheRegisteredHashAsExactBytes() {
    contract.registerCertificate(register(), NUMBER, HASH, "BE");
    contract.confirmCertificate(ledger.tx(IMPORTER.client(), "tx-conf", T2), NUMBER, HASH);
    byte[] bytes = CONFIRMED.getBytes(UTF_8);
    verify(ledger.stub()).putState(eq(CertificateRegistryContract.key(NUMBER)), aryEq(bytes));
    verify(ledger.stub()).setEvent(eq(CertificateRegistryContract.CONFIRMED_EVENT), aryEq(bytes));
  }

  @Test
  void anyoneOnTheChannelReadsACertificatesStatus() {
    contract.registerCertificate(register(), NUMBER, HASH, "BE");
    Context monitor = ledger.tx(MONITORING.client(), "tx-q", T2);
    assertThat(contract.getCertificate(monitor, NUMBER)).isEqualTo(REGISTERED);
    assertRefused(() -> contract.getCertificate(monitor, "CF-0"), "UNKNOWN_CERTIFICATE");
  }

  @Test
  void refusesASecondRegistrationOfTheSameNumber() {
    contract.registerCertificate(register(), NUMBER, HASH, "BE");
    assertNothingWritten(
        () -> contract.registerCertificate(register(), NUMBER, OTHER_HASH, "BE"),
        "DUPLICATE_CERTIFICATE");
  }

  @Test
  void refusesRegistrationByAnOrganisationThatIsNotAKpAuthority() {
    assertNothingWritten(
        () ->
            contract.registerCertificate(
                ledger.tx(MONITORING.admin(), "tx-x", T1), NUMBER, HASH, "BE"),
        "NOT_KP_AUTHORITY");
  }

  @Test
  void refusesConfirmationByAnOrganisationWhoseCaIsNotAnImportingAuthority() {
    contract.registerCertificate(register(), NUMBER, HASH, "BE");
    for (byte[] creator : new byte[][] {MONITORING.client(), CAR_KP.client(), CAR_KP.admin()}) {
      assertNothingWritten(
          () -> contract.confirmCertificate(ledger.tx(creator, "tx-x", T2), NUMBER, HASH),
          "NOT_IMPORTING_AUTHORITY");
    }
  }

  @Test
  void refusesConfirmationByAnImportingAuthorityOfAnotherCountryOrOfNone() {
    contract.registerCertificate(register(), NUMBER, HASH, "BE");
    for (byte[] creator :
        new byte[][] {
          OTHER_IMPORTER.client(), OTHER_IMPORTER.admin(), STATELESS_IMPORTER.client()
        }) {
      assertNothingWritten(
          () -> contract.confirmCertificate(ledger.tx(creator, "tx-x", T2), NUMBER, HASH),
          "NOT_DESTINATION_COUNTRY");
    }
  }

  @Test
  void anImportingAuthorityOfTheDestinationCountryConfirmsWhateverItsMspId() {
    contract.registerCertificate(register(), NUMBER, HASH, "AE");
    contract.confirmCertificate(ledger.tx(OTHER_IMPORTER.client(), "tx-conf", T2), NUMBER, HASH);
    assertThat(contract.getCertificate(ledger.tx(MONITORING.client(), "tx-q", T2), NUMBER))
        .contains("\"status\":\"CONFIRMED\"")
        .contains("\"confirmedByMsp\":\"AeImportMSP\"");
  }

  @Test
  void refusesConfirmationOfOtherContent() {
    contract.registerCertificate(register(), NUMBER, HASH, "BE");
    assertNothingWritten(
        () ->
            contract.confirmCertificate(
                ledger.tx(IMPORTER.client(), "tx-x", T2), NUMBER, OTHER_HASH),
        "CONTENT_HASH_MISMATCH");
  }

  @Test
  void refusesASecondConfirmation() {
    contract.registerCertificate(register(), NUMBER, HASH, "BE");
    contract.confirmCertificate(ledger.tx(IMPORTER.client(), "tx-conf", T2), NUMBER, HASH);
    assertNothingWritten(
        () -> contract.confirmCertificate(ledger.tx(IMPORTER.client(), "tx-x", T2), NUMBER, HASH),
        "ALREADY_CONFIRMED");
  }

  @Test
  void refusesConfirmationOfAnUnregisteredCertificate() {
    assertNothingWritten(
        () -> contract.confirmCertificate(ledger.tx(IMPORTER.client(), "tx-x", T2), NUMBER, HASH),
        "UNKNOWN_CERTIFICATE");
  }

  @Test
  void refusesMalformedArgumentsAndTheExportersOwnCountryAsDestination() {
    assertNothingWritten(
        () -> contract.registerCertificate(register(), "bad number", HASH, "BE"), "MALFORMED");
    assertNothingWritten(
        () -> contract.registerCertificate(register(), NUMBER, HASH.toUpperCase(), "BE"),
        "MALFORMED");
    for (String country : new String[] {"CF", "be", "BEL", "", "ImporterMSP"}) {
      assertNothingWritten(
          () -> contract.registerCertificate(register(), NUMBER, HASH, country), "MALFORMED");
    }
  }

  private Context register() {
    return ledger.tx(CAR_KP.client(), "tx-reg", T1);
  }

  private void assertNothingWritten(Runnable call, String code) {
    clearInvocations(ledger.stub());
    assertRefused(call, code);
    verify(ledger.stub(), never()).putState(anyString(), any(byte[].class));
    verify(ledger.stub(), never()).setEvent(anyString(), any(byte[].class));
  }
}
