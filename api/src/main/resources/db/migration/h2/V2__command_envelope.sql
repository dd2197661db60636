-- The signed envelope of each accepted command, stored once per command (issue #20) rather than in
-- the metadata of every event the command caused: events written from now on carry its SHA-256
-- ("envelopeSha256") and make leaves of format kp-ledger/leaf/v2. Events written before keep their
-- envelope and stay v1 leaves; nothing here rewrites them (their leaves are anchored evidence).
-- The envelope is kept as the actor signed and sent it (CHARACTER VARYING without a length: stored
-- in the row, not in H2's separate LOB maps).
-- The signer's certificate (base64 DER, 61 % of an envelope's bytes) is kept once per certificate
-- in signer_certificate: the envelope row holds the envelope's text without it, and where it was
-- cut out (certificate_at, a character offset), and the node puts it back and checks the result
-- against envelope_sha256 before serving it. A row whose certificate could not be found in the
-- text keeps the whole text (certificate_sha256 and certificate_at NULL).
CREATE TABLE signer_certificate (
    certificate_sha256 CHAR(64) NOT NULL,
    certificate CHARACTER VARYING NOT NULL,
    CONSTRAINT signer_certificate_pkey PRIMARY KEY (certificate_sha256)
);

CREATE TABLE command_envelope (
    command_id VARCHAR(128) NOT NULL,
    envelope_sha256 CHAR(64) NOT NULL,
    envelope CHARACTER VARYING NOT NULL,
    certificate_sha256 CHAR(64),
    certificate_at INTEGER,
    CONSTRAINT command_envelope_pkey PRIMARY KEY (command_id)
);
