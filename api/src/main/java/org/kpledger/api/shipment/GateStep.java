package org.kpledger.api.shipment;

import java.time.Instant;

/**
 * The command whose verdict a re-evaluation compares against: a shipment's last step that passed
 * the export gate, or the purchase (or declaration) that brought an origin into the ledger.
 *
 * @param step PROPOSED, APPROVED, CERTIFIED or EXPORTED for a shipment; PURCHASED or DECLARED for
 *     an origin judged on its own
 * @param recordedAt when the ledger recorded that command: "as known then" reads the zone decisions
 *     and licence changes recorded by this instant
 */
public record GateStep(String step, Instant recordedAt) {}
