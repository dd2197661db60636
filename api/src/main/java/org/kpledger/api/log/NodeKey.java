package org.kpledger.api.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.kpledger.identity.Pem;
import org.kpledger.signing.EcdsaP256;

/**
 * The ledger node's own tree-head key: created on first start under the data directory (owner
 * read/write only) and reused afterwards. It signs tree heads and nothing else.
 */
public final class NodeKey {
  private NodeKey() {}

  /**
   * Returns the public half of the node's key, creating the key first if the node never ran, so
   * that it can be certified before the node starts.
   *
   * @param file the key file, {@code <data-dir>/node/tree-head-key.pem}
   * @return the P-256 public key
   * @throws IOException if the file cannot be read or written
   */
  public static PublicKey publicKey(Path file) throws IOException {
    return loadOrCreate(file).getPublic();
  }

  static KeyPair loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      PrivateKey key = Pem.readPrivateKey(Files.readString(file));
      return new KeyPair(publicOf((ECPrivateKey) key), key);
    }
    Files.createDirectories(file.getParent());
    KeyPair pair = EcdsaP256.generateKeyPair();
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, Pem.writePrivateKey(pair.getPrivate()));
    return pair;
  }

  private static PublicKey publicOf(ECPrivateKey key) throws IOException {
    try {
      ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec("secp256r1");
      var q = curve.getG().multiply(key.getS()).normalize();
      ECPoint w =
          new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, key.getParams()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("the node key is not an EC P-256 key", e);
    }
  }
}
