// The dashboard: filter bar -> events (map, table) and per-day counts
// (timeline); an event opens its article with the evidence highlighted.
// Routes live in the URL fragment: #event/ID, #article/ID.

import { renderArticle } from "./article.js";
import { EventMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { api, clear, colour, el, showError } from "./util.js";

const PAGE = 1000;
const form = document.getElementById("filters");
const map = new EventMap(document.getElementById("map"), (id) => openEvent(id));
let current = [];

function filters() {
  const params = {};
  for (const [key, value] of new FormData(form).entries()) if (value) params[key] = value;
  return params;
}

async function loadSummary() {
  const s = await api("/api/summary");
  const range = s.dates && s.dates.first ? `, ${s.dates.first} to ${s.dates.last}` : "";
  document.getElementById("summary").textContent =
    `${s.events} events from ${s.articles} articles${range}`;
  fill(document.getElementById("f-type"), s.types);
  fill(document.getElementById("f-country"), s.countries);
}

function fill(select, values) {
  for (const value of values || []) select.appendChild(el("option", { value, text: value }));
}

async function refresh() {
  const params = filters();
  const [page, perDay] = await Promise.all([
    api("/api/events", { ...params, limit: PAGE, sort: "-date" }),
    api("/api/stats/events-per-day", { ...params, by: "type" }),
  ]);
  current = page.items;
  const total = `${page.total.toLocaleString("en")}${page.total_exact === false ? "+" : ""}`;
  const shown = page.total > page.items.length ? ` (first ${page.items.length} of ${total})` : ` (${total})`;
  document.getElementById("event-count").textContent = shown;
  drawTable(page.items);
  map.setEvents(page.items);
  map.fit();
  map.drawEvents();
  drawTimeline(document.getElementById("timeline"), document.getElementById("legend"), perDay);
  const located = page.items.filter((e) => e.lat !== null).length;
  document.getElementById("map-note").textContent =
    `${located} of ${page.items.length} events have coordinates. Scroll to zoom, drag to pan; red circles are clusters.`;
}

function drawTable(items) {
  const body = document.querySelector("#events tbody");
  clear(body);
  for (const e of items) {
    const tag = el("span", { class: "type-tag", text: e.type });
    tag.style.background = colour(e.type);
    body.appendChild(el("tr", { "data-event-id": e.id, onclick: () => openEvent(e.id) },
      el("td", { text: e.date || "" }),
      el("td", {}, tag),
      el("td", { text: e.status }),
      el("td", { text: e.actor || "" }),
      el("td", { text: e.target || "" }),
      el("td", { text: [e.place, e.country].filter(Boolean).join(", ") }),
      el("td", { text: e.killed ?? "" }),
      el("td", { text: e.arrested ?? "" }),
      el("td", { text: e.publisher || e.title || "" }),
    ));
  }
  if (!items.length) body.appendChild(el("tr", {}, el("td", { colspan: 9, class: "muted", text: "No events match." })));
}

async function openEvent(id) {
  if (location.hash !== `#event/${id}`) history.replaceState(null, "", `#event/${id}`);
  const ev = await api(`/api/events/${id}`);
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.eventId === String(id));
  }
  map.select(id);
  const article = await api(`/api/articles/${ev.article_id}`);
  renderArticle(article, ev.local_id, openEvent);
}

async function openArticle(id) {
  const article = await api(`/api/articles/${id}`);
  renderArticle(article, null, openEvent);
}

function route() {
  const match = /^#(event|article)\/(\d+)$/.exec(location.hash);
  if (!match) return;
  (match[1] === "event" ? openEvent : openArticle)(Number(match[2])).catch(showError);
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  refresh().catch(showError);
});
document.getElementById("f-reset").addEventListener("click", () => {
  form.reset();
  refresh().catch(showError);
});
document.getElementById("zoom-in").addEventListener("click", () => map.zoomCentre(0.6));
document.getElementById("zoom-out").addEventListener("click", () => map.zoomCentre(1.6));
document.getElementById("zoom-reset").addEventListener("click", () => map.reset());
document.getElementById("article-close").addEventListener("click", () => {
  document.getElementById("article").hidden = true;
  history.replaceState(null, "", location.pathname);
});
window.addEventListener("hashchange", route);

async function start() {
  try {
    const outlines = await api("/api/geo/countries");
    map.drawOutlines(outlines);
    await loadSummary();
    await refresh();
    document.body.dataset.ready = "1";
    route();
  } catch (err) {
    showError(err);
  }
}

start();
