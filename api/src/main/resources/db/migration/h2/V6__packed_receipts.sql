-- A receipt's outcome kept packed (issue #20, fourth round), as the events' JSON and the commands'
-- envelopes are: the text V4 keeps ("+" and the rest of the answer after the command's own id, or
-- the whole answer) as the bytes of ledger's PackedJson (formats/README.md), in packed_outcome, with
-- outcome NULL. An acceptance's answer is mostly its event ids, UUIDs in text, which PackedJson's
-- format 2 keeps as their 16 bytes each. Rows written before keep their text in outcome and read as
-- before; a node writes text while kp.event-store.pack-json is false.
-- IF NOT EXISTS: a database whose history was cut back to an earlier version runs this again.
ALTER TABLE command_receipt ADD COLUMN IF NOT EXISTS packed_outcome BYTEA;
ALTER TABLE command_receipt ALTER COLUMN outcome DROP NOT NULL;
