// A small DOM helper: elements are built with text nodes, never from HTML strings, so nothing the
// ledger returns is ever parsed as markup.

/** h("tag.class#id", {attr: value, onclick: fn}, child, ...) */
export function h(spec, attrs, ...children) {
  const [, tag, rest] = /^([a-z0-9]+)(.*)$/.exec(spec);
  const el = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === ".") {
      el.classList.add(part.slice(1));
    } else {
      el.id = part.slice(1);
    }
  }
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and children. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) {
      continue;
    }
    if (k.startsWith("on")) {
      el.addEventListener(k.slice(2), v);
    } else {
      el.setAttribute(k, v === true ? "" : String(v));
    }
  }
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) {
      continue;
    }
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** A table with a caption, headers and rows of cells (strings or nodes), and its CSV download. */
export function table(caption, headers, rows, csvLabel = "CSV") {
  const text = (c) => (c instanceof Node ? c.textContent : String(c ?? ""));
  const download = h("a.csv", {
    href: "#",
    download: caption.replace(/[^A-Za-z0-9_.-]+/g, "-") + ".csv",
    onclick: (ev) => {
      const csv = [headers, ...rows].map((r) => r.map((c) => csvCell(text(c))).join(",")).join("\r\n");
      ev.currentTarget.href = URL.createObjectURL(new Blob([csv + "\r\n"], { type: "text/csv" }));
    },
  }, `${csvLabel}: ${caption}`);
  return h(
    "div.table-wrap",
    { tabindex: 0, role: "region", "aria-label": caption },
    h(
      "table",
      {},
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, headers.map((x) => h("th", { scope: "col" }, x)))),
      h(
        "tbody",
        {},
        rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c ?? "")))),
      ),
    ),
    download,
  );
}

/** One CSV field (RFC 4180), with a leading = + - @ (a - not starting a number)
 * neutralised so that a spreadsheet shows it as text. */
function csvCell(v) {
  const safe = /^([=+@]|-(?![0-9.]))/.test(v) ? "'" + v : v;
  return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}
