// Small SVG charts drawn from the ledger's answers: a zone's decisions on a timeline and monthly
// bars. Every mark has a text equivalent in the table beside it.
import { s } from "./dom.js";

const COLOURS = { COMPLIANT: "#1b6e33", SUSPENDED: "#a1121b" };

/** A zone's decisions as coloured spans on a time axis, from the first to today. */
export function timeline(decisions, today, label) {
  const W = 900;
  const H = 70;
  const day = (d) => new Date(d + "T00:00:00Z").getTime();
  const start = Math.min(...decisions.map((d) => day(d.effectiveFrom)));
  const end = day(today);
  const x = (d) => 10 + ((day(d) - start) / Math.max(1, end - start)) * (W - 20);
  const svg = s("svg", { class: "timeline", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label });
  for (const d of decisions) {
    const x1 = x(d.effectiveFrom);
    const x2 = x(d.until || today);
    svg.append(
      s("rect", { x: x1, y: 10, width: Math.max(2, x2 - x1), height: 24, fill: COLOURS[d.status] || "#666" },
        s("title", {}, `${d.status} ${d.effectiveFrom} – ${d.until || today}: ${d.decisionRef}`)),
      s("text", { x: x1 + 2, y: 50 }, d.effectiveFrom.slice(0, 4)),
    );
  }
  svg.append(s("text", { x: W - 10, y: 64, "text-anchor": "end" }, today));
  return svg;
}

/** Grouped monthly bars: `series` is [{label, colour, value(row)}], one group per row. */
export function bars(rows, series, label) {
  const W = Math.max(320, rows.length * (series.length * 22 + 24) + 60);
  const H = 180;
  const max = Math.max(1, ...rows.flatMap((r) => series.map((sr) => Number(sr.value(r)) || 0)));
  const svg = s("svg", { class: "bars", viewBox: `0 0 ${W} ${H + 40}`, width: W, role: "img", "aria-label": label });
  rows.forEach((r, i) => {
    const gx = 50 + i * (series.length * 22 + 24);
    series.forEach((sr, j) => {
      const v = Number(sr.value(r)) || 0;
      const bh = (v / max) * H;
      svg.append(
        s("rect", { x: gx + j * 22, y: 10 + H - bh, width: 18, height: bh, fill: sr.colour },
          s("title", {}, `${r.month} ${sr.label}: ${v}`)),
      );
    });
    svg.append(s("text", { x: gx, y: H + 28 }, r.month));
  });
  series.forEach((sr, j) => {
    svg.append(
      s("rect", { x: 50 + j * 150, y: H + 32, width: 10, height: 10, fill: sr.colour }),
      s("text", { x: 64 + j * 150, y: H + 41 }, sr.label),
    );
  });
  return svg;
}
