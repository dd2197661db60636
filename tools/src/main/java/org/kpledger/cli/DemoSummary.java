package org.kpledger.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code kp serve --demo} tells the person who started it (issue #17): the demo actors' key
 * folders, the shipments to try and the web console's address. Every id it names is one the demo
 * scenario creates ({@code DemoAndCommandLineTest} checks each against a node the demo loaded), so
 * a change to the scenario that the summary does not follow fails a test instead of misleading a
 * newcomer.
 */
final class DemoSummary {

  /**
   * A shipment the demo leaves in a known state.
   *
   * @param shipmentId the id to query
   * @param status the status {@code GET /api/shipments} lists it with, or {@code null} for one the
   *     ledger knows only from refused proposals
   * @param refusedWith the rule its proposal was refused with, or {@code null}
   * @param what what the demo did with it, for a person
   */
  record ShipmentToTry(String shipmentId, String status, String refusedWith, String what) {}

  /** The certificate the exported shipment left under, confirmed by Belgium's authority. */
  static final String CERTIFICATE = "CF-2026-0001";

  /** The shipments the summary names, in the order it names them. */
  static final List<ShipmentToTry> SHIPMENTS =
      List.of(
          new ShipmentToTry(
              "SH-ALPHA-001",
              "EXPORTED",
              null,
              "certified (" + CERTIFICATE + "), exported, import confirmed by Belgium"),
          new ShipmentToTry(
              "SH-ALPHA-002", "PROPOSED", null, "proposed, awaiting the Monitoring Team's review"),
          new ShipmentToTry(
              "SH-BETA-001",
              null,
              "ZONE_NOT_COMPLIANT",
              "refused by the export gate at proposal (a lot bought in Bria)"),
          new ShipmentToTry("SH-BETA-002", "REJECTED", null, "rejected by the Monitoring Team"));

  private DemoSummary() {}

  /**
   * The summary's lines.
   *
   * @param dataDir the node's data directory, where the demo keeps its key folders ({@code demo})
   * @param consoleUrl the web console's address, the node's own
   */
  static List<String> lines(Path dataDir, String consoleUrl) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "demo actors' keys (sign in to the web console with an actor's key.pem and cert.pem):");
    DemoOrganisations.keyFiles(dataDir.resolve("demo")).forEach(line -> lines.add("  " + line));
    lines.add("demo shipments to try (kp query, or the console's dossier):");
    for (ShipmentToTry s : SHIPMENTS) {
      lines.add(String.format("  %-14s%s", s.shipmentId(), s.what()));
    }
    lines.add("web console: " + consoleUrl);
    return lines;
  }
}
