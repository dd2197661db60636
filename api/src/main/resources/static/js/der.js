// Just enough DER to read an X.509 certificate: its subject (CN, O, OU, C), validity and public key.

/** One TLV at `at`: tag, where its content starts and ends. */
function tlv(bytes, at) {
  const tag = bytes[at];
  let len = bytes[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) {
      len = len * 256 + bytes[start + i];
    }
    start += n;
  }
  if (start + len > bytes.length) {
    throw new Error("truncated DER");
  }
  return { tag, start, end: start + len, next: start + len, at };
}

function children(bytes, node) {
  const out = [];
  for (let at = node.start; at < node.end; ) {
    const c = tlv(bytes, at);
    out.push(c);
    at = c.next;
  }
  return out;
}

const NAMES = { "2.5.4.3": "CN", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.6": "C" };

function oid(bytes) {
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let v = 0;
  for (let i = 1; i < bytes.length; i++) {
    v = v * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

function name(bytes, node) {
  const out = {};
  for (const set of children(bytes, node)) {
    for (const attr of children(bytes, set)) {
      const [type, value] = children(bytes, attr);
      const key = NAMES[oid(bytes.slice(type.start, type.end))];
      if (key) {
        out[key] = new TextDecoder().decode(bytes.slice(value.start, value.end));
      }
    }
  }
  return out;
}

function time(bytes, node) {
  const s = new TextDecoder().decode(bytes.slice(node.start, node.end));
  const full = node.tag === 0x17 ? (Number(s.slice(0, 2)) < 50 ? "20" : "19") + s : s;
  return new Date(
    `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}T${full.slice(8, 10)}:` +
      `${full.slice(10, 12)}:${full.slice(12, 14)}Z`,
  );
}

/** What a DER X.509 certificate names: subject, issuer, validity and the SPKI bytes. */
export function certificateInfo(der) {
  try {
    const cert = tlv(der, 0);
    const tbs = children(der, children(der, cert)[0]);
    const fields = tbs[0].tag === 0xa0 ? tbs.slice(1) : tbs;
    const [, , issuer, validity, subject, spki] = fields;
    const [notBefore, notAfter] = children(der, validity);
    return {
      subject: name(der, subject),
      issuer: name(der, issuer),
      notBefore: time(der, notBefore),
      notAfter: time(der, notAfter),
      spki: der.slice(spki.at, spki.end),
    };
  } catch (e) {
    throw new Error("the certificate file is not an X.509 certificate");
  }
}
