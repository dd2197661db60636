/**
 * The custody projection: one row per custody period (who held an item, from when until when, with
 * its mass in and out and its re-weighings), read by holdings, trace back and the read policy.
 */
package org.kpledger.api.custody;
