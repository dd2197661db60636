-- Axon's JPA storage engine: the event store, snapshots, tracking tokens, sagas and the dead-letter
-- queue, as Hibernate's ddl-auto=update created them on PostgreSQL (ByteaPostgreSQLDialect) before
-- migrations existed (a database of that schema is baselined at version 1 and this script is not
-- run on it: SchemaMigrations). Same names as Hibernate gave them, so a baselined database and a
-- migrated one are alike. Serialized columns are bytea, kept inline in the row, never oid large
-- objects. Hibernate validates these tables at every start (spring.jpa.hibernate.ddl-auto=validate).

CREATE TABLE domain_event_entry (
    global_index BIGINT NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    meta_data BYTEA,
    payload BYTEA NOT NULL,
    payload_revision VARCHAR(255),
    payload_type VARCHAR(255) NOT NULL,
    time_stamp VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number BIGINT NOT NULL,
    type VARCHAR(255),
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    CONSTRAINT uk8s1f994p4la2ipb13me2xqm1w UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT ukfwe6lsa8bfo6hyas6ud3m8c7x UNIQUE (event_identifier)
);
-- the global index (Hibernate's pooled generator: it reserves 50 values per call)
CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number BIGINT NOT NULL,
    type VARCHAR(255) NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    meta_data BYTEA,
    payload BYTEA NOT NULL,
    payload_revision VARCHAR(255),
    payload_type VARCHAR(255) NOT NULL,
    time_stamp VARCHAR(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT uke1uucjseo68gopmnd0vgdl44h UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment INTEGER NOT NULL,
    owner VARCHAR(255),
    "timestamp" VARCHAR(255) NOT NULL,
    token BYTEA,
    token_type VARCHAR(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);

CREATE TABLE saga_entry (
    saga_id VARCHAR(255) NOT NULL,
    revision VARCHAR(255),
    saga_type VARCHAR(255),
    serialized_saga BYTEA,
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);

CREATE TABLE association_value_entry (
    id BIGINT NOT NULL,
    association_key VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id VARCHAR(255) NOT NULL,
    saga_type VARCHAR(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);
CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX idxk45eqnxkgd8hpdn6xixn8sgft
    ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX idxgv5k1v2mh6frxuy5c0hgbau94 ON association_value_entry (saga_id, saga_type);

CREATE TABLE dead_letter_entry (
    dead_letter_id VARCHAR(255) NOT NULL,
    cause_message VARCHAR(1023),
    cause_type VARCHAR(255),
    diagnostics BYTEA,
    enqueued_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_touched TIMESTAMP(6) WITH TIME ZONE,
    aggregate_identifier VARCHAR(255),
    event_identifier VARCHAR(255) NOT NULL,
    message_type VARCHAR(255) NOT NULL,
    meta_data BYTEA,
    payload BYTEA NOT NULL,
    payload_revision VARCHAR(255),
    payload_type VARCHAR(255) NOT NULL,
    sequence_number BIGINT,
    time_stamp VARCHAR(255) NOT NULL,
    token BYTEA,
    token_type VARCHAR(255),
    type VARCHAR(255),
    processing_group VARCHAR(255) NOT NULL,
    processing_started TIMESTAMP(6) WITH TIME ZONE,
    sequence_identifier VARCHAR(255) NOT NULL,
    sequence_index BIGINT NOT NULL,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT ukhlr8io86j74qy298xf720n16v
        UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX idxe67wcx5fiq9hl4y4qkhlcj9cg ON dead_letter_entry (processing_group);
CREATE INDEX idxrwucpgs6sn93ldgoeh2q9k6bn ON dead_letter_entry (processing_group, sequence_identifier);
