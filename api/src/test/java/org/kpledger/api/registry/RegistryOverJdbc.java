package org.kpledger.api.registry;

import org.springframework.jdbc.core.JdbcTemplate;

/** The registry's projection and queries over a bare database, for tests without a node. */
public final class RegistryOverJdbc {
  private RegistryOverJdbc() {}

  /** The projection, creating its tables; feed it events through Axon's handler adapter. */
  public static Object projection(JdbcTemplate jdbc) {
    return new RegistryProjection(jdbc);
  }

  /** The read side's registry queries over {@code jdbc}. */
  public static RegistryQueries queries(JdbcTemplate jdbc) {
    return new RegistryQueries(jdbc);
  }
}
