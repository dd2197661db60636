package org.kpledger.audit;

/**
 * The rules an audit bundle is checked against. Each finding names one; the names are stable and
 * listed with their meaning in {@code docs/audit-bundle.md}.
 */
public enum Rule {
  /** A bundle file is missing, or a line or member cannot be read. */
  BUNDLE_MALFORMED,
  /** The bundle names a log verifier key other than the one the caller pinned. */
  VERIFIER_KEY_MISMATCH,
  /**
   * A CA certificate in the bundle differs from the pinned one of its organisation, or is unknown.
   */
  TRUST_ANCHOR_MISMATCH,
  /** A CRL does not verify with the pinned CA of its organisation, is stale or unreadable. */
  CRL_INVALID,
  /** A CRL published in the log (an event in the bundle) is not among the bundle's CRLs. */
  CRL_MISSING,
  /** A checkpoint is not a valid signed note by the pinned log key for its size and root. */
  CHECKPOINT_SIGNATURE_INVALID,
  /** Two signed heads are not consistent (RFC 9162 §2.1.4), or sizes do not grow. */
  HEADS_INCONSISTENT,
  /** The newest head is smaller than, or not an extension of, the auditor's last checkpoint. */
  LOG_ROLLED_BACK,
  /** A consistency proof the verifier needs is not in the bundle. */
  CONSISTENCY_PROOF_MISSING,
  /** The leaves of a contiguous range do not rebuild the signed roots. */
  LEAF_RANGE_ROOT_MISMATCH,
  /** A leaf's inclusion proof does not lead to the newest signed root. */
  INCLUSION_PROOF_INVALID,
  /** An event's leaf bytes do not hash to the leaf the log recorded for it. */
  LEAF_HASH_MISMATCH,
  /** An event's bytes are not RFC 8785 canonical, though their canonical form matches the log. */
  LEAF_NOT_CANONICAL,
  /** An event is in the log, but at another position than the bundle says. */
  LEAF_ORDER_MISMATCH,
  /** An event in the bundle is not a leaf of the log. */
  EVENT_MISSING_FROM_LOG,
  /** A leaf of the log names an event the bundle does not hold (deleted from the event store?). */
  EVENT_MISSING_FROM_BUNDLE,
  /** An event is more than one leaf of the log. */
  EVENT_IN_LOG_TWICE,
  /** An aggregate's events in the bundle skip a sequence number. */
  AGGREGATE_SEQUENCE_GAP,
  /**
   * An event carries no signed envelope in its metadata (and is not an event recorded from the
   * Fabric channel, whose evidence is its transaction), or a {@code kp-ledger/leaf/v2} event names
   * an envelope digest that no line of {@code envelopes.jsonl} carries.
   */
  ENVELOPE_MISSING,
  /**
   * A {@code kp-ledger/leaf/v2} event's envelope, found in {@code envelopes.jsonl} under the digest
   * its metadata names, does not hash to that digest: the envelope line was altered.
   */
  ENVELOPE_DIGEST_MISMATCH,
  /** An event's envelope is not a well-formed signed envelope. */
  ENVELOPE_MALFORMED,
  /** An envelope's ECDSA P-256 signature does not verify (or is not low-S strict DER). */
  ENVELOPE_SIGNATURE_INVALID,
  /** The signer certificate does not chain to a pinned organisation CA. */
  CERTIFICATE_NOT_TRUSTED,
  /** The signer certificate is not a well-formed actor certificate (role, organisation, key). */
  CERTIFICATE_INVALID,
  /** The signer certificate, or its CA, was not yet valid when the envelope was issued. */
  CERTIFICATE_NOT_YET_VALID_AT_SIGNING,
  /** The signer certificate, or its CA, had expired when the envelope was issued. */
  CERTIFICATE_EXPIRED_AT_SIGNING,
  /** A CRL of the issuing CA revokes the signer certificate at or before the issue time. */
  CERTIFICATE_REVOKED_AT_SIGNING,
  /** The event's metadata does not follow from its envelope (command id, actor, organisation). */
  ENVELOPE_EVENT_MISMATCH,
  /**
   * A head that the bundle or the auditor expects anchored on a sink (its newest head, or a head
   * whose anchors name that sink) has no anchoring evidence in the bundle.
   */
  HEAD_NOT_ANCHORED,
  /**
   * An anchoring block's data does not hash to its header's data hash, a transaction in it is not
   * in canonical protobuf form, or the block is not the one the evidence names (number, tx id). The
   * {@code ANCHOR_} rules of blocks, transactions and signatures name the same failures in the
   * block of a channel confirmation (subject {@code event:<id>}).
   */
  ANCHOR_BLOCK_ALTERED,
  /**
   * The anchoring transaction does not append the bundle's signed head: not an endorser transaction
   * invoking {@code kpledger} {@code Anchor:AppendHead} with this head (origin, size, root, a
   * signature by the log key), its write set does not store it, or its id or proposal hash does not
   * follow from its own headers.
   */
  ANCHOR_TX_ALTERED,
  /**
   * The peers marked the anchoring (or confirming) transaction invalid (block metadata
   * TRANSACTIONS_FILTER).
   */
  ANCHOR_TX_INVALID,
  /**
   * The anchoring transaction's creator is no member of a channel organisation, or its signature
   * over the envelope payload does not verify.
   */
  ANCHOR_CREATOR_SIGNATURE_INVALID,
  /** An endorsement's signature does not verify over the proposal response payload and endorser. */
  ANCHOR_ENDORSEMENT_SIGNATURE_INVALID,
  /**
   * An endorser is not a peer of a channel organisation: its certificate does not chain to its
   * MSP's CA in the channel configuration, is revoked or not valid at the transaction's time.
   */
  ANCHOR_ENDORSER_UNTRUSTED,
  /**
   * The valid endorsements of the anchoring (or confirming) transaction do not satisfy the
   * channel's endorsement policy ({@code /Channel/Application/Endorsement} in the configuration in
   * force), or come from fewer than two organisations, the auditor's floor whatever the policy.
   */
  ANCHOR_ENDORSEMENTS_INSUFFICIENT,
  /**
   * The anchoring block carries no orderer signature, or one that does not verify over its metadata
   * value, signature header and header (Fabric's block signature).
   */
  ANCHOR_ORDERER_SIGNATURE_INVALID,
  /**
   * A block signer is not an orderer of the channel's ordering organisation, whose CA the auditor
   * pins as an {@code ORDERING_SERVICE} organisation CA.
   */
  ANCHOR_ORDERER_UNTRUSTED,
  /**
   * The channel configuration block that an anchoring block (or a confirmation's block) names is
   * not in the bundle.
   */
  CHANNEL_CONFIG_MISSING,
  /**
   * A channel configuration block cannot be read, is altered (data hash), or, past the genesis
   * block, is not signed by the channel's orderer.
   */
  CHANNEL_CONFIG_INVALID,
  /**
   * A channel organisation's MSP is rooted at a CA that the auditor did not pin, or pinned as
   * another kind (an ordering organisation must be pinned as {@code ORDERING_SERVICE}, a peer
   * organisation as anything else).
   */
  CHANNEL_CA_NOT_PINNED,
  /**
   * An event recorded from the Fabric channel (a certificate's confirmation) does not carry the
   * block of its transaction in its metadata, or carries one that cannot be read.
   */
  CHANNEL_EVIDENCE_MISSING,
  /**
   * The channel transaction an event records says otherwise: not {@code
   * CertificateRegistry:ConfirmCertificate} of the event's certificate number and content hash, not
   * answered 200 or without the registry's {@code CertificateConfirmed} event for them, or the
   * event's channel, block number or confirming MSP are not the transaction's.
   */
  CHANNEL_TX_MISMATCH,
  /**
   * The creator of a certificate's confirming transaction is not a client or admin of an
   * organisation whose pinned CA is an {@code IMPORTING_AUTHORITY}'s.
   */
  CHANNEL_CONFIRMER_NOT_IMPORTING_AUTHORITY
}
