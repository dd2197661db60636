package org.kpledger.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One signed command of the plan.
 *
 * @param key unique within the plan; the command id is derived from it, the seed and the size
 * @param actor the generated actor who signs it
 * @param refusal the rule a custody check must refuse it with, or null if it must be accepted
 */
record Step(String key, String actor, String type, ObjectNode payload, String refusal) {
  static Step accepted(String key, String actor, String type, ObjectNode payload) {
    return new Step(key, actor, type, payload, null);
  }

  static Step refused(String key, String actor, String type, ObjectNode payload, String rule) {
    return new Step(key, actor, type, payload, rule);
  }
}
