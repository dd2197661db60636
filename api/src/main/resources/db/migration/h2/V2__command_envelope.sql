-- The signed envelope of each accepted command, stored once per command (issue #20) rather than in
-- the metadata of every event the command caused: events written from now on carry its SHA-256
-- ("envelopeSha256") and make leaves of format kp-ledger/leaf/v2. Events written before keep their
-- envelope and stay v1 leaves; nothing here rewrites them (their leaves are anchored evidence).
-- The envelope is kept as the actor signed and sent it (CHARACTER VARYING without a length: stored
-- in the row, not in H2's separate LOB maps).
CREATE TABLE command_envelope (
    command_id VARCHAR(128) NOT NULL,
    envelope_sha256 CHAR(64) NOT NULL,
    envelope CHARACTER VARYING NOT NULL,
    CONSTRAINT command_envelope_pkey PRIMARY KEY (command_id)
);
