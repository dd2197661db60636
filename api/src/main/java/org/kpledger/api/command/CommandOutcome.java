package org.kpledger.api.command;

import java.util.List;

/**
 * What an accepted command produced: the handler's result (usually the id of what it created or
 * changed) and the ids of every event it caused, in order.
 */
public record CommandOutcome(
    String commandId, String commandType, Object result, List<String> eventIds) {}
