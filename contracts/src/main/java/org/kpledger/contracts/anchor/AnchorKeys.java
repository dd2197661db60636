package org.kpledger.contracts.anchor;

import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * World-state keys of the anchor contract, as Fabric composite keys so that a ledger's heads are a
 * contiguous, size-ordered key range.
 */
final class AnchorKeys {

  static final String HEAD = "kp.anchor.head";
  static final String LATEST = "kp.anchor.latest";
  static final String NODE = "kp.anchor.node";

  private AnchorKeys() {}

  /** The head of {@code size}: the size zero-padded to 19 digits so keys sort by size. */
  static String head(String ledgerId, long size) {
    return new CompositeKey(HEAD, ledgerId, String.format("%019d", size)).toString();
  }

  /** The prefix of every head of a ledger. */
  static CompositeKey heads(String ledgerId) {
    return new CompositeKey(HEAD, ledgerId);
  }

  static String latest(String ledgerId) {
    return new CompositeKey(LATEST, ledgerId).toString();
  }

  static String node(String ledgerId) {
    return new CompositeKey(NODE, ledgerId).toString();
  }
}
