/**
 * The node over TLS with a certificate from its organisation's CA ({@code kp node tls}), and mutual
 * TLS where the node asks every client for a certificate chained to an enrolled organisation CA (a
 * client without one reaches only what needs no reader, as over plain HTTP): Spring profiles {@code
 * tls} and {@code mtls} (README "Operating the node").
 */
package org.kpledger.api.tls;
