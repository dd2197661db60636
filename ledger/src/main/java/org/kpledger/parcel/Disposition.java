package org.kpledger.parcel;

/** What became of a confiscated item. */
public enum Disposition {
  /** Given back to the holder it was taken from: it may move again. */
  RETURNED,
  /** Forfeited to the state: it stays frozen and can never be exported. */
  FORFEITED
}
