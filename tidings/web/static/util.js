// Small helpers shared by the dashboard modules. Data from the API is
// untrusted (article text, titles, names): it only ever reaches the page
// through textContent and attribute setters, never as HTML.

export const SVG_NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const child of children) append(node, child);
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  for (const child of children) append(node, child);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.setAttribute("class", value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
}

function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// A colour per PLOVER type, fixed so the map, timeline and table agree.
const PALETTE = {
  PROTEST: "#1f77b4", COERCE: "#d62728", ASSAULT: "#8c1c13", MOBILIZE: "#9467bd", THREATEN: "#ff7f0e",
  SANCTION: "#8c564b", ACCUSE: "#e377c2", REJECT: "#7f7f7f", REQUEST: "#bcbd22", RETREAT: "#17becf",
  AID: "#2ca02c", COOPERATE: "#98df8a", CONCEDE: "#aec7e8", SUPPORT: "#c5b0d5", CONSULT: "#c49c94",
  AGREE: "#9edae5",
};

export function colour(type) {
  return PALETTE[type] || "#555";
}

// The read token, if the server needs one: given once as #token=..., kept
// for the tab's session only.
function token() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem("tidings-token", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem("tidings-token");
}

export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const headers = { Accept: "application/json" };
  const tok = token();
  if (tok) headers.Authorization = `Bearer ${tok}`;
  const response = await fetch(url, { headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

export function showError(err) {
  const box = document.getElementById("error");
  box.textContent = String(err && err.message ? err.message : err);
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 8000);
}
