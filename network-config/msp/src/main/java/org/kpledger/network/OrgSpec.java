package org.kpledger.network;

import java.util.List;
import org.kpledger.identity.OrganisationType;

/**
 * One organisation of the network, as given on the command line: {@code
 * <mspId>:<organisationId>:<TYPE>:<peer|orderer>:[<node>[,<node>...]][:<country>]}. An empty node
 * list makes an organisation without nodes (a client-only member of the channel, whose clients use
 * another organisation's peer as Gateway); a country of {@code -} or none leaves the CA without C.
 *
 * @param mspId the Fabric MSP id
 * @param organisationId the ledger's organisation id (the CA's O)
 * @param type the organisation type (the CA's OU)
 * @param nodeUnit the NodeOU of its nodes, {@code peer} or {@code orderer}
 * @param nodes the names of its nodes, possibly none
 * @param country the ISO 3166-1 alpha-2 code of the CA's C, or null
 */
record OrgSpec(
    String mspId,
    String organisationId,
    OrganisationType type,
    String nodeUnit,
    List<String> nodes,
    String country) {

  static OrgSpec parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length < 5
        || parts.length > 6
        || !(parts[3].equals("peer") || parts[3].equals("orderer"))) {
      throw new IllegalArgumentException(
          "want <mspId>:<organisationId>:<TYPE>:<peer|orderer>:[<node>[,<node>...]][:<country>],"
              + " got "
              + text);
    }
    String country = parts.length == 6 && !parts[5].equals("-") ? parts[5] : null;
    return new OrgSpec(
        parts[0],
        parts[1],
        OrganisationType.valueOf(parts[2]),
        parts[3],
        parts[4].isEmpty() ? List.of() : List.of(parts[4].split(",")),
        country);
  }
}
