package org.kpledger.api.projection;

import java.util.List;

/**
 * A read model: query tables in the ledger's database, written by one streaming event processor
 * (its processing group has the projection's name) and rebuilt from the event store on replay.
 */
interface Projection {
  /** The projection's name, which is also its processing group and processor name. */
  String name();

  /** The tables it owns, dropped and created again on replay. */
  List<String> tables();
}
