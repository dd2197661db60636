package org.kpledger.identity;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The Bouncy Castle provider, used explicitly and never installed JVM-wide. */
final class Bc {

  static final Provider PROVIDER = new BouncyCastleProvider();

  private Bc() {}
}
