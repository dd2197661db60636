package org.kpledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.kpledger.signing.EnvelopeSigner;
import org.kpledger.signing.SignedEnvelope;

/** Signs test envelopes, and makes the broken ones the ledger must refuse. */
public final class Envelopes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger N = ECNamedCurveTable.getByName("secp256r1").getN();

  private Envelopes() {}

  public static String sign(TestPki.TestActor a, String type, JsonNode payload) {
    return sign(a, type, UUID.randomUUID().toString(), Instant.now(), payload);
  }

  public static String sign(
      TestPki.TestActor a, String type, String commandId, Instant issuedAt, JsonNode payload) {
    SignedEnvelope e =
        EnvelopeSigner.sign(type, commandId, issuedAt, payload, a.certificate(), a.key());
    return e.toJson();
  }

  /** The same envelope with its signature's s replaced by n - s (still valid, but high-S). */
  public static String highS(String envelopeJson) throws Exception {
    ObjectNode node = (ObjectNode) JSON.readTree(envelopeJson);
    byte[] der = Base64.getDecoder().decode(node.get("signature").asText());
    ASN1Sequence seq = ASN1Sequence.getInstance(der);
    BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
    BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
    byte[] high =
        new DERSequence(
                new org.bouncycastle.asn1.ASN1Encodable[] {
                  new ASN1Integer(r), new ASN1Integer(N.subtract(s))
                })
            .getEncoded("DER");
    node.put("signature", Base64.getEncoder().encodeToString(high));
    return JSON.writeValueAsString(node);
  }

  /** The envelope with one member replaced, signature untouched. */
  public static String withMember(String envelopeJson, String member, JsonNode value)
      throws Exception {
    ObjectNode node = (ObjectNode) JSON.readTree(envelopeJson);
    node.set(member, value);
    return JSON.writeValueAsString(node);
  }

  /** The envelope without a member. */
  public static String without(String envelopeJson, String member) throws Exception {
    ObjectNode node = (ObjectNode) JSON.readTree(envelopeJson);
    node.remove(member);
    return JSON.writeValueAsString(node);
  }
}
