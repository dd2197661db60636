package org.kpledger.network;

import java.util.List;
import org.kpledger.identity.OrganisationType;

/**
 * One organisation of the network, as given on the command line: {@code
 * <mspId>:<organisationId>:<TYPE>:<peer|orderer>:<node>[,<node>...]}.
 *
 * @param mspId the Fabric MSP id
 * @param organisationId the ledger's organisation id (the CA's O)
 * @param type the organisation type (the CA's OU)
 * @param nodeUnit the NodeOU of its nodes, {@code peer} or {@code orderer}
 * @param nodes the names of its nodes
 */
record OrgSpec(
    String mspId,
    String organisationId,
    OrganisationType type,
    String nodeUnit,
    List<String> nodes) {

  static OrgSpec parse(String text) {
    String[] parts = text.split(":");
    if (parts.length != 5 || !(parts[3].equals("peer") || parts[3].equals("orderer"))) {
      throw new IllegalArgumentException(
          "want <mspId>:<organisationId>:<TYPE>:<peer|orderer>:<node>[,<node>...], got " + text);
    }
    return new OrgSpec(
        parts[0],
        parts[1],
        OrganisationType.valueOf(parts[2]),
        parts[3],
        List.of(parts[4].split(",")));
  }
}
