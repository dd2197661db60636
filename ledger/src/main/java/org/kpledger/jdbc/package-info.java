/**
 * How the ledger's JDBC stores meet transactions. Every store takes an Axon {@link
 * org.axonframework.common.jdbc.ConnectionProvider}; in the application that is a provider bound to
 * the transaction manager (Spring's {@code SpringDataSourceConnectionProvider}), so a store called
 * inside a transaction uses that transaction's connection, and one called outside any transaction
 * gets a connection of its own.
 *
 * <p>What the package guarantees: {@link org.kpledger.jdbc.JdbcWork} runs a unit of JDBC work
 * either inside the caller's transaction (a connection with auto-commit off is taken to belong to a
 * transaction that its owner commits or rolls back) or, on an auto-commit connection, in a
 * transaction of its own that it commits or rolls back as a whole. Work that must commit together
 * with something else (the anchoring processor's leaves and its tracking token) can demand the
 * caller's transaction and is refused outside one. SQL failures surface as Axon's unchecked {@link
 * org.axonframework.common.jdbc.JdbcException}, which event processors treat as "retry".
 */
package org.kpledger.jdbc;
