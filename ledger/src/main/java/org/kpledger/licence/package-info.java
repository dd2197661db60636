/**
 * Licences with validity periods: the artisanal miner's <em>patente</em>, the collector's
 * <em>agrément</em> and the buying office's export licence (CAR Ordonnance 83-024). A licence can
 * be suspended, reinstated and revoked from a date; whether it was in force on a day is read from
 * that dated history (kp-facts rule 1, licence at event time).
 */
package org.kpledger.licence;
