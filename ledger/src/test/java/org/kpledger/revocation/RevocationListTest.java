package org.kpledger.revocation;

import static org.kpledger.custody.RuleViolations.violates;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CRLs are recorded in increasing CRL-number order (RFC 5280 §5.2.3). */
class RevocationListTest {
  private static final String ORG = "BAIE-MAMBERE";

  /** Opaque to the aggregate: the api verifies the CRL before the command is sent. */
  private static final String CRL = "MIIBszCBnAIBATANBgkqhkiG9w0BAQsFADA";

  private AggregateTestFixture<RevocationList> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(RevocationList.class);
  }

  @Test
  void recordsTheFirstCrlOfAnOrganisation() {
    fixture
        .givenNoPriorActivity()
        .when(new PublishRevocationListCommand(ORG, 1L, CRL))
        .expectEvents(new RevocationListPublishedEvent(ORG, 1L, CRL));
  }

  @Test
  void acceptsCrlNewerThanTheLast() {
    fixture
        .given(new RevocationListPublishedEvent(ORG, 7L, CRL))
        .when(new PublishRevocationListCommand(ORG, 8L, CRL))
        .expectEvents(new RevocationListPublishedEvent(ORG, 8L, CRL));
  }

  @Test
  void rejectsCrlWithTheSameNumberAsTheLast() {
    fixture
        .given(new RevocationListPublishedEvent(ORG, 7L, CRL))
        .when(new PublishRevocationListCommand(ORG, 7L, CRL))
        .expectException(violates("STALE_CRL"))
        .expectNoEvents();
  }

  @Test
  void rejectsCrlOlderThanTheLast() {
    fixture
        .given(new RevocationListPublishedEvent(ORG, 7L, CRL))
        .when(new PublishRevocationListCommand(ORG, 6L, CRL))
        .expectException(violates("STALE_CRL"))
        .expectNoEvents();
  }

  @Test
  void rejectsCrlWithoutANumber() {
    fixture
        .givenNoPriorActivity()
        .when(new PublishRevocationListCommand(ORG, null, CRL))
        .expectException(violates("STALE_CRL"))
        .expectNoEvents();
  }
}
