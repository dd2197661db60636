// Signing in the page: the actor's PKCS#8 key is imported into WebCrypto as a non-extractable
// ECDSA P-256 key, so the page can sign with it but no script can read it back. Signatures are
// sent as the node requires them: DER, low-S (as Hyperledger Fabric), over the RFC 8785 canonical
// JSON of a command envelope or over the KP-READ-1 string of a signed read.
import { certificateInfo } from "./der.js";

const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const ECDSA = { name: "ECDSA", namedCurve: "P-256" };
const SIGN = { name: "ECDSA", hash: "SHA-256" };

/** The DER bytes of the first PEM block labelled `label` in `text`. */
export function pemBytes(text, label) {
  const re = new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`);
  const m = re.exec(text);
  if (!m) {
    throw new Error(`no "${label}" PEM block in the file`);
  }
  return base64Decode(m[1].replace(/\s+/g, ""));
}

export function base64Decode(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) {
    out[i] = bin.charCodeAt(i);
  }
  return out;
}

export function base64Encode(bytes) {
  let bin = "";
  for (const b of bytes) {
    bin += String.fromCharCode(b);
  }
  return btoa(bin);
}

/**
 * An actor: its certificate (DER and what it names) and its non-extractable signing key. Made
 * from the two files `kp actor issue` writes (key.pem, PKCS#8; cert.pem, X.509).
 */
export async function importActor(keyPem, certPem) {
  const certDer = pemBytes(certPem, "CERTIFICATE");
  const info = certificateInfo(certDer);
  let key;
  try {
    key = await crypto.subtle.importKey("pkcs8", pemBytes(keyPem, "PRIVATE KEY"), ECDSA, false, [
      "sign",
    ]);
  } catch (e) {
    throw new Error("the key file is not a PKCS#8 ECDSA P-256 private key");
  }
  const publicKey = await crypto.subtle.importKey("spki", info.spki, ECDSA, false, ["verify"]);
  const probe = new TextEncoder().encode("kp-console key check");
  const sig = await crypto.subtle.sign(SIGN, key, probe);
  if (!(await crypto.subtle.verify(SIGN, publicKey, sig, probe))) {
    throw new Error("the key does not belong to the certificate");
  }
  return { key, certDer, info };
}

/** DER, low-S form of WebCrypto's IEEE P1363 (r || s) ECDSA P-256 signature. */
export function p1363ToLowSDer(p1363) {
  const bytes = new Uint8Array(p1363);
  if (bytes.length !== 64) {
    throw new Error("not a P-256 signature");
  }
  const r = toBigInt(bytes.slice(0, 32));
  let s = toBigInt(bytes.slice(32));
  if (s > P256_ORDER >> 1n) {
    s = P256_ORDER - s;
  }
  const ri = derInteger(r);
  const si = derInteger(s);
  return Uint8Array.of(0x30, ri.length + si.length, ...ri, ...si);
}

/** IEEE P1363 (r || s) form of a DER ECDSA P-256 signature, for WebCrypto's verify. */
export function derToP1363(der) {
  const d = new Uint8Array(der);
  if (d[0] !== 0x30 || d[1] !== d.length - 2) {
    throw new Error("not a DER signature");
  }
  const out = new Uint8Array(64);
  let at = 2;
  for (let part = 0; part < 2; part++) {
    if (d[at] !== 0x02) {
      throw new Error("not a DER signature");
    }
    const len = d[at + 1];
    let v = d.slice(at + 2, at + 2 + len);
    while (v.length > 32 && v[0] === 0) {
      v = v.slice(1);
    }
    if (v.length > 32) {
      throw new Error("not a P-256 signature");
    }
    out.set(v, part * 32 + 32 - v.length);
    at += 2 + len;
  }
  return { p1363: out, lowS: toBigInt(out.slice(32)) <= P256_ORDER >> 1n };
}

function toBigInt(bytes) {
  let v = 0n;
  for (const b of bytes) {
    v = (v << 8n) | BigInt(b);
  }
  return v;
}

function derInteger(v) {
  const bytes = [];
  while (v > 0n) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  if (bytes.length === 0 || bytes[0] & 0x80) {
    bytes.unshift(0);
  }
  return [0x02, bytes.length, ...bytes];
}

async function signBytes(actor, bytes) {
  return p1363ToLowSDer(await crypto.subtle.sign(SIGN, actor.key, bytes));
}

/** RFC 8785 (JCS) canonical JSON: sorted members, ECMAScript string and number forms. */
export function canonicalJson(value) {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new Error("JSON numbers are finite");
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return "[" + value.map(canonicalJson).join(",") + "]";
  }
  const keys = Object.keys(value).sort();
  return "{" + keys.map((k) => JSON.stringify(k) + ":" + canonicalJson(value[k])).join(",") + "}";
}

/** A signed command envelope, as the text to POST to /api/commands. */
export async function signCommand(actor, commandType, payload) {
  const unsigned = {
    commandType,
    commandId: crypto.randomUUID(),
    issuedAt: new Date().toISOString(),
    payload,
    signerCertificate: base64Encode(actor.certDer),
  };
  const signature = await signBytes(actor, new TextEncoder().encode(canonicalJson(unsigned)));
  return canonicalJson({ ...unsigned, signature: base64Encode(signature) });
}

/** The three KP-READ-1 headers signing `method target` (path and query exactly as sent). */
export async function readHeaders(actor, method, target) {
  const date = new Date().toISOString();
  const canonical = ["KP-READ-1", method, target, date].join("\n");
  const signature = await signBytes(actor, new TextEncoder().encode(canonical));
  return {
    "KP-Certificate": base64Encode(actor.certDer),
    "KP-Date": date,
    "KP-Signature": base64Encode(signature),
  };
}
