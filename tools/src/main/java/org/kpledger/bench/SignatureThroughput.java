package org.kpledger.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.kpledger.signing.EcdsaP256;

/** ECDSA P-256 verifications per second on one thread, for each provider considered. */
final class SignatureThroughput {
  private SignatureThroughput() {}

  static String measure(double seconds) throws Exception {
    byte[] message = new byte[600];
    KeyPair pair = EcdsaP256.generateKeyPair();
    byte[] sig = EcdsaP256.sign(pair.getPrivate(), message);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "  %-36s %8.0f /s%n",
            "kp EcdsaP256.verify (BC low-level)",
            rate(seconds, () -> EcdsaP256.verify(pair.getPublic(), message, sig))));
    for (String provider : new String[] {"BC", "SunEC"}) {
      KeyPairGenerator g =
          provider.equals("BC")
              ? KeyPairGenerator.getInstance("EC", new BouncyCastleProvider())
              : KeyPairGenerator.getInstance("EC", provider);
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair kp = g.generateKeyPair();
      Signature signer =
          provider.equals("BC")
              ? Signature.getInstance("SHA256withECDSA", new BouncyCastleProvider())
              : Signature.getInstance("SHA256withECDSA", provider);
      signer.initSign(kp.getPrivate());
      signer.update(message);
      byte[] s = signer.sign();
      Signature verifier =
          provider.equals("BC")
              ? Signature.getInstance("SHA256withECDSA", new BouncyCastleProvider())
              : Signature.getInstance("SHA256withECDSA", provider);
      out.append(
          String.format(
              "  %-36s %8.0f /s%n",
              "JCA SHA256withECDSA (" + provider + ")",
              rate(
                  seconds,
                  () -> {
                    verifier.initVerify(kp.getPublic());
                    verifier.update(message);
                    return verifier.verify(s);
                  })));
    }
    return out.toString();
  }

  interface Check {
    boolean run() throws Exception;
  }

  private static double rate(double seconds, Check check) throws Exception {
    for (int i = 0; i < 500; i++) {
      check.run();
    }
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    long start = System.nanoTime();
    while (System.nanoTime() < end) {
      if (!check.run()) {
        throw new IllegalStateException("a valid signature did not verify");
      }
      n++;
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }
}
