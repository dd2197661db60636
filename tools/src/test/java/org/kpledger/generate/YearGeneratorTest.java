package org.kpledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kpledger.api.LedgerApplication;
import org.kpledger.api.ReadTestBase;
import org.kpledger.api.storage.CommandKey;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The generator against a real node: a tiny year records every planned command, refusals exactly
 * where planned; a year interrupted midway (and its journal cut short, as a kill would) and resumed
 * ends with the same events, refused attempts and receipts as an uninterrupted one, and a third run
 * finds nothing left to do.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = LedgerApplication.class)
class YearGeneratorTest extends ReadTestBase {

  @Test
  void aTinyYearRecordsEveryPlannedCommandAndRefusesExactlyThePlannedOnes() {
    TinyYear year = new TinyYear("GA", DATA, port);
    YearGenerator.Result r = year.run(0);
    assertThat(r.complete()).isTrue();
    assertThat(r.plannedRefusals()).isGreaterThanOrEqualTo(5);
    assertThat(r.accepted()).isEqualTo(r.planned() - r.plannedRefusals());
    assertThat(r.refused()).isEqualTo(r.plannedRefusals());
    assertThat(r.alreadyRecorded()).isZero();
    assertThat(refusedAttempts("GA"))
        .containsOnlyKeys(
            "PATENTE_NOT_VALID",
            "SALES_EXCEED_PRODUCTION",
            "ZONE_NOT_COMPLIANT",
            "STOCKPILE_QUARANTINED",
            "PARCEL_CONFISCATED",
            "NOT_HOLDER");
    assertThat(refusedAttempts("GA").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(r.plannedRefusals());
    assertThat(receipts(year).values().stream().filter(s -> s == 200).count())
        .isEqualTo(r.accepted());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%LotPurchasedEvent'"
                    + " AND aggregate_identifier LIKE 'GA-L-%'",
                Long.class))
        .isEqualTo((long) (TinyYear.SIZE * 100_000));
    assertThat(events("GA"))
        .containsKeys(
            "ShipmentExportedEvent",
            "ImportConfirmedEvent",
            "ShipmentRejectedEvent",
            "QuarantineClearedEvent",
            "ConfiscationDisposedEvent",
            "ParcelSplitOffEvent");
  }

  @Test
  void anInterruptedYearResumedEndsExactlyAsAnUninterruptedOne() throws IOException {
    TinyYear whole = new TinyYear("GW", DATA, port);
    YearGenerator.Result single = whole.run(0);
    assertThat(single.complete()).isTrue();

    TinyYear cut = new TinyYear("GK", DATA, port);
    YearGenerator.Result first = cut.run(single.planned() / 2);
    assertThat(first.complete()).isFalse();
    dropLastJournalLines(cut.stateDir, 7); // a kill between the node's answer and the journal
    YearGenerator.Result resumed = cut.run(0);
    assertThat(resumed.complete()).isTrue();
    assertThat(resumed.alreadyRecorded()).isGreaterThanOrEqualTo(7);
    assertThat(first.answeredThisRun() + resumed.answeredThisRun() - resumed.alreadyRecorded())
        .isEqualTo(single.planned());
    YearGenerator.Result again = cut.run(0);
    assertThat(again.complete()).isTrue();
    assertThat(again.answeredThisRun()).isZero();

    assertThat(events("GK")).isEqualTo(events("GW"));
    assertThat(refusedAttempts("GK")).isEqualTo(refusedAttempts("GW"));
    Map<String, Integer> w = receipts(whole);
    Map<String, Integer> k = receipts(cut);
    assertThat(w).hasSize((int) single.planned());
    assertThat(k.keySet()).isEqualTo(w.keySet());
    assertThat(k.entrySet().stream().filter(e -> !e.getValue().equals(w.get(e.getKey()))))
        .as("steps whose receipts differ")
        .isEmpty();
  }

  private static void dropLastJournalLines(Path stateDir, int n) throws IOException {
    Path journal = stateDir.resolve("journal.log");
    List<String> lines = Files.readAllLines(journal).stream().filter(l -> !l.isBlank()).toList();
    Files.write(journal, lines.subList(0, lines.size() - n));
  }

  /** Events per type over the aggregates of one generated year. */
  private Map<String, Long> events(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    jdbc.query(
        "SELECT payload_type, COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?"
            + " OR aggregate_identifier LIKE ? GROUP BY payload_type",
        rs -> {
          String type = rs.getString(1);
          out.put(type.substring(type.lastIndexOf('.') + 1), rs.getLong(2));
        },
        prefix + "-%",
        "CF-" + prefix + "-%");
    return out;
  }

  /** Refused attempts per reason over the actors of one generated year. */
  private Map<String, Long> refusedAttempts(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    jdbc.query(
        "SELECT reason_code, COUNT(*) FROM refused_attempt WHERE actor_id LIKE ?"
            + " GROUP BY reason_code",
        rs -> {
          out.put(rs.getString(1), rs.getLong(2));
        },
        prefix + "-%");
    return out;
  }

  /** The receipt status of every planned step, by step key. */
  private Map<String, Integer> receipts(TinyYear year) {
    Map<String, Integer> out = new TreeMap<>();
    year.commandIds()
        .forEach(
            (key, id) ->
                jdbc.query(
                    "SELECT http_status FROM command_receipt WHERE command_key = ?",
                    rs -> {
                      out.put(key.replace(year.prefix + "-", "P-"), rs.getInt(1));
                    },
                    CommandKey.of(id)));
    return out;
  }
}
