package org.kpledger.bench.micro;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.kpledger.bench.PurchaseSample;
import org.kpledger.identity.ActorIdentity;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.signing.EnvelopeSignatureVerifier;
import org.kpledger.signing.SignedEnvelope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cryptographic part of the node's envelope check, without HTTP or Axon, in the order of {@code
 * org.kpledger.api.command.EnvelopeVerifier#verify}: parse the envelope, parse the signer's
 * certificate, authenticate it against the organisation CAs at the ledger's clock, verify the
 * signature over the RFC 8785 signing input. Built from the ledger-level pieces, not the Spring
 * bean, so it leaves out what the bean does after the signature: the command catalogue, role and
 * issuedAt checks, payload binding and bean validation.
 *
 * <p>The same envelope every time, so the certificate parse, the issuer check and the validated
 * point are cache hits, as for an actor who has signed before; a first command from an actor also
 * pays those.
 */
@State(Scope.Benchmark)
public class EnvelopeCheckBenchmark {

  private final Clock clock = Clock.systemUTC();
  private String json;
  private CertificateAuthenticator authenticator;

  /** Signs a fresh purchase slip and trusts its CAs. */
  @Setup
  public void setUp() throws IOException {
    PurchaseSample sample = PurchaseSample.create();
    json = sample.envelopeJson();
    authenticator = new CertificateAuthenticator(sample.trustAnchors());
    check();
  }

  /** Checks the envelope once; returns the signer's identity. */
  @Benchmark
  public ActorIdentity check() {
    SignedEnvelope envelope = SignedEnvelope.fromJson(json);
    X509Certificate cert = CertificateAuthenticator.parseCertificate(envelope.signerCertificate());
    ActorIdentity identity = authenticator.authenticate(cert, clock.instant());
    if (!EnvelopeSignatureVerifier.verify(envelope, cert)) {
      throw new IllegalStateException("the envelope's signature does not verify");
    }
    return identity;
  }
}
