// The event map: country outlines (served by the API from an installed
// package, no tiles) in a plain equirectangular projection, events as dots,
// clustered on a grid that shrinks as the user zooms in.

import { clear, colour, svg } from "./util.js";

const WORLD = { x: -180, y: -85, w: 360, h: 170 };
const CLUSTER_CELLS = 28;   // grid cells across the view

export class EventMap {
  constructor(node, onEvent) {
    this.node = node;
    this.onEvent = onEvent;
    this.view = { ...WORLD };
    this.events = [];
    this.selected = null;
    this.land = svg("g", { class: "land" });
    this.dots = svg("g", { class: "dots" });
    node.appendChild(this.land);
    node.appendChild(this.dots);
    node.setAttribute("preserveAspectRatio", "xMidYMid meet");
    this.apply();
    this.interact();
  }

  drawOutlines(geojson) {
    clear(this.land);
    for (const feature of geojson.features) {
      const parts = [];
      for (const polygon of feature.geometry.coordinates) {
        for (const ring of polygon) {
          parts.push("M" + ring.map(([x, y]) => `${x},${-y}`).join("L") + "Z");
        }
      }
      const path = svg("path", { d: parts.join(""), class: "country", "data-iso": feature.id });
      path.appendChild(svg("title", { text: feature.properties.name }));
      this.land.appendChild(path);
    }
  }

  setEvents(events) {
    this.events = events.filter((e) => e.lat !== null && e.lon !== null);
    this.drawEvents();
  }

  select(id) {
    this.selected = id;
    this.drawEvents();
  }

  fit() {
    if (!this.events.length) { this.view = { ...WORLD }; this.apply(); return; }
    const xs = this.events.map((e) => e.lon), ys = this.events.map((e) => -e.lat);
    const pad = 8;
    let x0 = Math.min(...xs) - pad, x1 = Math.max(...xs) + pad;
    let y0 = Math.min(...ys) - pad, y1 = Math.max(...ys) + pad;
    const w = Math.max(30, x1 - x0), h = Math.max(15, y1 - y0);
    this.view = { x: (x0 + x1 - w) / 2, y: (y0 + y1 - h) / 2, w, h };
    this.apply();
  }

  // Radius and font in view units for a size in screen pixels.
  unit() {
    const box = this.node.getBoundingClientRect();
    return Math.max(this.view.w / Math.max(1, box.width), this.view.h / Math.max(1, box.height));
  }

  drawEvents() {
    clear(this.dots);
    const px = this.unit();
    const cell = this.view.w / CLUSTER_CELLS;
    const groups = new Map();
    for (const e of this.events) {
      const key = `${Math.floor(e.lon / cell)}:${Math.floor(-e.lat / cell)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    for (const members of groups.values()) {
      if (members.length === 1 || members.every((m) => m.lat === members[0].lat && m.lon === members[0].lon) && members.length <= 3) {
        members.forEach((e, i) => this.dot(e, px, i));
      } else {
        this.cluster(members, px);
      }
    }
  }

  dot(e, px, offset) {
    const circle = svg("circle", {
      cx: e.lon + offset * 3 * px, cy: -e.lat, r: 5 * px, fill: colour(e.type),
      class: "event-point" + (e.id === this.selected ? " selected" : ""), "data-event-id": e.id,
      onclick: (ev) => { ev.stopPropagation(); this.onEvent(e.id); },
    });
    circle.appendChild(svg("title", { text: `${e.type} ${e.date || ""} ${e.place || ""}` }));
    this.dots.appendChild(circle);
  }

  cluster(members, px) {
    const lon = members.reduce((s, e) => s + e.lon, 0) / members.length;
    const lat = members.reduce((s, e) => s + e.lat, 0) / members.length;
    const r = (8 + Math.min(14, Math.sqrt(members.length) * 2)) * px;
    const group = svg("g", {
      class: "event-cluster-group", "data-count": members.length,
      onclick: (ev) => { ev.stopPropagation(); this.zoomAt(lon, -lat, 0.3); },
    });
    group.appendChild(svg("circle", { cx: lon, cy: -lat, r, class: "event-cluster" }));
    group.appendChild(svg("text", { x: lon, y: -lat, class: "cluster-label", "font-size": 11 * px, text: members.length }));
    group.appendChild(svg("title", { text: `${members.length} events: click to zoom in` }));
    this.dots.appendChild(group);
  }

  apply() {
    const v = this.view;
    this.node.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
  }

  zoomAt(cx, cy, factor) {
    const v = this.view;
    const w = Math.min(WORLD.w * 1.5, Math.max(0.5, v.w * factor));
    const h = w * (v.h / v.w);
    this.view = { x: cx - (cx - v.x) * (w / v.w), y: cy - (cy - v.y) * (h / v.h), w, h };
    this.apply();
    this.drawEvents();
  }

  zoomCentre(factor) {
    this.zoomAt(this.view.x + this.view.w / 2, this.view.y + this.view.h / 2, factor);
  }

  reset() {
    this.view = { ...WORLD };
    this.apply();
    this.drawEvents();
  }

  toView(clientX, clientY) {
    const point = this.node.createSVGPoint();
    point.x = clientX; point.y = clientY;
    const p = point.matrixTransform(this.node.getScreenCTM().inverse());
    return [p.x, p.y];
  }

  interact() {
    this.node.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const [x, y] = this.toView(ev.clientX, ev.clientY);
      this.zoomAt(x, y, ev.deltaY < 0 ? 0.8 : 1.25);
    }, { passive: false });
    let drag = null;
    this.node.addEventListener("pointerdown", (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, view: { ...this.view }, px: this.unit() };
      this.node.classList.add("dragging");
    });
    window.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      this.view = { ...drag.view, x: drag.view.x - (ev.clientX - drag.x) * drag.px, y: drag.view.y - (ev.clientY - drag.y) * drag.px };
      this.apply();
    });
    window.addEventListener("pointerup", () => {
      if (drag) this.node.classList.remove("dragging");
      drag = null;
    });
  }
}
