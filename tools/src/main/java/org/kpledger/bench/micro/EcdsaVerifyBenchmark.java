package org.kpledger.bench.micro;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.kpledger.bench.PurchaseSample;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.signing.EcdsaP256;
import org.kpledger.signing.SignedEnvelope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One ECDSA P-256 / SHA-256 verification of a purchase slip's signature over its signing input, by
 * provider: {@code kp} is the ledger's {@link EcdsaP256#verify} (Bouncy Castle low-level, the
 * validated point cached per key, as for an actor who signs many commands); {@code BC} and {@code
 * SunEC} are JCA {@code SHA256withECDSA}, one {@link Signature} per thread re-initialised with the
 * key for every verification, the key already translated by the provider's own key factory.
 */
@State(Scope.Thread)
public class EcdsaVerifyBenchmark {

  /** {@code kp}, {@code BC} or {@code SunEC}. */
  @Param({"kp", "BC", "SunEC"})
  public String provider;

  private PublicKey key;
  private byte[] message;
  private byte[] signature;
  private Signature jca;

  /** Signs a fresh purchase slip and prepares the provider's key. */
  @Setup
  public void setUp() throws Exception {
    SignedEnvelope envelope = SignedEnvelope.fromJson(PurchaseSample.create().envelopeJson());
    message = envelope.signingInput();
    signature = envelope.signatureDer();
    PublicKey certified =
        CertificateAuthenticator.parseCertificate(envelope.signerCertificate()).getPublicKey();
    if (provider.equals("kp")) {
      key = certified;
      jca = null;
    } else {
      Provider p = jcaProvider(provider);
      key =
          KeyFactory.getInstance("EC", p)
              .generatePublic(new X509EncodedKeySpec(certified.getEncoded()));
      jca = Signature.getInstance("SHA256withECDSA", p);
    }
    if (!verify()) {
      throw new IllegalStateException("a valid signature did not verify with " + provider);
    }
  }

  /** Verifies the signature once. */
  @Benchmark
  public boolean verify() throws GeneralSecurityException {
    if (jca == null) {
      return EcdsaP256.verify(key, message, signature);
    }
    jca.initVerify(key);
    jca.update(message);
    return jca.verify(signature);
  }

  private static Provider jcaProvider(String name) {
    return switch (name) {
      case "BC" -> new BouncyCastleProvider();
      case "SunEC" -> Security.getProvider("SunEC");
      default -> throw new IllegalArgumentException("provider is kp, BC or SunEC, not " + name);
    };
  }
}
