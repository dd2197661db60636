-- Flyway runs this before each migration, in the migration's transaction: PostgreSQL's notices
-- ("relation "merkle_node" already exists, skipping", from V4's CREATE TABLE IF NOT EXISTS of a
-- table that V3 created) are not sent to Flyway, which logged each as a warning at a node's first
-- start on an empty database. Warnings and errors still are. SET LOCAL ends with the transaction,
-- so the pooled connection Flyway used is as it was.
SET LOCAL client_min_messages = warning;
