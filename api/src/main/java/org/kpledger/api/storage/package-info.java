/**
 * The node's database: its schema (Flyway's migrations, {@link
 * org.kpledger.api.storage.SchemaMigrations}), upkeep of the embedded H2 file (compaction of the
 * chunks its commits leave behind) and the mapping that keeps Axon's serialized columns inline on
 * PostgreSQL.
 */
package org.kpledger.api.storage;
