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
 * @param aggregateCacheEntries how many loaded aggregates the node keeps in memory
 */
@ConfigurationProperties(prefix = "kp")
public record LedgerProperties(
    Path dataDir,
    Path trustDir,
    Duration issuedAtWindow,
    long maxBodyBytes,
    @DefaultValue("20000") int aggregateCacheEntries) {}
