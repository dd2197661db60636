/**
 * Purchase slips: the act by which stones enter the ledger as a lot. A slip draws on the site's
 * recorded production and creates the lot in one unit of work (kp-facts rules 1 and 3).
 */
package org.kpledger.lot;
