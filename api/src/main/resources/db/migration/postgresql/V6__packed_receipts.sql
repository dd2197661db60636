-- A receipt's outcome kept packed (issue #20, fourth round), as the events' JSON and the commands'
-- envelopes are: the text V4 keeps ("+" and the rest of the answer after the command's own id, or
-- the whole answer) as the bytes of ledger's PackedJson (formats/README.md), in packed_outcome, with
-- outcome NULL. An acceptance's answer is mostly its event ids, UUIDs in text, which PackedJson's
-- format 2 keeps as their 16 bytes each. Rows written before keep their text in outcome and read as
-- before; a node writes text while kp.event-store.pack-json is false.
-- IF NOT EXISTS: a database whose history was cut back to an earlier version runs this again.
ALTER TABLE command_receipt ADD COLUMN IF NOT EXISTS packed_outcome BYTEA;
ALTER TABLE command_receipt ALTER COLUMN outcome DROP NOT NULL;

-- An event's identifier is kept unique by an index of it as a UUID (16 bytes a key) instead of its
-- 36 characters of text (Axon's unique constraint from V1): on the benchmark's mix the text index
-- took 77 bytes an event, built one event at a time. Axon makes every event identifier a random
-- UUID in canonical text, and merkle_leaf already keeps them as UUIDs; from here on an event whose
-- identifier is not a UUID cannot be stored (before, it was stored and could never become a leaf).
-- The node's queries by event identifier name the cast, so they use this index on PostgreSQL and
-- the text's on H2, which keeps Axon's constraint (H2 has no index on an expression).
-- Only where every stored identifier is a UUID in canonical text; a store holding another keeps
-- the text constraint, and the queries still work with it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM domain_event_entry WHERE event_identifier
            !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') THEN
        CREATE UNIQUE INDEX IF NOT EXISTS domain_event_entry_event_uuid
            ON domain_event_entry ((CAST(event_identifier AS UUID)));
        ALTER TABLE domain_event_entry DROP CONSTRAINT IF EXISTS ukfwe6lsa8bfo6hyas6ud3m8c7x;
    END IF;
END $$;
