/**
 * Mining sites and their production registers (kp-facts rule 3, register before sale). Each entry
 * names the miner and the day (Bangui) the stones were found. A purchase draws only on its own
 * miner's production at its site declared for its field day or earlier, never beyond it ({@code
 * SALES_EXCEED_PRODUCTION}), and once the zone is compliant never on production found on a day it
 * was not ({@code PRODUCTION_FROM_NON_COMPLIANT_PERIOD}).
 */
package org.kpledger.site;
