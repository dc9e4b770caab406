// The article view: the cleaned text with entities, quotes, claims and
// event evidence highlighted. Spans may overlap, so the text is cut at every
// span boundary and each piece carries the classes of the spans covering it.
// Every piece is a text node: article text is never parsed as HTML.

import { clear, colour, el } from "./util.js";

function annotations(record, selectedLocal) {
  const out = [];
  for (const ent of record.entities || []) {
    for (const [start, end] of ent.mentions) out.push({ start, end, cls: "hl-ent", title: `${ent.name} (${ent.type})` });
  }
  for (const q of record.quotes || []) {
    out.push({ start: q.start, end: q.end, cls: "hl-quote", title: `Quote${q.speaker ? " by " + q.speaker : ""}` });
  }
  for (const c of record.claims || []) {
    out.push({ start: c.start, end: c.end, cls: `hl-claim status-${c.status}`, title: `Claim (${c.status})${c.claimant ? " by " + c.claimant : ""}` });
  }
  for (const ev of record.events || []) {
    const evidence = ev.evidence && ev.evidence.length ? ev.evidence : [{ start: ev.start, end: ev.end }];
    for (const x of evidence) {
      const selected = ev.id === selectedLocal;
      out.push({ start: x.start, end: x.end, cls: selected ? "hl-ev hl-selected" : "hl-ev", title: `${ev.type} (${ev.status})`, event: ev.id });
    }
  }
  return out.filter((a) => a.end > a.start);
}

export function renderText(node, text, record, selectedLocal) {
  clear(node);
  const spans = annotations(record, selectedLocal);
  const cuts = new Set([0, text.length]);
  for (const a of spans) { cuts.add(Math.max(0, Math.min(text.length, a.start))); cuts.add(Math.max(0, Math.min(text.length, a.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i], end = points[i + 1];
    const piece = text.slice(start, end);
    const covering = spans.filter((a) => a.start <= start && a.end >= end);
    if (!covering.length) { node.appendChild(document.createTextNode(piece)); continue; }
    const classes = new Set(covering.flatMap((a) => a.cls.split(" ")));
    const span = el("span", { class: [...classes].join(" "), title: covering.map((a) => a.title).join("; "), text: piece });
    const ev = covering.find((a) => a.event);
    if (ev) span.dataset.event = ev.event;
    node.appendChild(span);
  }
}

export function renderArticle(data, selectedLocal, onEvent) {
  const record = data.record;
  const article = record.article;
  document.getElementById("article-title").textContent = article.title || "(untitled article)";
  const meta = [article.publisher, article.published, article.url].filter(Boolean).join(" \u00b7 ");
  const prov = record.provenance ? ` \u00b7 tidings ${record.provenance.tidings}, ${record.provenance.model}` : "";
  document.getElementById("article-meta").textContent = meta + prov;
  const textNode = document.getElementById("article-text");
  renderText(textNode, article.text, record, selectedLocal);

  const events = document.getElementById("article-events");
  clear(events);
  for (const ev of record.events || []) {
    const tag = el("span", { class: "type-tag", text: ev.type });
    tag.style.background = colour(ev.type);
    const globalId = data.event_ids ? data.event_ids[ev.id] : null;
    events.appendChild(el("li", {
      class: globalId ? "clickable" : null,
      onclick: globalId ? () => onEvent(globalId) : null,
    }, tag, " ", `${ev.status}: ${ev.sentence}`));
  }
  if (!(record.events || []).length) events.appendChild(el("li", { class: "muted", text: "none found" }));

  const quotes = document.getElementById("article-quotes");
  clear(quotes);
  for (const q of record.quotes || []) quotes.appendChild(el("li", { text: `${q.speaker || "unknown"}: \u201c${q.text}\u201d` }));
  if (!(record.quotes || []).length) quotes.appendChild(el("li", { class: "muted", text: "none found" }));

  const claims = document.getElementById("article-claims");
  clear(claims);
  for (const c of record.claims || []) claims.appendChild(el("li", { text: `[${c.status}] ${c.claimant ? c.claimant + ": " : ""}${c.text}` }));
  if (!(record.claims || []).length) claims.appendChild(el("li", { class: "muted", text: "none found" }));

  const panel = document.getElementById("article");
  panel.hidden = false;
  const selected = textNode.querySelector(".hl-selected");
  (selected || panel).scrollIntoView({ block: "center" });
}
