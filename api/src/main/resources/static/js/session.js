// Who is signed in, and the node's API seen through that actor's signature. The key is kept in
// memory, and in IndexedDB only when the user asks (a non-extractable CryptoKey is stored as the
// handle it is: the browser keeps it usable, never readable).
import { importActor, readHeaders, signCommand } from "./signing.js";
import { certificateInfo } from "./der.js";

let actor = null;
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

/** Restores a key kept in IndexedDB by an earlier sign-in, if any. */
export async function restore() {
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
  await store("readwrite", (s) => s.delete("current"));
}

/** A refusal by the node: its problem+json (status, rule, detail, field). */
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
  if (actor) {
    Object.assign(headers, await readHeaders(actor, "GET", target));
  }
  return answer(await fetch(target, { headers }));
}

/** GET `target` like `get`, answering the body's exact text (not parsed). */
export async function getText(target) {
  const headers = { Accept: "application/json, text/plain" };
  if (actor) {
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
  if (actor) {
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
