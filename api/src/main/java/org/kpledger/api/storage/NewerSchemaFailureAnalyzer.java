package org.kpledger.api.storage;

import org.kpledger.api.storage.SchemaMigrations.NewerSchemaException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a node refused for a database schema newer than it knows as the one line that names both
 * versions, instead of the chain of bean-creation exceptions around it. Registered in {@code
 * META-INF/spring.factories}.
 */
public class NewerSchemaFailureAnalyzer extends AbstractFailureAnalyzer<NewerSchemaException> {
  @Override
  protected FailureAnalysis analyze(Throwable root, NewerSchemaException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Start the node of the release that migrated this database, or point this node at another"
            + " database.",
        cause);
  }
}
