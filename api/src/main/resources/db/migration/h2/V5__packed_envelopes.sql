-- A command's envelope kept packed (issue #20, third round): the text the row kept since V2 (the
-- envelope as signed, its signer's certificate cut out) as the bytes of ledger's PackedJson, the
-- event store's form for JSON (formats/README.md: one format byte, then DEFLATE against a fixed
-- dictionary; or the UTF-8 text itself where packing would not make it shorter). A row holds its
-- envelope in exactly one of the two columns: rows written before keep their text in envelope,
-- rows written with kp.event-store.pack-json (the default) keep packed_envelope, envelope NULL.
-- Nothing is rewritten; the node reads both and checks each against envelope_sha256 as before.
-- IF NOT EXISTS: a database whose history was cut back to an earlier version runs this again.
ALTER TABLE command_envelope ADD COLUMN IF NOT EXISTS packed_envelope BYTEA;
ALTER TABLE command_envelope ALTER COLUMN envelope DROP NOT NULL;
