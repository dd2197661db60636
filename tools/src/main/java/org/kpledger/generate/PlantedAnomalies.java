package org.kpledger.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of what a generated year plants for the anomaly flags and the certificate
 * cross-check (issue #19), a pure function of its plan; the generator writes it to {@code
 * <state>/planted.json} so a reader checks the flags against it.
 *
 * @param mispricedLots lots priced at twelve times or a twelfth of their value ({@code
 *     VALUE_PER_CARAT_OUTLIER}, {@link PurchaseBook#mispriced})
 * @param bulkSites sites whose miners declare the year's production in one entry ({@code
 *     SITE_OVER_PRODUCTION}, {@link Country#declaresInBulk})
 * @param purchaseJumps miners whose purchases jump in one quarter ({@code PURCHASE_JUMP}, {@link
 *     PlantedJumps})
 * @param unconfirmedCertificates certificates of exported shipments the importing authority never
 *     confirms ({@code UNCONFIRMED} in the cross-check, {@link Shipments#neverConfirmed})
 * @param mismatchedCertificates certificates confirmed with other carats ({@code
 *     CONFIRMED_WITH_MISMATCHES}, {@link Shipments#confirmedWithMismatch})
 */
record PlantedAnomalies(
    List<String> mispricedLots,
    List<String> bulkSites,
    List<Jump> purchaseJumps,
    List<String> unconfirmedCertificates,
    List<String> mismatchedCertificates) {

  /** The file in the state directory. */
  static final String FILE = "planted.json";

  /**
   * A planted jump as the flag names it.
   *
   * @param minerId the flag's subject
   * @param quarter the flag's period, {@code 2026-Q3}
   * @param earlierQuarters the miner's carats in each earlier quarter with sales
   * @param carats the miner's carats in the quarter, the extra slips included
   * @param officeId the buying office that bought the extra slips and keeps them
   * @param lots the extra slips' lots
   */
  record Jump(
      String minerId,
      String quarter,
      List<BigDecimal> earlierQuarters,
      BigDecimal carats,
      String officeId,
      List<String> lots) {}

  static PlantedAnomalies of(Country country, PlantedJumps jumps) {
    List<String> lots = new ArrayList<>();
    for (int i = 0; i < country.scale.slips(); i++) {
      if (PurchaseBook.mispriced(i)) {
        lots.add(country.lot(i));
      }
    }
    List<String> sites = new ArrayList<>();
    for (int s = 0; s < country.scale.sites(); s++) {
      if (country.declaresInBulk(s)) {
        sites.add(country.site(s));
      }
    }
    List<String> unconfirmed = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    int shipments = country.scale.shipments();
    for (int k = 0; k < shipments; k++) {
      if (Shipments.exported(k) && Shipments.neverConfirmed(k, shipments)) {
        unconfirmed.add(country.certificate(k));
      } else if (Shipments.exported(k) && Shipments.confirmedWithMismatch(k)) {
        mismatched.add(country.certificate(k));
      }
    }
    List<Jump> planted =
        jumps.jumps().stream()
            .map(
                j ->
                    new Jump(
                        country.miner(j.miner()),
                        j.quarter(),
                        j.earlierCents().stream().map(c -> BigDecimal.valueOf(c, 2)).toList(),
                        BigDecimal.valueOf(j.quarterCents(), 2),
                        country.office(j.office()),
                        j.slips().stream().map(PlantedJumps.Slip::lot).toList()))
            .toList();
    return new PlantedAnomalies(lots, sites, planted, unconfirmed, mismatched);
  }

  /** Writes the manifest to {@code <stateDir>/planted.json} (replacing it atomically). */
  void write(Path stateDir) throws IOException {
    Path tmp = stateDir.resolve(FILE + ".tmp");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), this);
    Files.move(tmp, stateDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a manifest the generator wrote. */
  static PlantedAnomalies read(Path stateDir) throws IOException {
    return new ObjectMapper().readValue(stateDir.resolve(FILE).toFile(), PlantedAnomalies.class);
  }
}
