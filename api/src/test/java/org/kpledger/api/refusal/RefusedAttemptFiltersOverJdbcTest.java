package org.kpledger.api.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kpledger.api.command.RefusedAttempts;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A slice of the read side: the refused attempts' filters ({@link RefusedAttemptQueries}) on an
 * in-memory H2 database, without a node. The attempts are written as rows with chosen record times
 * and indexed by subject as a node starting indexes attempts recorded before the index existed
 * ({@link RefusedAttempts}); who may read which attempts and the HTTP shape stay in {@code
 * RefusedAttemptsTest}. Here the SQL's rules: days are Bangui days, a subject is a whole value the
 * payload names at any depth, every criterion given must hold, newest first.
 */
class RefusedAttemptFiltersOverJdbcTest {
  private JdbcTemplate jdbc;
  private RefusedAttemptQueries queries;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:refused-attempts-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(h2);
    new RefusedAttempts(jdbc);
    queries = new RefusedAttemptQueries(jdbc);
    // 23:30 UTC on the 4th is 00:30 on the 5th in Bangui (UTC+1)
    attempt(
        "ProposeShipment",
        "alpha-buyer",
        "BO-ALPHA",
        "2024-03-04T23:30:00Z",
        "{\"shipmentId\":\"SH-1\",\"parcelIds\":[\"P-1A\"],\"carats\":30.00}");
    attempt(
        "OfferTransfer",
        "beta-buyer",
        "BO-BETA",
        "2024-03-04T22:30:00Z",
        "{\"parcelId\":\"P-1\",\"transferId\":\"TR-1\",\"toParty\":\"BO-BETA\"}");
    attempt(
        "ProposeShipment",
        "alpha-buyer",
        "BO-ALPHA",
        "2024-03-06T10:00:00Z",
        "{\"shipmentId\":\"SH-2\",\"importer\":{\"name\":\"SH-1\",\"country\":\"BE\"}}");
    attempt(
        "RecordPurchase",
        "col-mbali",
        "COLL-MK",
        "2024-03-06T11:00:00Z",
        "{\"lotId\":\"LOT-1\",\"parcelId\":\"P-1A\"}");
    // as a node starting indexes the attempts recorded before the subject index existed
    new RefusedAttempts(jdbc);
  }

  @AfterEach
  void dropDatabase() {
    jdbc.execute("SHUTDOWN");
  }

  @Test
  void fromAndToAreBanguiDaysBothIncluded() {
    assertThat(commands(filter(null, null, null, null, day("2024-03-04"), day("2024-03-04"))))
        .containsExactly("OfferTransfer");
    assertThat(commands(filter(null, null, null, null, day("2024-03-05"), day("2024-03-05"))))
        .containsExactly("ProposeShipment");
    assertThat(commands(filter(null, null, null, null, day("2024-03-06"), null)))
        .containsExactly("RecordPurchase", "ProposeShipment");
    assertThat(commands(filter(null, null, null, null, null, day("2024-03-05")))).hasSize(2);
  }

  @Test
  void aSubjectIsAWholeValueThePayloadNamesAtAnyDepthNotAPartOfOne() {
    assertThat(ids(filter(null, null, null, "P-1A", null, null))).containsExactly(4L, 1L);
    assertThat(ids(filter(null, null, null, "P-1", null, null))).containsExactly(2L);
    assertThat(ids(filter(null, null, null, "SH-1", null, null)))
        .as("the importer's name too is a value the payload names")
        .containsExactly(3L, 1L);
    assertThat(ids(filter(null, null, null, "SH", null, null))).isEmpty();
  }

  @Test
  void everyCriterionGivenMustHoldAndThePageCountsOnlyTheMatches() {
    Page<RefusedAttempt> page =
        queries.page(
            filter("BO-ALPHA", "alpha-buyer", "ProposeShipment", "SH-1", null, null),
            PageRequest.of(0, 1));
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items()).extracting(RefusedAttempt::id).containsExactly(3L);
    assertThat(ids(filter("BO-ALPHA", "beta-buyer", null, null, null, null))).isEmpty();
    assertThat(ids(filter("COLL-MK", null, "ProposeShipment", null, null, null))).isEmpty();
    assertThat(ids(filter(null, null, null, null, null, null))).containsExactly(4L, 3L, 2L, 1L);
  }

  @Test
  void theRefusedProposalsOfAShipmentAreThoseProposingItNotThoseMerelyNamingIt() {
    assertThat(queries.proposalsOf("SH-1")).hasSize(1);
    assertThat(queries.proposalsOf("SH-2")).hasSize(1);
    assertThat(queries.proposalsOf("P-1A")).isEmpty();
  }

  @Test
  void aPayloadIsShownWithItsDecimalsAsSigned() {
    RefusedAttempt first =
        queries
            .page(
                filter(null, null, null, "SH-1", day("2024-03-05"), day("2024-03-05")),
                PageRequest.of(0, 10))
            .items()
            .get(0);
    assertThat(first.payload().path("carats").toString()).isEqualTo("30.00");
    assertThat(first.refusedAt()).isEqualTo(Instant.parse("2024-03-04T23:30:00Z"));
  }

  private static RefusedAttemptQueries.Filter filter(
      String org, String actor, String type, String subject, LocalDate from, LocalDate to) {
    return new RefusedAttemptQueries.Filter(org, actor, type, subject, from, to);
  }

  private java.util.List<Long> ids(RefusedAttemptQueries.Filter f) {
    return queries.page(f, PageRequest.of(0, 100)).items().stream()
        .map(RefusedAttempt::id)
        .toList();
  }

  private java.util.List<String> commands(RefusedAttemptQueries.Filter f) {
    return queries.page(f, PageRequest.of(0, 100)).items().stream()
        .map(RefusedAttempt::commandType)
        .toList();
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  private void attempt(String type, String actor, String org, String at, String payload) {
    jdbc.update(
        "INSERT INTO refused_attempt (command_id, command_type, actor_id, organisation_id,"
            + " actor_role, reason_code, message, envelope, refused_at)"
            + " VALUES (?, ?, ?, ?, 'BUYER', 'RULE', 'refused', ?, ?)",
        "cmd-" + at,
        type,
        actor,
        org,
        "{\"commandType\":\"" + type + "\",\"payload\":" + payload + "}",
        Timestamp.from(Instant.parse(at)));
  }
}
