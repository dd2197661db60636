package org.kpledger.api.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The mass balance of a collector or buying office over a period, in carats, from its custody
 * history: {@code opening + inflows - outflows + weighingDifferences - closing} must be zero.
 *
 * @param opening held at the end of the day before {@code from}
 * @param inflows by how the items came: PURCHASE, STOCKPILE, TRANSFER, MERGE, SPLIT, CONFISCATION,
 *     RETURN
 * @param outflows by how they left: TRANSFER (sold), MERGE, SPLIT, EXPORT, CONFISCATION, RETURN
 * @param weighingDifferences re-weighings recorded in the period (positive: found heavier)
 * @param closing held at the end of {@code to}
 * @param unexplainedDifference what the custody records do not account for
 */
record PartyBalance(
    String party,
    LocalDate from,
    LocalDate to,
    BigDecimal opening,
    Map<String, BigDecimal> inflows,
    Map<String, BigDecimal> outflows,
    BigDecimal weighingDifferences,
    BigDecimal closing,
    BigDecimal unexplainedDifference) {}
