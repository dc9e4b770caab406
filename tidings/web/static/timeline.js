// Events per day, stacked by type, as SVG bars.

import { clear, colour, el, svg } from "./util.js";

const H = 260, PAD_L = 28, PAD_B = 22, PAD_T = 8;

export function drawTimeline(node, legend, rows) {
  clear(node);
  clear(legend);
  const width = Math.max(300, node.getBoundingClientRect().width || 500);
  node.setAttribute("viewBox", `0 0 ${width} ${H}`);
  rows = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.date || ""));
  if (!rows.length) {
    node.appendChild(svg("text", { x: width / 2, y: H / 2, class: "axis", "text-anchor": "middle", text: "No dated events" }));
    return;
  }
  const days = daysBetween(rows[0].date, rows[rows.length - 1].date);
  const byDay = new Map(days.map((d) => [d, []]));
  const types = [];
  for (const row of rows) {
    if (byDay.has(row.date)) byDay.get(row.date).push(row);
    if (!types.includes(row.key)) types.push(row.key);
  }
  types.sort();
  const max = Math.max(...[...byDay.values()].map((list) => list.reduce((s, r) => s + r.n, 0)));
  const plotW = width - PAD_L - 6, plotH = H - PAD_B - PAD_T;
  const barW = plotW / days.length;
  node.appendChild(svg("text", { x: PAD_L - 4, y: PAD_T + 8, class: "axis", "text-anchor": "end", text: max }));
  node.appendChild(svg("text", { x: PAD_L - 4, y: PAD_T + plotH, class: "axis", "text-anchor": "end", text: 0 }));
  node.appendChild(svg("line", { x1: PAD_L, x2: PAD_L + plotW, y1: PAD_T + plotH, y2: PAD_T + plotH, stroke: "#aaa" }));
  days.forEach((day, i) => {
    let y = PAD_T + plotH;
    const list = byDay.get(day).slice().sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const row of list) {
      const h = (row.n / max) * plotH;
      y -= h;
      const bar = svg("rect", {
        x: PAD_L + i * barW + barW * 0.1, y, width: Math.max(1, barW * 0.8), height: h,
        fill: colour(row.key), class: "bar", "data-date": day, "data-type": row.key, "data-n": row.n,
      });
      bar.appendChild(svg("title", { text: `${day} ${row.key}: ${row.n}` }));
      node.appendChild(bar);
    }
  });
  const labels = days.length > 1 ? [0, days.length - 1] : [0];
  if (days.length > 6) labels.splice(1, 0, Math.floor(days.length / 2));
  for (const i of labels) {
    node.appendChild(svg("text", {
      x: PAD_L + i * barW + barW / 2, y: H - 6, class: "axis",
      "text-anchor": i === 0 ? "start" : i === days.length - 1 ? "end" : "middle", text: days[i],
    }));
  }
  for (const type of types) {
    // CSSOM, not a style attribute: the CSP forbids inline style.
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour(type);
    legend.appendChild(el("span", { class: "legend-item", "data-type": type }, swatch, type));
  }
}

function daysBetween(first, last) {
  const out = [];
  const d = new Date(`${first}T00:00:00Z`), end = new Date(`${last}T00:00:00Z`);
  // Long ranges are drawn per day too, but capped so the SVG stays light.
  for (let n = 0; d <= end && n < 3660; n++) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}
