/**
 * Artisanal miners: registration with identity document, patente, site, sub-prefecture and GPS
 * where known (the DDI and IPIS registration practice). A miner can sell only while the patente is
 * in force (kp-facts rule 1).
 */
package org.kpledger.miner;
