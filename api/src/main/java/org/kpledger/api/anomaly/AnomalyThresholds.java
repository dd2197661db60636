package org.kpledger.api.anomaly;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The thresholds of the anomaly flags ({@code kp.anomaly.*}).
 *
 * @param outlierZ a purchase's US$/ct is flagged when its modified z-score within its zone and
 *     quarter exceeds this in absolute value (Iglewicz and Hoaglin recommend 3.5)
 * @param minGroup a zone and quarter with fewer purchases than this is not judged
 * @param jumpFactor a miner's quarter is flagged when its carats exceed this many times the median
 *     of the miner's earlier quarters with purchases
 * @param minHistory a miner needs this many earlier quarters before a jump is judged
 * @param confirmationDays a certificate is flagged this many days after export without a
 *     confirmation (by default {@code kp.confirmation-delay-days})
 */
@ConfigurationProperties("kp.anomaly")
public record AnomalyThresholds(
    Double outlierZ,
    Integer minGroup,
    Double jumpFactor,
    Integer minHistory,
    Integer confirmationDays) {

  /** The defaults where a value is not configured. */
  public AnomalyThresholds {
    outlierZ = outlierZ == null ? 3.5 : outlierZ;
    minGroup = minGroup == null ? 8 : minGroup;
    jumpFactor = jumpFactor == null ? 3.0 : jumpFactor;
    minHistory = minHistory == null ? 2 : minHistory;
  }
}
