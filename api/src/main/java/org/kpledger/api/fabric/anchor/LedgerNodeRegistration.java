package org.kpledger.api.fabric.anchor;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hyperledger.fabric.client.GatewayException;
import org.kpledger.api.fabric.FabricConnection;
import org.kpledger.identity.OrganisationCa;
import org.kpledger.identity.Pem;
import org.kpledger.identity.Role;

/**
 * How a ledger node's tree-head key becomes the key the channel accepts heads from: the KP
 * authority's CA certifies it ({@code OU=LEDGER_NODE}), then an administrator of the KP authority
 * submits {@code RegisterLedgerNode} with that certificate and the CA's, which the chaincode checks
 * against each other and against the administrator's own certificate.
 */
public final class LedgerNodeRegistration {

  private LedgerNodeRegistration() {}

  /**
   * Issues a ledger-node certificate for a node's public key.
   *
   * @param ca the KP authority's organisation CA
   * @param nodeId the node's name in the certificate (CN)
   * @param nodeKey the node's tree-head public key
   * @param now the time of issue: valid from an hour before it (a peer's clock may lag) to {@code
   *     now + validity}
   * @param validity how long from {@code now} it is valid (within the CA's validity)
   * @return the certificate, {@code CN=<nodeId>, O=<organisation>, OU=LEDGER_NODE}
   */
  public static X509Certificate certify(
      OrganisationCa ca, String nodeId, PublicKey nodeKey, Instant now, Duration validity) {
    Instant from = now.truncatedTo(ChronoUnit.SECONDS);
    return ca.issueActorCertificate(
        nodeId, Role.LEDGER_NODE, nodeKey, from.minus(1, ChronoUnit.HOURS), from.plus(validity));
  }

  /**
   * Registers a certified node for a ledger id; the connection must be a KP authority
   * administrator's.
   *
   * @param admin a Gateway connection as an administrator of the CA's organisation
   * @param ledgerId the ledger id, the node's {@code kp.anchoring.origin}
   * @param node the node's certificate
   * @param ca the organisation CA's certificate
   * @return the registration the channel stored (JSON)
   * @throws GatewayException if the network cannot be reached or the chaincode refuses (see {@link
   *     ChaincodeRefusal#of})
   * @throws org.hyperledger.fabric.client.CommitException if the transaction did not commit
   */
  public static String register(
      FabricConnection admin, String ledgerId, X509Certificate node, X509Certificate ca)
      throws GatewayException, org.hyperledger.fabric.client.CommitException {
    byte[] stored =
        admin
            .contract("Anchor")
            .submitTransaction(
                "RegisterLedgerNode",
                ledgerId,
                Pem.writeCertificate(node),
                Pem.writeCertificate(ca));
    return new String(stored, StandardCharsets.UTF_8);
  }
}
