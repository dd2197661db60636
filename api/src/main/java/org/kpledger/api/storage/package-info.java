/** Upkeep of the node's embedded H2 file: compaction of the chunks its commits leave behind. */
package org.kpledger.api.storage;
