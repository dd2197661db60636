/**
 * The node over TLS with a certificate from its organisation's CA ({@code kp node tls}), and mutual
 * TLS where every client presents a certificate chained to an enrolled organisation CA: Spring
 * profiles {@code tls} and {@code mtls} (README "Operating the node").
 */
package org.kpledger.api.tls;
