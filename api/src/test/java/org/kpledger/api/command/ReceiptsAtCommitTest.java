package org.kpledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The receipts of a unit of work's commands are written when its root prepares to commit, all of
 * them, and a receipt that cannot be written fails that commit.
 */
class ReceiptsAtCommitTest {
  private JdbcTemplate jdbc;
  private CommandReceipts receipts;
  private SpringTransactionManager transactions;
  private UnitOfWork<?> batch;

  @BeforeEach
  void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:receipts-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(h2);
    receipts = new CommandReceipts(jdbc);
    transactions = new SpringTransactionManager(new DataSourceTransactionManager(h2));
  }

  @AfterEach
  void endBatch() {
    if (batch != null && batch.isActive()) {
      batch.rollback();
    }
  }

  @Test
  void givenABatchWhenItsCommandsStoreReceiptsThenTheyAreWrittenWhenTheBatchCommits() {
    batch = DefaultUnitOfWork.startAndGet(null);
    batch.attachTransaction(transactions);
    for (int i = 0; i < 25; i++) {
      receipts.storeAtCommit(receipt("C-" + i));
    }
    assertThat(count()).as("nothing written before the commit").isZero();

    batch.commit();

    assertThat(count()).isEqualTo(25);
    assertThat(receipts.find("C-7")).contains(receipt("C-7"));
  }

  @Test
  void givenACommandIdAlreadyStoredWhenABatchStoresItAgainThenTheCommitFailsAndWritesNothing() {
    receipts.store(receipt("C-1"));
    batch = DefaultUnitOfWork.startAndGet(null);
    batch.attachTransaction(transactions);
    receipts.storeAtCommit(receipt("C-0"));
    receipts.storeAtCommit(receipt("C-1"));
    receipts.storeAtCommit(receipt("C-2"));

    assertThatThrownBy(batch::commit).isInstanceOf(DuplicateKeyException.class);

    assertThat(receipts.find("C-0")).isEmpty();
    assertThat(receipts.find("C-2")).isEmpty();
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void givenNoUnitOfWorkWhenAReceiptIsStoredAtCommitThenItIsWrittenAtOnce() {
    receipts.storeAtCommit(receipt("C-3"));

    assertThat(receipts.find("C-3")).contains(receipt("C-3"));
  }

  private static CommandReceipts.Receipt receipt(String commandId) {
    return new CommandReceipts.Receipt(
        commandId, "ab".repeat(32), 200, "{\"commandId\":\"" + commandId + "\",\"events\":[]}");
  }

  private int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM command_receipt", Integer.class);
  }
}
