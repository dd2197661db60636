package org.kpledger.custody;

import java.util.Objects;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * The authenticated signer of a command, as established from its certificate before Axon sees the
 * command. Custody is held by a <em>party</em>: a collector holds in their own name (their actor
 * id), every other actor holds for their organisation.
 *
 * @param actorId the certificate's CN
 * @param organisationId the certificate's O, equal to the issuing organisation CA's O
 * @param organisationType the type of that organisation, from the CA certificate
 * @param role the certificate's OU
 */
public record Actor(
    String actorId, String organisationId, OrganisationType organisationType, Role role) {

  /** Creates an actor; no component may be null. */
  public Actor {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(organisationId, "organisationId");
    Objects.requireNonNull(organisationType, "organisationType");
    Objects.requireNonNull(role, "role");
  }

  /** The custody party this actor acts for: a collector's own id, else the organisation's id. */
  public String party() {
    return role == Role.COLLECTOR ? actorId : organisationId;
  }
}
