package org.kpledger.api.settings;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger node's settings ({@code kp.*}).
 *
 * @param dataDir where the H2 database and local state live
 * @param trustDir the directory of organisation CA certificates that make up the trust root
 * @param issuedAtWindow how far a command's issuedAt may be from the ledger's clock
 * @param maxBodyBytes the largest request body accepted
 * @param aggregateCacheEntries how many loaded aggregates the node keeps in memory (with {@code
 *     multiNode} each is checked against the event store before use: {@link
 *     org.kpledger.api.storage.VersionCheckedCache})
 * @param multiNode whether other nodes share this node's database ({@code kp.multi-node}): then a
 *     cached aggregate is served only while the store holds nothing newer of it, no judged lineage
 *     is kept in memory, only the node that owns the anchoring processor's segment signs tree
 *     heads, and the checkpoint file is this node's copy (README, "Several nodes on one database")
 * @param multiNodeLockTimeout with {@code multiNode}, how long a command waits for the database
 *     lock another node holds on an item it reads or changes before it is answered {@code 503
 *     RETRY} ({@code kp.multi-node-lock-timeout}; {@link org.kpledger.api.storage.AggregateLocks})
 */
@ConfigurationProperties(prefix = "kp")
public record LedgerProperties(
    Path dataDir,
    Path trustDir,
    Duration issuedAtWindow,
    long maxBodyBytes,
    @DefaultValue("20000") int aggregateCacheEntries,
    @DefaultValue("false") boolean multiNode,
    @DefaultValue("5s") Duration multiNodeLockTimeout) {}
