/**
 * Projections: query tables written by streaming event processors, with their lag behind the event
 * store and their rebuild (drop the tables, reset the token, replay).
 */
package org.kpledger.api.projection;
