-- Commands' rows keyed by a UUID (issue #20, fifth round): command_receipt and command_envelope
-- were keyed by the command id's text, in the row and again in the primary key's index; a client's
-- random UUID took 37 bytes in each. Both tables are now keyed by command_key, 16 bytes, made as
-- the node's CommandKey makes it: a command id that is a UUID in canonical lower-case text, of any
-- version but 8, is its own key and its row keeps no text (command_id NULL); any other id is keyed
-- by the first 16 bytes of the SHA-256 of its UTF-8 with the version-8 and variant bits set, and
-- its row keeps its text. The two ways never give the same key.
CREATE TABLE IF NOT EXISTS command_receipt (
    command_id VARCHAR(128) PRIMARY KEY,
    body_hash BYTEA NOT NULL,
    http_status INT NOT NULL,
    outcome TEXT,
    recorded_at TIMESTAMP NOT NULL,
    packed_outcome BYTEA
);
-- A node of this release started on an older schema (Flyway's target below 7) created
-- command_receipt keyed already: its rows keep their keys, and the statements below find nothing
-- else to change.
ALTER TABLE command_receipt ADD COLUMN IF NOT EXISTS command_key UUID;
UPDATE command_receipt SET command_key = CASE
        WHEN REGEXP_LIKE(command_id,
                '^[0-9a-f]{8}-[0-9a-f]{4}-[0-79a-f][0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$')
            THEN CAST(command_id AS UUID)
        ELSE CAST(BITOR(BITAND(
                SUBSTRING(HASH('SHA-256', STRINGTOUTF8(command_id)) FROM 1 FOR 16),
                X'ffffffffffff0fff3fffffffffffffff'),
            X'00000000000080008000000000000000') AS UUID)
    END
    WHERE command_key IS NULL;
ALTER TABLE command_receipt DROP PRIMARY KEY;
ALTER TABLE command_receipt ALTER COLUMN command_id SET NULL;
UPDATE command_receipt SET command_id = NULL WHERE CAST(command_key AS VARCHAR) = command_id;
ALTER TABLE command_receipt ALTER COLUMN command_key SET NOT NULL;
ALTER TABLE command_receipt ADD CONSTRAINT command_receipt_pkey PRIMARY KEY (command_key);

ALTER TABLE command_envelope ADD COLUMN command_key UUID;
UPDATE command_envelope SET command_key = CASE
        WHEN REGEXP_LIKE(command_id,
                '^[0-9a-f]{8}-[0-9a-f]{4}-[0-79a-f][0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$')
            THEN CAST(command_id AS UUID)
        ELSE CAST(BITOR(BITAND(
                SUBSTRING(HASH('SHA-256', STRINGTOUTF8(command_id)) FROM 1 FOR 16),
                X'ffffffffffff0fff3fffffffffffffff'),
            X'00000000000080008000000000000000') AS UUID)
    END;
ALTER TABLE command_envelope DROP PRIMARY KEY;
ALTER TABLE command_envelope ALTER COLUMN command_id SET NULL;
UPDATE command_envelope SET command_id = NULL WHERE CAST(command_key AS VARCHAR) = command_id;
ALTER TABLE command_envelope ALTER COLUMN command_key SET NOT NULL;
ALTER TABLE command_envelope ADD CONSTRAINT command_envelope_pkey PRIMARY KEY (command_key);
