package org.kpledger.api.access;

/** How the node established who is reading ({@code GET /api/reader}'s {@code authenticatedBy}). */
public enum ReaderAuthentication {
  /** A client certificate presented in the mutual-TLS handshake (profile {@code mtls}). */
  TLS_CLIENT_CERTIFICATE,
  /** The signed-request headers KP-Certificate, KP-Date and KP-Signature. */
  SIGNED_REQUEST
}
