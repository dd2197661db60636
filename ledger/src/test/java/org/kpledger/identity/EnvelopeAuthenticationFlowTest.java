package org.kpledger.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kpledger.signing.EcdsaP256;
import org.kpledger.signing.EnvelopeSignatureVerifier;
import org.kpledger.signing.EnvelopeSigner;
import org.kpledger.signing.SignedEnvelope;

/**
 * The flow the ledger runs on every command: parse, authenticate the signer at issuedAt, verify.
 */
class EnvelopeAuthenticationFlowTest {

  @Test
  void aCommandFromAnAuthenticatedActorVerifiesEndToEnd() {
    OrganisationCa ca = OrganisationCaTest.botswana();
    KeyPair keys = EcdsaP256.generateKeyPair();
    X509Certificate cert =
        ca.issueActorCertificate(
            "officer-1",
            Role.CERTIFYING_OFFICER,
            keys.getPublic(),
            CertificateAuthenticatorTest.NB,
            CertificateAuthenticatorTest.NA);
    Instant at = CertificateAuthenticatorTest.MID;
    String wire =
        EnvelopeSigner.sign(
                "IssueKpCertificate",
                "cmd-42",
                at,
                JsonNodeFactory.instance.objectNode().put("shipmentId", "S-1"),
                cert,
                keys.getPrivate())
            .toJson();
    CertificateAuthenticator auth =
        new CertificateAuthenticator(TrustAnchors.of(List.of(ca.certificate())));

    SignedEnvelope envelope = SignedEnvelope.fromJson(wire);
    X509Certificate signer =
        CertificateAuthenticator.parseCertificate(envelope.signerCertificate());
    ActorIdentity who = auth.authenticate(signer, envelope.issuedAtInstant());
    assertThat(who.role()).isEqualTo(Role.CERTIFYING_OFFICER);
    assertThat(who.organisationId()).isEqualTo("kp-bw");
    assertThat(EnvelopeSignatureVerifier.verify(envelope, signer)).isTrue();

    auth.ingestRevocationList(
        ca.issueRevocationList(
            Map.of(cert.getSerialNumber(), at.minusSeconds(1)), at, at.plusSeconds(3600)));
    assertThat(
            catchThrowableOfType(
                    IdentityRejectedException.class,
                    () -> auth.authenticate(signer, envelope.issuedAtInstant()))
                .reasonCode())
        .isEqualTo("CERTIFICATE_REVOKED");
  }
}
