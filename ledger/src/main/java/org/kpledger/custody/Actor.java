package org.kpledger.custody;

import java.util.Map;
import java.util.Objects;
import org.axonframework.messaging.MetaData;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * The authenticated signer of a command, as established from its certificate before Axon sees the
 * command. Custody is held by a <em>party</em>: a collector holds in their own name (their actor
 * id), every other actor holds for their organisation.
 *
 * <p>This is the one shape of the signer from the verified envelope to the handler: the node puts
 * it on a command with {@link #toMetaData()}, Axon copies those entries to every event the command
 * causes, and a handler declares an {@code Actor} parameter ({@link ActorParameterResolverFactory})
 * which {@link #from(Map)} reads back. On the wire and in the event store it stays the four strings
 * every stored event has carried since the first ({@link LedgerMetaData#ACTOR_KEYS}), so the leaves
 * an auditor re-encodes do not change.
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

  /**
   * The metadata that carries this actor on a command and on every event it causes: {@link
   * LedgerMetaData#ACTOR_KEYS}, each a string (the enums by name).
   */
  public MetaData toMetaData() {
    return MetaData.with(LedgerMetaData.ACTOR_ID, actorId)
        .and(LedgerMetaData.ORGANISATION_ID, organisationId)
        .and(LedgerMetaData.ORGANISATION_TYPE, organisationType.name())
        .and(LedgerMetaData.ROLE, role.name());
  }

  /** Whether {@code meta} carries an actor: every one of {@link LedgerMetaData#ACTOR_KEYS}. */
  public static boolean isCarriedBy(Map<String, ?> meta) {
    return meta != null && LedgerMetaData.ACTOR_KEYS.stream().allMatch(meta::containsKey);
  }

  /**
   * The actor that {@code meta} carries, as {@link #toMetaData()} wrote it.
   *
   * @throws IllegalArgumentException ({@code ACTOR_MISSING}) if {@code meta} lacks any of {@link
   *     LedgerMetaData#ACTOR_KEYS}, or carries an organisation type or role the ledger does not
   *     know
   */
  public static Actor from(Map<String, ?> meta) {
    if (!isCarriedBy(meta)) {
      throw new IllegalArgumentException(
          "ACTOR_MISSING: the message carries no signer ("
              + String.join(", ", LedgerMetaData.ACTOR_KEYS)
              + "); only a command whose envelope the node verified names an actor");
    }
    return new Actor(
        meta.get(LedgerMetaData.ACTOR_ID).toString(),
        meta.get(LedgerMetaData.ORGANISATION_ID).toString(),
        OrganisationType.valueOf(meta.get(LedgerMetaData.ORGANISATION_TYPE).toString()),
        Role.valueOf(meta.get(LedgerMetaData.ROLE).toString()));
  }
}
