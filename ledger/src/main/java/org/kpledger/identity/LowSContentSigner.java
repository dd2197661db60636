package org.kpledger.identity;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.PrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.kpledger.signing.EcdsaP256;

/**
 * A one-shot Bouncy Castle {@link ContentSigner} producing low-S ECDSA P-256/SHA-256 signatures.
 */
final class LowSContentSigner implements ContentSigner {

  private static final AlgorithmIdentifier ECDSA_SHA256 =
      new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");

  private final PrivateKey key;
  private final ByteArrayOutputStream content = new ByteArrayOutputStream(1024);

  LowSContentSigner(PrivateKey key) {
    this.key = key;
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return ECDSA_SHA256;
  }

  @Override
  public OutputStream getOutputStream() {
    return content;
  }

  @Override
  public byte[] getSignature() {
    return EcdsaP256.sign(key, content.toByteArray());
  }
}
