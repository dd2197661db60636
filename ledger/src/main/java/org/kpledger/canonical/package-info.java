/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * <p>Rules applied: input must be I-JSON (RFC 7493): duplicate member names, lone surrogates and
 * Unicode noncharacters are rejected; members are sorted by UTF-16 code units (RFC 8785 §3.2.3);
 * strings use the minimal escaping of RFC 8785 §3.2.2.2; numbers are IEEE-754 doubles serialised
 * with the ECMAScript (ES6) {@code Number.prototype.toString} algorithm (RFC 8785 §3.2.2.3), with
 * NaN and infinities rejected. The output is UTF-8 without a byte-order mark.
 */
package org.kpledger.canonical;
