// The sites on a schematic: each site at its registered coordinates (longitude across, latitude up,
// scaled to the panel, no map tiles: nothing outside the node is needed), grouped by zone in a
// dashed box, coloured by the zone's status on the day asked. The table beside it says the same.
import { s } from "./dom.js";

const COLOURS = { COMPLIANT: "#1b6e33", SUSPENDED: "#a1121b" };
// room around the sites: labels run right of a site and above its zone's box
const LEFT = 30;
const RIGHT = 150;
const TOP = 44;
const BOTTOM = 30;

/**
 * A schematic of `sites` (answers of /api/sites) titled `label`, `W` by `H` units; `statusText`
 * names a status in the page's language.
 */
export function siteSchematic(allSites, label, statusText, W = 640, H = 400) {
  // a site registered without coordinates is listed in the table, not drawn
  const sites = allSites.filter((x) => x.latitude != null && x.longitude != null);
  if (sites.length === 0) {
    const empty = s("svg", { class: "schematic", viewBox: `0 0 ${W} 60`, width: W, role: "group", "aria-label": label });
    empty.append(s("text", { x: 12, y: 34 }, "—"));
    return empty;
  }
  const lon = sites.map((x) => Number(x.longitude));
  const lat = sites.map((x) => Number(x.latitude));
  const [x0, x1] = [Math.min(...lon), Math.max(...lon)];
  const [y0, y1] = [Math.min(...lat), Math.max(...lat)];
  // one scale for both axes (a degree is a degree), centred: the shape is kept, not stretched
  const iw = W - LEFT - RIGHT;
  const ih = H - TOP - BOTTOM;
  const span = Math.max(x1 - x0, (y1 - y0) * (iw / ih), 0.01);
  const k = iw / span;
  const ox = LEFT + (iw - (x1 - x0) * k) / 2;
  const oy = BOTTOM + (ih - (y1 - y0) * k) / 2;
  const px = (v) => ox + (v - x0) * k;
  const py = (v) => H - (oy + (v - y0) * k);
  const svg = s("svg", { class: "schematic", viewBox: `0 0 ${W} ${H}`, width: W, role: "group", "aria-label": label });
  svg.append(s("rect", { class: "frame", x: 1, y: 1, width: W - 2, height: H - 2 }));
  const zones = new Map();
  for (const site of sites) {
    (zones.get(site.zoneId) || zones.set(site.zoneId, []).get(site.zoneId)).push(site);
  }
  for (const [zoneId, members] of zones) {
    const xs = members.map((m) => px(Number(m.longitude)));
    const ys = members.map((m) => py(Number(m.latitude)));
    const status = members[0].zoneStatus;
    const bx = Math.min(...xs) - 18;
    const by = Math.min(...ys) - 26;
    svg.append(
      s("g", { class: "zone", "data-zone": zoneId, "data-status": status },
        s("rect", { x: bx, y: by, width: Math.max(...xs) - Math.min(...xs) + 36, height: Math.max(...ys) - Math.min(...ys) + 44,
          rx: 8, stroke: COLOURS[status] || "#666" }),
        s("text", { x: bx + 4, y: by + 12, fill: COLOURS[status] || "#666" }, `${zoneId} · ${statusText(status)}`)),
    );
  }
  for (const site of sites) {
    const colour = COLOURS[site.zoneStatus] || "#666";
    const text = `${site.siteId} ${site.name}, ${site.zoneId} (${site.prefecture ?? ""}), ${site.latitude}, ${site.longitude}: ${statusText(site.zoneStatus)}`;
    svg.append(
      s("a", { href: `#/zones/${encodeURIComponent(site.zoneId)}`, class: "site", "data-site": site.siteId, "data-status": site.zoneStatus, "aria-label": text },
        s("title", {}, text),
        s("circle", { cx: px(Number(site.longitude)), cy: py(Number(site.latitude)), r: 7, fill: colour }),
        s("text", { x: px(Number(site.longitude)) + 10, y: py(Number(site.latitude)) + 4 }, site.siteId)),
    );
  }
  // a scale: the panel's width in degrees of longitude
  svg.append(s("text", { class: "scale", x: W - 8, y: H - 8, "text-anchor": "end" }, `${(W / k).toFixed(2)}° ↔`));
  return svg;
}
