/**
 * The {@link org.kpledger.merkle.NodeStore} of the Merkle log in a relational database, through
 * plain JDBC with DDL that H2 and PostgreSQL both accept.
 *
 * <p>What the package guarantees: {@link org.kpledger.merkle.jdbc.JdbcNodeStore} keeps the {@code
 * NodeStore} contract (RFC 9162 §2.1.1 complete subtrees, hashes never change, the size grows only
 * by a compare-and-set together with exactly the nodes that become complete). A growth is one
 * transaction: the caller's, when the connection belongs to one (the anchoring processor's, which
 * also stores its tracking token), else one of its own. Reads of any set of nodes, such as every
 * node of a proof, are one query.
 */
package org.kpledger.merkle.jdbc;
