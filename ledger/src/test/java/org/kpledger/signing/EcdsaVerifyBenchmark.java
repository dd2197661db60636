package org.kpledger.signing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Single-threaded P-256 verification throughput (signatures per second per core): this class's
 * choice, Bouncy Castle's low-level {@code ECDSASigner}, against the Bouncy Castle JCA provider and
 * the JDK's SunEC provider. Not a unit test; run its {@code main} from the test classpath.
 */
public final class EcdsaVerifyBenchmark {

  private static final int MESSAGES = 256;

  private EcdsaVerifyBenchmark() {}

  interface Verifier {
    boolean verify(PublicKey key, byte[] message, byte[] signature) throws Exception;
  }

  /**
   * Runs the comparison.
   *
   * @param args optional seconds to measure each candidate (default 5)
   * @throws Exception if a provider is missing
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    KeyPair keys = EcdsaP256.generateKeyPair();
    byte[][] messages = new byte[MESSAGES][];
    byte[][] signatures = new byte[MESSAGES][];
    for (int i = 0; i < MESSAGES; i++) {
      messages[i] =
          ("{\"commandId\":\"c-" + i + "\",\"payload\":{\"carats\":" + i + "}}")
              .getBytes(StandardCharsets.UTF_8);
      signatures[i] = EcdsaP256.sign(keys.getPrivate(), messages[i]);
    }
    Provider bc = new BouncyCastleProvider();
    Verifier lowLevel = EcdsaP256::verify;
    Verifier bcJca = (k, m, s) -> jca(Signature.getInstance("SHA256withECDSA", bc), k, m, s);
    Verifier jdk = (k, m, s) -> jca(Signature.getInstance("SHA256withECDSA"), k, m, s);
    for (int round = 0; round < 2; round++) {
      String label = round == 0 ? "warm-up" : "measured";
      report(
          label,
          "BC low-level ECDSASigner (EcdsaP256.verify)",
          lowLevel,
          keys,
          messages,
          signatures,
          seconds);
      report(label, "BC JCA provider SHA256withECDSA", bcJca, keys, messages, signatures, seconds);
      report(label, "JDK SunEC SHA256withECDSA", jdk, keys, messages, signatures, seconds);
    }
    long start = System.nanoTime();
    int signed = 0;
    while (System.nanoTime() - start < seconds * 1e9) {
      EcdsaP256.sign(keys.getPrivate(), messages[signed++ % MESSAGES]);
    }
    System.out.printf(
        "measured  %-45s %8.0f sig/s%n",
        "EcdsaP256.sign (RFC 6979, low-S)", signed / ((System.nanoTime() - start) / 1e9));
  }

  private static boolean jca(Signature sig, PublicKey key, byte[] message, byte[] signature)
      throws Exception {
    sig.initVerify(key);
    sig.update(message);
    return sig.verify(signature);
  }

  private static void report(
      String label,
      String name,
      Verifier v,
      KeyPair keys,
      byte[][] messages,
      byte[][] signatures,
      double seconds)
      throws Exception {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    int done = 0;
    while (System.nanoTime() < deadline) {
      int i = done % MESSAGES;
      if (!v.verify(keys.getPublic(), messages[i], signatures[i])) {
        throw new IllegalStateException(name + " rejected a valid signature");
      }
      done++;
    }
    double rate = done / ((System.nanoTime() - start) / 1e9);
    System.out.printf("%-9s %-45s %8.0f verify/s%n", label, name, rate);
  }
}
