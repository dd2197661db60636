-- The Merkle log's interior nodes are kept only at every fourth level (0, 4, 8, ...): a node at
-- another level is recomputed, for a proof, from its at most 8 descendants at the stored level
-- below (JdbcNodeStore, issue #20). That is about 1.07 rows per leaf instead of 2; the rows of the
-- other levels, written before, are never read again and are deleted here. Leaf hashes, proofs,
-- tree heads and audit bundles are the same bytes as before.
-- merkle_node is created by the node's code (JdbcNodeStore) after the migrations run; on an empty
-- database it is created here first, in the same shape, so that the DELETE has a table to work on.
CREATE TABLE IF NOT EXISTS merkle_node (
    tree_level SMALLINT NOT NULL,
    node_index BIGINT NOT NULL,
    node_hash BYTEA NOT NULL,
    PRIMARY KEY (tree_level, node_index)
);
DELETE FROM merkle_node WHERE MOD(tree_level, 4) <> 0;
