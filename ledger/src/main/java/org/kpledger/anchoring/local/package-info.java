/**
 * The embedded deployment's {@link org.kpledger.anchoring.AnchorSink}: signed tree heads kept in
 * the database (table {@code tree_head}) and in an append-only text file of C2SP checkpoints, one
 * signed note per entry, entries separated by a blank line, each written and fsynced before its
 * database row commits.
 *
 * <p>What the package guarantees: the sink keeps the {@code AnchorSink} rules (it verifies the RFC
 * 9162 consistency proof from its last head before keeping a new one, refuses older heads and
 * forks, and re-anchoring the last head is harmless). The database row is the commit point: on
 * opening, a file longer than the rows acknowledge by at most one entry (a write the process did
 * not live to record) is cut back, and a file shorter than the rows, or one whose last acknowledged
 * entry differs from its row, stops the sink, since one of them has lost or changed history.
 *
 * <p>Opened shared ({@code LocalAnchorSink.openShared}), for several nodes on one database, the
 * table is the one record and each node's file a copy of it: a file behind the table is brought up
 * to it, entry by entry at the offsets the rows record, and a row lock refuses a second entry at
 * one offset, so every copy holds the same bytes.
 */
package org.kpledger.anchoring.local;
