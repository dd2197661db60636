package org.kpledger.identity;

import java.math.BigInteger;
import java.security.cert.X509Certificate;

/**
 * An actor whose certificate has been authenticated by {@link CertificateAuthenticator}.
 *
 * @param actorId the subject CN of the actor certificate
 * @param organisationId the subject O, equal to the issuing CA's O
 * @param organisationType the issuing CA's organisation type (its OU)
 * @param role the subject OU
 * @param serial the certificate's serial number
 * @param certificate the authenticated certificate
 */
public record ActorIdentity(
    String actorId,
    String organisationId,
    OrganisationType organisationType,
    Role role,
    BigInteger serial,
    X509Certificate certificate) {}
