/**
 * The organisation CAs this ledger trusts and the revocation lists they published, serving the
 * command path, the reads and the audit bundle alike.
 */
package org.kpledger.api.trust;
