package org.kpledger.bench.micro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import org.erdtman.jcs.JsonCanonicalizer;
import org.kpledger.bench.PurchaseSample;
import org.kpledger.canonical.CanonicalJson;
import org.kpledger.signing.SignedEnvelope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RFC 8785 canonicalisation of a purchase slip's signing input (the envelope without its {@code
 * signature} member) from its JSON text: strict parse and canonical write, by the ledger's {@link
 * CanonicalJson} (the one canonicaliser the ledger runs), and by the reference
 * java-json-canonicalization library it is cross-checked against in the tests.
 */
@State(Scope.Benchmark)
public class CanonicalJsonBenchmark {

  private String unsignedJson;

  /** Signs a fresh purchase slip and takes its text without the signature. */
  @Setup
  public void setUp() throws IOException {
    String json = PurchaseSample.create().envelopeJson();
    ObjectNode unsigned = (ObjectNode) CanonicalJson.parse(json);
    unsigned.remove("signature");
    unsignedJson = unsigned.toString();
    byte[] expected = SignedEnvelope.fromJson(json).signingInput();
    if (!Arrays.equals(ledger(), expected) || !Arrays.equals(reference(), expected)) {
      throw new IllegalStateException("the canonical text is not the envelope's signing input");
    }
  }

  /** {@link CanonicalJson#canonicalize(String)}, as the node computes a signing input. */
  @Benchmark
  public byte[] ledger() {
    return CanonicalJson.canonicalize(unsignedJson);
  }

  /** The reference implementation, {@code org.erdtman.jcs.JsonCanonicalizer}. */
  @Benchmark
  public byte[] reference() throws IOException {
    return new JsonCanonicalizer(unsignedJson).getEncodedUTF8();
  }
}
