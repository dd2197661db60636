package org.kpledger.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.kpledger.api.access.SignedRequest;

/**
 * A year generated into a ledger, as a reader sees it: the shipments and buying offices it holds,
 * its dates, and signed-request headers of its Monitoring Team member and auditor, for benchmarks
 * and tests that query it.
 */
public final class GeneratedLedger {
  private final Country country;
  private final Identities ids;

  private GeneratedLedger(Country country, Identities ids) {
    this.country = country;
    this.ids = ids;
  }

  /** Opens the year whose state directory this is; its identities must exist. */
  public static GeneratedLedger open(Path stateDir, Path trustDir) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(stateDir.resolve(GeneratorState.FILE))) {
      p.load(in);
    }
    Country country =
        new Country(
            p.getProperty("prefix"),
            Scale.of(Double.parseDouble(p.getProperty("size"))),
            LocalDate.parse(p.getProperty("yearEnd")));
    return new GeneratedLedger(country, Identities.prepare(stateDir, trustDir, country));
  }

  /** Whether the generator finished this year. */
  public static boolean complete(Path stateDir) {
    return GeneratorState.complete(stateDir);
  }

  /** Every shipment proposed and accepted by the ledger. */
  public List<String> shipments() {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < country.scale.shipments(); k++) {
      out.add(country.shipment(k));
    }
    return out;
  }

  public List<String> offices() {
    List<String> out = new ArrayList<>();
    for (int b = 0; b < country.scale.offices(); b++) {
      out.add(country.office(b));
    }
    return out;
  }

  /**
   * The certificate number each shipment would carry if certified (the generator certifies most
   * approved shipments, not all: a reader checks which the ledger knows).
   */
  public List<String> certificateNumbers() {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < country.scale.shipments(); k++) {
      out.add(country.certificate(k));
    }
    return out;
  }

  public LocalDate yearStart() {
    return country.yearStart;
  }

  public LocalDate yearEnd() {
    return country.yearEnd;
  }

  /** Headers of a GET signed now by the Monitoring Team member (who may read everything). */
  public Map<String, String> monitorHeaders(String method, String target) {
    return headers(ids.get(ids.monitor), method, target);
  }

  /** Headers signed now by the forensic auditor (who may also replay projections). */
  public Map<String, String> auditorHeaders(String method, String target) {
    return headers(ids.get(ids.auditor), method, target);
  }

  /** Headers signed now by the buyer of one of {@link #offices()}. */
  public Map<String, String> buyerHeaders(String office, String method, String target) {
    for (int b = 0; b < country.scale.offices(); b++) {
      if (country.office(b).equals(office)) {
        return headers(ids.get(country.buyer(b)), method, target);
      }
    }
    throw new IllegalArgumentException("not a buying office of this year: " + office);
  }

  private static Map<String, String> headers(Signer s, String method, String target) {
    return SignedRequest.headers(method, target, Instant.now(), s.certificate(), s.key());
  }
}
