package org.kpledger.api.balance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.custody.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mass balances over a period: a site's production against its purchases (Monitoring Team, KP
 * authority, auditors), and a party's custody flows (those, or the party itself).
 */
@RestController
@Tag(name = "balance")
class BalanceController {
  private final BalanceQuery balances;
  private final ReadPolicy policy;
  private final RegistryQueries registry;

  BalanceController(BalanceQuery balances, ReadPolicy policy, RegistryQueries registry) {
    this.balances = balances;
    this.policy = policy;
    this.registry = registry;
  }

  @GetMapping("/api/balance/sites/{siteId}")
  @Operation(
      summary = "A site's registered production against the purchases drawn on it",
      description =
          "Sums the site's production entries and purchase slips by Bangui day. A slip draws only"
              + " on its own miner's entries for its day or earlier (SALES_EXCEED_PRODUCTION,"
              + " PRODUCTION_FROM_NON_COMPLIANT_PERIOD), so unexplainedDifference is 0 except for"
              + " slips recorded before that rule.")
  SiteBalance site(
      Actor reader,
      @PathVariable String siteId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    policy.requireOverseer(reader, "site balances");
    period(from, to);
    if (!registry.siteExists(siteId)) {
      throw QueryRefusedException.notFound("siteId", "site " + siteId);
    }
    return balances.site(siteId, from, to);
  }

  @GetMapping("/api/balance/parties/{party}")
  @Operation(summary = "A collector's or buying office's custody flows: opening, in, out, closing")
  PartyBalance party(
      Actor reader,
      @PathVariable String party,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    policy.requireParty(reader, party, "party");
    period(from, to);
    return balances.party(party, from, to);
  }

  private static void period(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw QueryRefusedException.badParameter("INVALID_PERIOD", "to", "to is before from");
    }
  }
}
