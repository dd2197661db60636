package org.kpledger.api.lineage;

import java.util.List;
import java.util.Map;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.shipment.GateCheck;

/**
 * The whole lineage of a trace, every origin judged once: what a trace back's summary is counted
 * from and its pages are cut from, and what the shipment dossier reads.
 *
 * @param start the items the trace starts from
 * @param itemIds every item of the lineage, in id order
 * @param madeFrom the merge and split edges into each item
 * @param origins every origin, in id order, with its checks and verdict
 * @param registry the registry rows of these origins, read once
 */
public record TracedLineage(
    List<String> start,
    List<String> itemIds,
    Map<String, List<LineageRows.Edge>> madeFrom,
    List<Judged> origins,
    RegistryQueries registry) {

  /** An origin with the export gate's checks and the verdict a summary counts it under. */
  public record Judged(LineageRows.Origin origin, List<GateCheck> checks, OriginVerdict verdict) {
    /** Whether it fails any check. */
    public boolean fails() {
      return verdict != OriginVerdict.COMPLIANT;
    }

    /** Whether every check of the export gate passed. */
    public boolean exportable() {
      return checks.stream().allMatch(GateCheck::passed);
    }
  }
}
