package org.kpledger.api.access;

/**
 * What the read policy needs of the custody record: whether a party ever held an item. The custody
 * projection ({@code api.custody}) answers it; declared here so that access depends on no feature.
 */
public interface PastHolders {

  /** Whether {@code party} ever held the item. */
  boolean everHeldBy(String itemId, String party);
}
