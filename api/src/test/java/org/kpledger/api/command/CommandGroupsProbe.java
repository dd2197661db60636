package org.kpledger.api.command;

import org.springframework.context.ApplicationContext;

/**
 * A test's hold on a node's {@link CommandGroups}: it takes the writer lock that batches and groups
 * share, so that single commands sent meanwhile queue up and are committed as one group when it
 * lets go.
 */
public final class CommandGroupsProbe {
  private final CommandGroups groups;

  /** The node's group writer. */
  public CommandGroupsProbe(ApplicationContext node) {
    this.groups = node.getBean(CommandGroups.class);
  }

  /** Stops any group or batch from being written until {@link #release()}. */
  public void hold() {
    groups.writer().lock();
  }

  /** Lets the writer run what queued meanwhile. */
  public void release() {
    groups.writer().unlock();
  }

  /** Single commands handed to the writer and not yet answered. */
  public int inFlight() {
    return groups.inFlight();
  }
}
