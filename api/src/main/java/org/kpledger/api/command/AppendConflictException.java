package org.kpledger.api.command;

/**
 * The event store refused a command's events because another command, on this node or another one
 * sharing the database, appended to the same aggregate first (its unique aggregate id and sequence
 * number), and no id the command creates is taken: the command was judged on a state that is no
 * longer the latest, so it is judged again, and after a few tries the client is asked to retry.
 */
final class AppendConflictException extends RuntimeException {
  AppendConflictException(RuntimeException cause) {
    super("another command appended to the same item first", cause);
  }
}
