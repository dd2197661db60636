-- Storage per event cut again (issue #20, second round).
--
-- The Merkle log's level 0 is not kept in merkle_node any more: a node of level 0 is a leaf hash,
-- and merkle_leaf already holds every leaf's hash by leaf index, written in the transaction that
-- grows the tree (JdbcNodeStore reads level 0 from there). Level 0 was about 94 % of merkle_node's
-- rows. A level-0 row is deleted only where merkle_leaf holds the same hash at the same index; leaf
-- hashes, proofs, tree heads and audit bundles are the same bytes as before.
-- merkle_leaf and merkle_node are created by the node's code after the migrations run; on an empty
-- database they are created here first, in the same shape, so that the DELETE has tables to use.
CREATE TABLE IF NOT EXISTS merkle_leaf (
    leaf_index BIGINT NOT NULL PRIMARY KEY,
    event_id VARCHAR(255) NOT NULL,
    leaf_hash BYTEA NOT NULL,
    anchored_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT merkle_leaf_event_id_key UNIQUE (event_id)
);
CREATE TABLE IF NOT EXISTS merkle_node (
    tree_level SMALLINT NOT NULL,
    node_index BIGINT NOT NULL,
    node_hash BYTEA NOT NULL,
    PRIMARY KEY (tree_level, node_index)
);
DELETE FROM merkle_node WHERE tree_level = 0 AND EXISTS (
    SELECT 1 FROM merkle_leaf l
    WHERE l.leaf_index = merkle_node.node_index AND l.leaf_hash = merkle_node.node_hash);

-- A leaf's event id as a UUID (16 bytes) rather than its 36 characters of text: Axon makes every
-- event identifier a random UUID. That is 21 bytes less in each row and about half the unique index
-- that keeps an event from becoming two leaves. Queries that join merkle_leaf to the event store
-- cast one side (JdbcLeafIndex, LedgerEvents, BundleExporter, DocumentController).
ALTER TABLE merkle_leaf ALTER COLUMN event_id TYPE UUID USING CAST(event_id AS UUID);

-- Digests as their 32 bytes, not 64 hex characters: the receipt's body hash, the envelope's and the
-- signer certificate's SHA-256 (the node formats them as hex where it shows or compares them).
-- A body hash that is not a SHA-256 in hex (the "unsigned" of the commands a benchmark sends
-- straight to Axon) is kept as its UTF-8 bytes.
-- A receipt's outcome that begins with the command's own id, {"commandId":"<command_id>",... (every
-- acceptance), is kept without it: "+" and the rest of the text; the node puts the same characters
-- back before it answers (CommandReceipts), so a retried command still gets the same bytes.
-- command_receipt is created by the node's code after the migrations run; on an empty database it
-- is created here first, in the shape it had, and converted like a full one. Each ALTER TABLE
-- rewrites its table once.
CREATE TABLE IF NOT EXISTS command_receipt (
    command_id VARCHAR(128) PRIMARY KEY,
    body_hash VARCHAR(64) NOT NULL,
    http_status INT NOT NULL,
    outcome TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
-- Only while body_hash is still text: a node of this release started on an older schema (with
-- Flyway's target below 4) already created the table in the new shape.
DO $$
BEGIN
    IF (SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()
            AND table_name = 'command_receipt' AND column_name = 'body_hash') <> 'bytea' THEN
        ALTER TABLE command_receipt
            ALTER COLUMN body_hash TYPE BYTEA USING (
                CASE WHEN body_hash ~ '^[0-9a-f]{64}$' THEN decode(body_hash, 'hex')
                     ELSE convert_to(body_hash, 'UTF8') END),
            ALTER COLUMN outcome TYPE TEXT USING (
                CASE WHEN starts_with(outcome, '{"commandId":"' || command_id || '",')
                     THEN '+' || substr(outcome,
                         char_length('{"commandId":"' || command_id || '",') + 1)
                     ELSE outcome END);
    END IF;
END $$;

ALTER TABLE command_envelope
    ALTER COLUMN envelope_sha256 TYPE BYTEA USING decode(envelope_sha256, 'hex'),
    ALTER COLUMN certificate_sha256 TYPE BYTEA USING decode(certificate_sha256, 'hex');
ALTER TABLE signer_certificate
    ALTER COLUMN certificate_sha256 TYPE BYTEA USING decode(certificate_sha256, 'hex');
