// The provenance graph of a trace as SVG: shipment -> parcels -> lots and stockpile items ->
// miners -> sites -> zones, carats on the edges, coloured by the export gate's verdict. A failing
// origin is drawn with a heavy red border and a cross, and says so to screen readers.
import { s } from "./dom.js";
import { t } from "./i18n.js";

const W = 130;
const H = 40;
const COL = 180;
const ROW = 58;

/** Nodes and edges of a trace answer (its first page of items and origins). */
export function lineage(trace) {
  const nodes = new Map();
  const edges = new Map();
  const node = (key, label, kind, data) => {
    if (!nodes.has(key)) {
      nodes.set(key, { key, label, kind, data, failing: false, depth: 0, failingOrigin: false });
    }
    return nodes.get(key);
  };
  const edge = (from, to, carats) => {
    const k = from + ">" + to;
    const e = edges.get(k) || { from, to, carats: 0 };
    e.carats += Number(carats || 0);
    edges.set(k, e);
  };
  const items = new Map((trace.items?.items || []).map((i) => [i.itemId, i]));
  const start = node("S:" + trace.startId, trace.startId, trace.startKind, trace);
  for (const id of trace.startItems || []) {
    const item = items.get(id);
    node("I:" + id, id, item?.kind || "ITEM", item);
    edge(start.key, "I:" + id, item?.carats);
  }
  for (const item of items.values()) {
    node("I:" + item.itemId, item.itemId, item.kind, item);
    for (const e of item.madeFrom || []) {
      node("I:" + e.fromItem, e.fromItem, items.get(e.fromItem)?.kind || "ITEM", items.get(e.fromItem));
      edge("I:" + e.toItem, "I:" + e.fromItem, e.carats);
    }
  }
  for (const o of trace.origins?.items || []) {
    const lot = node("I:" + o.lotId, o.lotId, o.kind, items.get(o.lotId) || o);
    lot.origin = o;
    lot.reevaluated = Boolean(o.reevaluation);
    const chain = [];
    if (o.minerId) {
      chain.push(node("M:" + o.minerId, o.minerId, "MINER", o));
    }
    if (o.siteId) {
      chain.push(node("T:" + o.siteId, o.siteId, "SITE", o));
    }
    if (o.zoneId) {
      chain.push(node("Z:" + o.zoneId, o.zoneId, "ZONE", o.zoneOnPurchaseDay || o));
    }
    let prev = lot;
    for (const n of chain) {
      edge(prev.key, n.key, o.carats);
      prev = n;
    }
    if (!o.exportable) {
      lot.failingOrigin = true;
      for (const n of [lot, ...chain]) {
        n.failing = true;
      }
    }
  }
  // depth: items by their distance from the shipment, then miners, sites, zones after them
  const out = new Map();
  for (const e of edges.values()) {
    out.set(e.from, [...(out.get(e.from) || []), e.to]);
  }
  const seen = new Set([start.key]);
  let frontier = [start.key];
  let maxItem = 0;
  while (frontier.length) {
    const next = [];
    for (const k of frontier) {
      for (const to of out.get(k) || []) {
        if (to.startsWith("I:")) {
          const n = nodes.get(to);
          n.depth = Math.max(n.depth, nodes.get(k).depth + 1);
          maxItem = Math.max(maxItem, n.depth);
          if (!seen.has(to)) {
            seen.add(to);
            next.push(to);
          }
        }
      }
    }
    frontier = next;
  }
  for (const n of nodes.values()) {
    if (n.kind === "MINER") n.depth = maxItem + 1;
    if (n.kind === "SITE") n.depth = maxItem + 2;
    if (n.kind === "ZONE") n.depth = maxItem + 3;
  }
  // an item fails when something it was made from fails
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of edges.values()) {
      const from = nodes.get(e.from);
      if (!from.failing && e.to.startsWith("I:") && nodes.get(e.to).failing) {
        from.failing = changed = true;
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The graph as an SVG element; `onSelect(node)` on click, Enter or Space. */
export function graphSvg(trace, onSelect) {
  const { nodes, edges } = lineage(trace);
  const columns = [];
  for (const n of nodes) {
    (columns[n.depth] ||= []).push(n);
  }
  let rows = 1;
  columns.forEach((col, c) =>
    (col || []).forEach((n, r) => {
      n.x = 10 + c * COL;
      n.y = 10 + r * ROW;
      rows = Math.max(rows, r + 1);
    }),
  );
  const width = 20 + (columns.length - 1) * COL + W;
  const height = 20 + rows * ROW;
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const svg = s("svg", {
    class: "graph",
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "group",
    "aria-label": t("graphTitle"),
  });
  for (const e of edges) {
    const a = byKey.get(e.from);
    const b = byKey.get(e.to);
    const x1 = a.x + W;
    const y1 = a.y + H / 2;
    const x2 = b.x;
    const y2 = b.y + H / 2;
    const mx = (x1 + x2) / 2;
    svg.append(
      s(
        "g",
        { class: "edge" + (b.failing ? " failing" : "") },
        s("path", { d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}` }),
        s("text", { x: mx, y: (y1 + y2) / 2 - 4, "text-anchor": "middle" }, carats(e.carats) + " ct"),
      ),
    );
  }
  for (const n of nodes) {
    const verdict = n.failing ? t("fails") : t("passes");
    const label = `${n.kind} ${n.label}, ${verdict}${n.failingOrigin ? ", " + t("failingOrigin") : ""}${n.reevaluated ? ", " + t("reevaluatedOrigin") : ""}`;
    const g = s(
      "g",
      {
        class: "node" + (n.failing ? " failing" : " passing") + (n.failingOrigin ? " failing-origin" : "") + (n.reevaluated ? " reevaluated" : ""),
        "data-key": n.key,
        "data-reevaluated": n.reevaluated ? "true" : null,
        "data-verdict": n.failing ? "FAILS" : "PASSES",
        tabindex: 0,
        role: "button",
        "aria-label": label,
        transform: `translate(${n.x},${n.y})`,
        onclick: () => onSelect(n),
        onkeydown: (ev) => {
          if (ev.key === "Enter" || ev.key === " ") {
            ev.preventDefault();
            onSelect(n);
          }
        },
      },
      s("title", {}, label),
      s("rect", { width: W, height: H, rx: 6 }),
      s("text", { x: 8, y: 16, class: "kind" }, n.kind.replace("_", " ").toLowerCase()),
      s("text", { x: 8, y: 32, class: "id" }, (n.failingOrigin ? "\u2716 " : "") + n.label),
      n.reevaluated ? s("text", { x: W - 8, y: 16, class: "then-now", "text-anchor": "end" }, `\u27f2 ${n.origin.asKnownThen?.exportable ? "\u2714" : "\u2716"}\u2192${n.origin.exportable ? "\u2714" : "\u2716"}`) : null,
    );
    svg.append(g);
  }
  return svg;
}

export function carats(v) {
  return Number(v).toFixed(2);
}
