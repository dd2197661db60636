/** The KP ledger core: custody domain, signatures, Merkle log. */
package org.kpledger;
