// Who is signed in, and the node's API seen through that actor's signature. The key is kept in
// memory, and in IndexedDB only when the user asks (a non-extractable CryptoKey is stored as the
// handle it is: the browser keeps it usable, never readable).
//
// Under the node's mtls profile the browser may present a client certificate in the TLS
// handshake: GET /api/reader, unsigned, then names its actor, and reads go unsigned (the TLS
// certificate authenticates them). A command must still carry the actor's signature, and no
// script can sign with the browser's TLS key, so the first command asks for the actor's key file
// and refuses one whose certificate names another actor.
import { importActor, readHeaders, signCommand } from "./signing.js";
import { certificateInfo } from "./der.js";

let actor = null;
let commandKey = null;
const DB = "kp-console";
const STORE = "actor";

function db() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function store(mode, work) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, mode);
    const req = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
  });
}

/** The signed-in actor, or null. */
export function current() {
  return actor;
}

/** Signs in from the two files' text; keeps the key in IndexedDB only if `remember`. */
export async function signIn(keyPem, certPem, remember) {
  actor = await importActor(keyPem, certPem);
  await store("readwrite", (s) => s.delete("current"));
  if (remember) {
    await store("readwrite", (s) => s.put({ key: actor.key, certDer: actor.certDer }, "current"));
  }
  return actor;
}

/**
 * Asks the node, unsigned, who it takes this browser for: under mutual TLS the browser's client
 * certificate names an actor, who is then signed in without a key file. Answers that actor or null.
 */
export async function detectTls() {
  try {
    const r = await fetch("/api/reader", { headers: { Accept: "application/json" } });
    if (!r.ok) {
      return null;
    }
    const reader = await r.json();
    if (reader.authenticatedBy !== "TLS_CLIENT_CERTIFICATE") {
      return null;
    }
    actor = {
      tls: true,
      reader,
      info: { subject: { CN: reader.actorId, O: reader.organisationId, OU: reader.role } },
    };
    return actor;
  } catch (e) {
    return null;
  }
}

/** Whether the signed-in actor came from the browser's TLS client certificate. */
export function byTls() {
  return Boolean(actor && actor.tls);
}

/** Whether a command needs the key file first (signed in by TLS, no key given yet). */
export function needsCommandKey() {
  return byTls() && !commandKey;
}

/**
 * Takes the key file for commands when signed in by TLS: its certificate must name the same actor
 * of the same organisation as the TLS certificate, or it is refused (KEY_NOT_OF_TLS_ACTOR).
 */
export async function addCommandKey(keyPem, certPem) {
  const candidate = await importActor(keyPem, certPem);
  const tls = actor.info.subject;
  const file = candidate.info.subject;
  if (file.CN !== tls.CN || file.O !== tls.O) {
    throw new Problem(0, {
      rule: "KEY_NOT_OF_TLS_ACTOR",
      detail: `the key file's certificate names ${file.CN} (${file.O}), not ${tls.CN} (${tls.O}) of the browser's TLS certificate`,
    });
  }
  commandKey = candidate;
  return candidate;
}

/** Restores a key kept in IndexedDB by an earlier sign-in, if any; else a TLS identity. */
export async function restore() {
  await restoreKept();
  return actor || detectTls();
}

async function restoreKept() {
  try {
    const kept = await store("readonly", (s) => s.get("current"));
    if (kept) {
      actor = { key: kept.key, certDer: kept.certDer, info: certificateInfo(kept.certDer) };
    }
  } catch (e) {
    actor = null;
  }
  return actor;
}

export async function signOut() {
  actor = null;
  commandKey = null;
  await store("readwrite", (s) => s.delete("current"));
}

/** A refusal by the node (or by the page, status 0): its problem+json (status, rule, detail, field). */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.rule = body.rule || "HTTP_" + status;
    this.field = body.field;
  }
}

async function answer(response) {
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    throw new Problem(response.status, typeof body === "object" ? body : { detail: body });
  }
  return body;
}

/** GET `target` (path and query as sent), signed when someone is signed in. */
export async function get(target) {
  const headers = { Accept: "application/json, text/plain" };
  if (actor && !actor.tls) {
    Object.assign(headers, await readHeaders(actor, "GET", target));
  }
  return answer(await fetch(target, { headers }));
}

/** GET `target` like `get`, answering the body's exact text (not parsed). */
export async function getText(target) {
  const headers = { Accept: "application/json, text/plain" };
  if (actor && !actor.tls) {
    Object.assign(headers, await readHeaders(actor, "GET", target));
  }
  const response = await fetch(target, { headers });
  if (!response.ok) {
    return answer(response);
  }
  return response.text();
}

/** GET `target` signed like `get`, answering the response itself (to read its body as a stream). */
export async function open(target) {
  const headers = { Accept: "application/zip, application/json" };
  if (actor && !actor.tls) {
    Object.assign(headers, await readHeaders(actor, "GET", target));
  }
  const response = await fetch(target, { headers });
  if (!response.ok) {
    return answer(response);
  }
  return response;
}

/** A signed envelope for a command by the signed-in actor (not yet sent). */
export function envelope(commandType, payload) {
  if (actor && actor.tls) {
    if (!commandKey) {
      return Promise.reject(
        new Problem(0, { rule: "KEY_FILE_NEEDED", detail: "a command needs the actor's key file" }),
      );
    }
    return signCommand(commandKey, commandType, payload);
  }
  return signCommand(actor, commandType, payload);
}

/** POSTs an envelope's text exactly as given. */
export async function submit(envelopeText) {
  return answer(
    await fetch("/api/commands", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: envelopeText,
    }),
  );
}
