package org.kpledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows left by an earlier processor are dropped only when the projections processor is new. */
class FirstRunResetTest {
  private JdbcTemplate jdbc;
  private Tally tally;

  /** A projection with one table. */
  static final class Tally extends JdbcProjection {
    Tally(JdbcTemplate jdbc) {
      super(jdbc, "tally");
      table("tally_row", "id VARCHAR(40) PRIMARY KEY");
      create();
    }
  }

  @BeforeEach
  void database() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:first-run-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(ds);
    jdbc.execute("CREATE TABLE token_entry (processor_name VARCHAR(255), segment INT)");
    jdbc.execute("CREATE TABLE domain_event_entry (global_index BIGINT)");
    jdbc.update("INSERT INTO domain_event_entry VALUES (1)");
    tally = new Tally(jdbc);
    jdbc.update("INSERT INTO tally_row VALUES ('left-by-an-old-processor')");
  }

  @Test
  void givenNoTokenForTheProcessorWhenTheNodeStartsThenItsProjectionsStartEmpty() {
    jdbc.update("INSERT INTO token_entry VALUES ('tally', 0)");
    new FirstRunReset(List.of(tally), jdbc, "projections").afterSingletonsInstantiated();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tally_row", Integer.class)).isZero();
  }

  @Test
  void givenATokenForTheProcessorWhenTheNodeStartsThenItsProjectionsAreKept() {
    jdbc.update("INSERT INTO token_entry VALUES ('projections', 0)");
    new FirstRunReset(List.of(tally), jdbc, "projections").afterSingletonsInstantiated();
    assertThat(jdbc.queryForList("SELECT id FROM tally_row", String.class))
        .containsExactly("left-by-an-old-processor");
  }
}
