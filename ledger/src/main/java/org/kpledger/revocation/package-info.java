/**
 * Revocation lists: each organisation publishes X.509 CRLs signed by its CA (RFC 5280 §5); the
 * ledger records each as an event so the revocation state used to accept a command is itself part
 * of the verifiable history, and an auditor can re-check "not revoked then".
 */
package org.kpledger.revocation;
