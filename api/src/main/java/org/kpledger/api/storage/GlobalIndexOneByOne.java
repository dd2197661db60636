package org.kpledger.api.storage;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With several nodes on one PostgreSQL database ({@code kp.multi-node=true}), makes the event
 * store's global index sequence hand out one number at a time, after Flyway's migrations and before
 * Hibernate starts (which then takes the sequence's increment as its allocation size, {@code
 * increment_size_mismatch_strategy: fix}).
 *
 * <p>Why: with the default increment of 50 each node takes a block of 50 global indexes, so an
 * event a node appends later can get a smaller index than one another node appended before it. The
 * anchoring processor makes leaves in global index order, and an aggregate's events would then
 * become leaves out of their sequence order (the audit verifier's AGGREGATE_SEQUENCE_GAP). With one
 * number at a time an aggregate's next event, appended only after its previous one committed,
 * always gets a larger index. It costs one sequence call per event.
 */
@Component
@ConditionalOnProperty(name = "kp.multi-node", havingValue = "true")
class GlobalIndexOneByOne implements Callback {

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    try {
      if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        return; // an H2 file is one process's: there are no other nodes
      }
      try (Statement s = context.getConnection().createStatement()) {
        s.execute("ALTER SEQUENCE domain_event_entry_seq INCREMENT BY 1");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "kp.multi-node: cannot make the global index sequence count one by one", e);
    }
  }

  @Override
  public String getCallbackName() {
    return "kp-multi-node-global-index";
  }
}
