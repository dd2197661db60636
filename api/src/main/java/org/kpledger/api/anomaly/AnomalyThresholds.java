package org.kpledger.api.anomaly;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

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
 * @param siteFactor a site's quarter is flagged when its purchases exceed this many times the
 *     production recorded at the site for days of that quarter and the one before
 */
@ConfigurationProperties("kp.anomaly")
record AnomalyThresholds(
    Double outlierZ,
    Integer minGroup,
    Double jumpFactor,
    Integer minHistory,
    Integer confirmationDays,
    Double siteFactor) {

  /** The defaults where a value is not configured. */
  @ConstructorBinding
  public AnomalyThresholds {
    outlierZ = outlierZ == null ? 3.5 : outlierZ;
    minGroup = minGroup == null ? 8 : minGroup;
    jumpFactor = jumpFactor == null ? 3.0 : jumpFactor;
    minHistory = minHistory == null ? 2 : minHistory;
    siteFactor = siteFactor == null ? 1.0 : siteFactor;
  }

  /** The thresholds before the site flag, its factor at the default. */
  public AnomalyThresholds(
      Double outlierZ,
      Integer minGroup,
      Double jumpFactor,
      Integer minHistory,
      Integer confirmationDays) {
    this(outlierZ, minGroup, jumpFactor, minHistory, confirmationDays, null);
  }
}
