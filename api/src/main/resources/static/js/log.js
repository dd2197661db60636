// The verifiable log, checked in the page against a pinned key: the C2SP checkpoint (signed note,
// signature type 0x05: an RFC 6962 TreeHeadSignature, ECDSA P-256) and an event's RFC 9162
// inclusion proof. Nothing here trusts the node: every hash is recomputed.
import { base64Decode, derToP1363 } from "./signing.js";

const ECDSA = { name: "ECDSA", namedCurve: "P-256" };

async function sha256(...parts) {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const buf = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    buf.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", buf));
}

function equal(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function u64(v) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(v));
  return out;
}

/** A failed check, with the rule it broke. */
export class LogCheckError extends Error {
  constructor(rule, message) {
    super(message);
    this.rule = rule;
  }
}

/**
 * Reads a verifier key `<name>+<hex key ID>+<base64(0x05 || DER SPKI)>` and checks that its key
 * ID is SHA-256(name || 0x0A || 0x05 || SHA-256(SPKI)), first four bytes.
 */
export async function readVerifierKey(text) {
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(text.trim());
  if (!m) {
    throw new LogCheckError("MALFORMED_KEY", "a verifier key is <name>+<key id>+<key>");
  }
  const [, name, idHex, b64] = m;
  const blob = base64Decode(b64);
  if (blob[0] !== 0x05) {
    throw new LogCheckError("MALFORMED_KEY", "not an RFC 6962 (type 0x05) verifier key");
  }
  const spki = blob.slice(1);
  const logId = await sha256(spki);
  const id = (await sha256(new TextEncoder().encode(name), Uint8Array.of(0x0a, 0x05), logId)).slice(0, 4);
  if (hex(id) !== idHex) {
    throw new LogCheckError("MALFORMED_KEY", "the key ID does not match the key");
  }
  const key = await crypto.subtle.importKey("spki", spki, ECDSA, false, ["verify"]);
  return { name, id, key };
}

export function hex(bytes) {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Verifies a checkpoint against the pinned key; returns its origin, size, root and time. */
export async function verifyCheckpoint(note, pinned) {
  const split = note.lastIndexOf("\n\n");
  if (split < 0 || !note.endsWith("\n")) {
    throw new LogCheckError("MALFORMED_CHECKPOINT", "not a signed note");
  }
  const text = note.slice(0, split + 1);
  const lines = text.slice(0, -1).split("\n");
  if (lines.length !== 3) {
    throw new LogCheckError("MALFORMED_CHECKPOINT", "a checkpoint has three lines");
  }
  const [origin, sizeText, rootText] = lines;
  if (origin !== pinned.name) {
    throw new LogCheckError("ORIGIN_MISMATCH", `checkpoint of '${origin}', not '${pinned.name}'`);
  }
  if (!/^(0|[1-9][0-9]{0,18})$/.test(sizeText)) {
    throw new LogCheckError("MALFORMED_CHECKPOINT", "the tree size is not decimal");
  }
  const size = BigInt(sizeText);
  const root = base64Decode(rootText);
  if (root.length !== 32) {
    throw new LogCheckError("MALFORMED_CHECKPOINT", "the root is not 32 bytes");
  }
  let signedAt = null;
  for (const line of note.slice(split + 2, -1).split("\n")) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) {
      throw new LogCheckError("MALFORMED_CHECKPOINT", "a signature line is malformed");
    }
    const body = base64Decode(m[2]);
    if (m[1] !== pinned.name || !equal(body.slice(0, 4), pinned.id)) {
      continue;
    }
    const view = new DataView(body.buffer, body.byteOffset + 4);
    const millis = view.getBigUint64(0);
    if (body[12] !== 0x04 || body[13] !== 0x03 || view.getUint16(10) !== body.length - 16) {
      throw new LogCheckError("BAD_SIGNATURE", "not an ECDSA/SHA-256 RFC 6962 signature");
    }
    const { p1363, lowS } = derToP1363(body.slice(16));
    const input = new Uint8Array([0, 1, ...u64(millis), ...u64(size), ...root]);
    const ok =
      lowS &&
      (await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, pinned.key, p1363, input));
    if (!ok) {
      throw new LogCheckError("BAD_SIGNATURE", `the signature by ${pinned.name} does not verify`);
    }
    signedAt = new Date(Number(millis));
  }
  if (!signedAt) {
    throw new LogCheckError("NO_KNOWN_SIGNATURE", `no signature by the pinned key ${hex(pinned.id)}`);
  }
  return { origin, size, root, signedAt };
}

/** The RFC 9162 leaf hash of leaf bytes: SHA-256(0x00 || bytes). */
export function leafHash(bytes) {
  return sha256(Uint8Array.of(0), bytes);
}

/** v1 holds the whole signed envelope in its metadata, v2 the envelope's SHA-256 (6 Dec 2026). */
const LEAF_FORMATS = ["kp-ledger/leaf/v1", "kp-ledger/leaf/v2"];

/**
 * Reads an event's leaf (its `kp-ledger/leaf/v1` or `v2` RFC 8785 line, exactly as the node answers it or
 * an audit bundle lists it) and returns its leaf hash, recomputed from these bytes alone; refuses a
 * leaf of another format or another event.
 */
export async function eventLeafHash(text, eventId) {
  let leaf;
  try {
    leaf = JSON.parse(text);
  } catch (e) {
    throw new LogCheckError("MALFORMED_LEAF", `the event is not JSON: ${e.message}`);
  }
  if (!LEAF_FORMATS.includes(leaf?.format)) {
    throw new LogCheckError("MALFORMED_LEAF", `not a leaf of format ${LEAF_FORMATS.join(" or ")}`);
  }
  if (leaf.eventId !== eventId) {
    throw new LogCheckError("LEAF_EVENT_MISMATCH", `the leaf is event ${leaf.eventId}, the proof is about ${eventId}`);
  }
  return leafHash(new TextEncoder().encode(text));
}

export function sameBytes(a, b) {
  return equal(a, b);
}

/**
 * Checks an RFC 9162 §2.1.3.2 inclusion proof: that the leaf hash at `index` is in the tree of
 * `size` leaves whose root is `root`.
 */
export async function verifyInclusion(index, size, leafHash, proof, root) {
  let fn = BigInt(index);
  let sn = BigInt(size) - 1n;
  if (fn > sn) {
    throw new LogCheckError("INCLUSION_PROOF_INVALID", "the leaf index is beyond the tree size");
  }
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0n) {
      throw new LogCheckError("INCLUSION_PROOF_INVALID", "the proof is too long");
    }
    if ((fn & 1n) === 1n || fn === sn) {
      r = await sha256(Uint8Array.of(1), p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await sha256(Uint8Array.of(1), r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) {
    throw new LogCheckError("INCLUSION_PROOF_INVALID", "the proof is too short");
  }
  if (!equal(r, root)) {
    throw new LogCheckError(
      "INCLUSION_PROOF_INVALID",
      `the proof leads to root ${hex(r)}, not the checkpoint's ${hex(root)}`,
    );
  }
}
