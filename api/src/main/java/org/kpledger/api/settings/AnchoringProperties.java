package org.kpledger.api.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The verifiable log's settings ({@code kp.anchoring.*}).
 *
 * @param origin the log's name in its C2SP checkpoints (a schema-less URL, e.g. {@code
 *     kp-ledger.example/car})
 * @param everyLeaves sign a tree head when this many leaves were added since the last
 * @param everyInterval or when this much time passed and the tree grew
 */
@ConfigurationProperties(prefix = "kp.anchoring")
public record AnchoringProperties(String origin, long everyLeaves, Duration everyInterval) {}
