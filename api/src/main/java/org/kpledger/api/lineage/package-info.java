/**
 * The lineage graph (items, merge and split edges with carats, origins) and the traces back to the
 * mines and forward to the exports, judged by the ledger's own export gate.
 */
package org.kpledger.api.lineage;
