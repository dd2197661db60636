package org.kpledger.identity;

import java.util.Objects;

/** A certificate or CRL was refused. {@link #reasonCode()} is stable; the message is for people. */
public class IdentityRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why an identity or revocation list was refused. */
  public enum Reason {
    /** The issuer is not one of the known organisation CAs. */
    UNKNOWN_ISSUER,
    /** The certificate's signature does not verify with its issuer CA's key. */
    BAD_CERTIFICATE_SIGNATURE,
    /** The certificate, or its issuing CA, is not valid yet at the instant checked. */
    CERTIFICATE_NOT_YET_VALID,
    /** The certificate, or its issuing CA, has expired at the instant checked. */
    CERTIFICATE_EXPIRED,
    /**
     * The newest CRL of the issuing CA revokes the certificate at or before the instant checked.
     */
    CERTIFICATE_REVOKED,
    /** The certificate's subject O is not the issuing CA's O. */
    ORGANISATION_MISMATCH,
    /** The certificate's subject OU is not a {@link Role}. */
    UNKNOWN_ROLE,
    /** Not a well-formed end-entity P-256 signing certificate (or undecodable). */
    MALFORMED_CERTIFICATE,
    /** The CRL's signature does not verify with its issuer CA's key. */
    BAD_CRL_SIGNATURE,
    /** The CRL is older than (or conflicts with) the newest one already ingested for that CA. */
    STALE_CRL,
    /**
     * The CRL lacks a CRL number or uses features not supported (delta, indirect, critical
     * extensions).
     */
    MALFORMED_CRL
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason the stable reason
   * @param message a human-readable explanation
   */
  public IdentityRejectedException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param reason the stable reason
   * @param message a human-readable explanation
   * @param cause the underlying failure, may be null
   */
  public IdentityRejectedException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
    this.reason = reason;
  }

  /**
   * The reason as an enum.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The reason as a stable code, e.g. {@code CERTIFICATE_EXPIRED}.
   *
   * @return {@code reason().name()}
   */
  public String reasonCode() {
    return reason.name();
  }
}
