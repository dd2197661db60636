package org.kpledger.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One registration command of a world's script, before it is signed: who signs it, its command type
 * as the node's command catalogue names it, and its payload.
 *
 * @param actor the id of the actor who signs it (the world's registrar or monitor)
 * @param type the command type, such as {@code RegisterZone}
 * @param payload the command's payload, exact decimals
 */
public record RegistryCommand(String actor, String type, ObjectNode payload) {

  /** Checks that every part is present. */
  public RegistryCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
  }
}
