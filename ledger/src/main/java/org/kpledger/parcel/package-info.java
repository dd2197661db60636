/**
 * Custody items. A lot (the stones one registered miner sold at one site on one day) is the item
 * that enters the ledger; lots and parcels merge into and split out of parcels, every merge and
 * split keeping lineage edges with carats and carrying the origins of every lot it contains
 * (kp-facts rules 4-6). Only the holder moves an item, an item is in one place at a time, carats
 * are conserved (a weighing difference is its own bounded event), valuation precedes sealing, and a
 * confiscated or quarantined item cannot move.
 */
package org.kpledger.parcel;
