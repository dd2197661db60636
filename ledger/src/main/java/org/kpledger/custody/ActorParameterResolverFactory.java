package org.kpledger.custody;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;

/**
 * Lets a command handler declare an {@link Actor} parameter, resolved from the metadata that the
 * envelope verifier attached. A command without a verified signer does not match, so a handler that
 * needs an actor can never run for an anonymous command.
 */
public final class ActorParameterResolverFactory implements ParameterResolverFactory {

  @Override
  public ParameterResolver<Actor> createInstance(
      Executable executable, Parameter[] parameters, int parameterIndex) {
    if (!Actor.class.equals(parameters[parameterIndex].getType())) {
      return null;
    }
    return new ParameterResolver<>() {
      @Override
      public Actor resolveParameterValue(Message<?> message) {
        return actorOf(message.getMetaData());
      }

      @Override
      public boolean matches(Message<?> message) {
        MetaData m = message.getMetaData();
        return m.containsKey(LedgerMetaData.ACTOR_ID)
            && m.containsKey(LedgerMetaData.ORGANISATION_ID)
            && m.containsKey(LedgerMetaData.ORGANISATION_TYPE)
            && m.containsKey(LedgerMetaData.ROLE);
      }
    };
  }

  /** Reads the actor from a message's metadata. */
  public static Actor actorOf(MetaData m) {
    return new Actor(
        (String) m.get(LedgerMetaData.ACTOR_ID),
        (String) m.get(LedgerMetaData.ORGANISATION_ID),
        OrganisationType.valueOf((String) m.get(LedgerMetaData.ORGANISATION_TYPE)),
        Role.valueOf((String) m.get(LedgerMetaData.ROLE)));
  }

  /** The metadata that carries an actor. */
  public static MetaData metaDataOf(Actor actor) {
    return MetaData.with(LedgerMetaData.ACTOR_ID, actor.actorId())
        .and(LedgerMetaData.ORGANISATION_ID, actor.organisationId())
        .and(LedgerMetaData.ORGANISATION_TYPE, actor.organisationType().name())
        .and(LedgerMetaData.ROLE, actor.role().name());
  }
}
