package org.kpledger.licence;

/** The three licences of the CAR diamond chain. */
public enum LicenceKind {
  /** An artisanal miner's permit to mine and sell. */
  PATENTE,
  /** A collector's licence to buy from miners. */
  AGREMENT,
  /** A buying office's licence to buy and export. */
  EXPORT_LICENCE
}
