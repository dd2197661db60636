package org.kpledger.custody;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Lets a command handler declare an {@link Actor} parameter, resolved from the metadata that the
 * envelope verifier attached ({@link Actor#from(java.util.Map)}). A command without a verified
 * signer does not match, so a handler that needs an actor can never run for an anonymous command.
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
        return Actor.from(message.getMetaData());
      }

      @Override
      public boolean matches(Message<?> message) {
        return Actor.isCarriedBy(message.getMetaData());
      }
    };
  }
}
