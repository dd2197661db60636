/**
 * Mining sites and their production registers. Every artisanal sale draws on the production
 * recorded for its site, and cumulative sales never exceed it (kp-facts rule 3, register before
 * sale).
 */
package org.kpledger.site;
