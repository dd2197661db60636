package org.kpledger.site;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A lot's carats were drawn on recorded production.
 *
 * <p>Revision 2 names the miner and the register entries drawn on. A revision 1 event (written when
 * production was one running total per site) has neither: replay draws it on the site's entries in
 * the order they were recorded.
 *
 * @param minerId the miner who sold the stones, or null in a revision 1 event
 * @param drawn the register entries drawn on and how much of each, or null in a revision 1 event
 */
@Revision("2")
public record ProductionDrawnEvent(
    String siteId, String lotId, BigDecimal carats, String minerId, List<Draw> drawn) {

  /**
   * Carats drawn on one register entry.
   *
   * @param entryId the production entry
   * @param carats how much of it this purchase took
   */
  public record Draw(String entryId, BigDecimal carats) {}
}
