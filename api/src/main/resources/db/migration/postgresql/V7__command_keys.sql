-- Commands' rows keyed by a UUID (issue #20, fifth round): command_receipt and command_envelope
-- were keyed by the command id's text, in the row and again in the primary key's index; a client's
-- random UUID took 37 bytes in each, 46 and 32 bytes an event in the two indexes on the benchmark's
-- mix. Both tables are now keyed by command_key, 16 bytes, made as the node's CommandKey makes it:
-- a command id that is a UUID in canonical lower-case text, of any version but 8, is its own key and
-- its row keeps no text (command_id NULL); any other id is keyed by the first 16 bytes of the
-- SHA-256 of its UTF-8 with the version-8 and variant bits set, and its row keeps its text. The two
-- ways never give the same key. Each table is rewritten once (ALTER ... TYPE ... USING).
CREATE FUNCTION kp_v7_command_key(id TEXT) RETURNS UUID LANGUAGE SQL STABLE STRICT AS $$
    SELECT CASE
        WHEN id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-79a-f][0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$'
            THEN CAST(id AS UUID)
        ELSE CAST(encode(set_byte(set_byte(substring(h FROM 1 FOR 16),
                6, (get_byte(h, 6) & 15) | 128),
                8, (get_byte(h, 8) & 63) | 128), 'hex') AS UUID)
    END
    FROM (SELECT sha256(convert_to(id, 'UTF8')) AS h) AS digest
$$;

CREATE TABLE IF NOT EXISTS command_receipt (
    command_id VARCHAR(128) PRIMARY KEY,
    body_hash BYTEA NOT NULL,
    http_status INT NOT NULL,
    outcome TEXT,
    recorded_at TIMESTAMP NOT NULL,
    packed_outcome BYTEA
);
-- Only where the table is still keyed by its text: a node of this release started on an older
-- schema (with Flyway's target below 7) already created it keyed.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
            AND table_name = 'command_receipt' AND column_name = 'command_key') THEN
        ALTER TABLE command_receipt ADD COLUMN command_key UUID;
        ALTER TABLE command_receipt DROP CONSTRAINT command_receipt_pkey;
        ALTER TABLE command_receipt ALTER COLUMN command_id DROP NOT NULL;
        ALTER TABLE command_receipt
            ALTER COLUMN command_key TYPE UUID USING kp_v7_command_key(command_id),
            ALTER COLUMN command_id TYPE VARCHAR(128) USING (
                CASE WHEN CAST(kp_v7_command_key(command_id) AS TEXT) = command_id THEN NULL
                     ELSE command_id END);
        ALTER TABLE command_receipt
            ADD CONSTRAINT command_receipt_pkey PRIMARY KEY (command_key);
    END IF;
END $$;

ALTER TABLE command_envelope ADD COLUMN command_key UUID;
ALTER TABLE command_envelope DROP CONSTRAINT command_envelope_pkey;
ALTER TABLE command_envelope ALTER COLUMN command_id DROP NOT NULL;
ALTER TABLE command_envelope
    ALTER COLUMN command_key TYPE UUID USING kp_v7_command_key(command_id),
    ALTER COLUMN command_id TYPE VARCHAR(128) USING (
        CASE WHEN CAST(kp_v7_command_key(command_id) AS TEXT) = command_id THEN NULL
             ELSE command_id END);
ALTER TABLE command_envelope ADD CONSTRAINT command_envelope_pkey PRIMARY KEY (command_key);

DROP FUNCTION kp_v7_command_key(TEXT);
