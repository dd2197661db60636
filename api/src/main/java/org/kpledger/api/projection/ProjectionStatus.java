package org.kpledger.api.projection;

import java.util.List;

/**
 * Where a projection stands.
 *
 * @param name the projection (its processing group)
 * @param processor the streaming processor that runs it (shared with other projections)
 * @param running whether its processor runs on this node
 * @param replaying whether it is rebuilding from the event store
 * @param position the global index of the last event it processed, -1 if none or unknown
 * @param head the global index of the newest event in the store, -1 if the store is empty
 * @param lag {@code head - position}: how many event indexes it is behind (gaps included)
 * @param tables the query tables it writes
 */
public record ProjectionStatus(
    String name,
    String processor,
    boolean running,
    boolean replaying,
    long position,
    long head,
    long lag,
    List<String> tables) {}
