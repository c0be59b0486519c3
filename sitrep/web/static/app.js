// sitrep's page: one client of the JSON API (/api). Article text is untrusted, so every piece of
// text from the API goes into the page with textContent or createTextNode, never innerHTML.
"use strict";

const COLOURS = {
  "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd", "Protests": "#2ca02c", "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
const OTHER = "#7f7f7f";  // events coded only in PLOVER (a meeting, an appeal)
const PAGE = 50;
const DAY = 86400000;

const state = { filters: new URLSearchParams(), brush: null, points: [], offset: 0,
                total: 0, markers: new Map() };

function colour(type) { return COLOURS[type] || OTHER; }

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? `${body.error.code}: ${body.error.message}`
                                               : response.statusText);
  return body;
}

// -- map ------------------------------------------------------------------------------------------
const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 0.5 })
  .setView([20, 20], 2);
map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas)");
const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40,
                                        spiderfyOnMaxZoom: true });
map.addLayer(clusters);

async function drawBasemap() {
  const note = document.getElementById("map-note");
  try {
    const response = await fetch("/static/basemap/countries-110m.json");
    if (!response.ok) throw new Error("not built");
    const world = await response.json();
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, { interactive: false, className: "country",
                           style: { color: "#8a9aa9", weight: 0.6, fillColor: "#f2efe9",
                                    fillOpacity: 1 } }).addTo(map).bringToBack();
  } catch (error) {
    note.textContent = "No country outlines: the basemap was not built (run `make setup`).";
    note.hidden = false;
  }
}

function markerFor(row) {
  const [id, , lat, lon, type, label] = row;
  const icon = L.divIcon({ className: "event-marker", iconSize: [14, 14] });
  const marker = L.marker([lat, lon], { icon, keyboard: true, title: label });
  marker.on("add", () => {
    const element = marker.getElement();
    element.style.background = colour(type);
    element.dataset.id = id;
  });
  marker.on("click", () => openEvent(id));
  return marker;
}

function inBrush(row) {
  if (!state.brush) return true;
  const date = row[1];
  return date && date.length === 10 && date >= state.brush[0] && date <= state.brush[1];
}

function drawMarkers() {
  clusters.clearLayers();
  state.markers.clear();
  const markers = [];
  for (const row of state.points) {
    if (row[2] === null || !inBrush(row)) continue;
    const marker = markerFor(row);
    state.markers.set(row[0], marker);
    markers.push(marker);
  }
  clusters.addLayers(markers);
  document.getElementById("map").dataset.markers = String(markers.length);
}

function drawLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  const present = new Set(state.points.map((row) => row[4]));
  for (const type of [...Object.keys(COLOURS), "other"]) {
    if (type !== "other" && !present.has(type)) continue;
    if (type === "other" && ![...present].some((t) => !(t in COLOURS))) continue;
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = type === "other" ? OTHER : colour(type);
    legend.append(el("div", null, swatch, type === "other" ? "PLOVER only" : type));
  }
}

function fitMap() {
  const located = state.points.filter((row) => row[2] !== null);
  if (located.length) {
    map.fitBounds(L.latLngBounds(located.map((row) => [row[2], row[3]])).pad(0.2),
                  { maxZoom: 8 });
  }
}

// -- timeline -------------------------------------------------------------------------------------
const SVG = "http://www.w3.org/2000/svg";
const timeline = { days: [], x0: 0, width: 0 };

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function drawTimeline() {
  const chart = document.getElementById("timeline");
  chart.replaceChildren();
  const byDay = new Map();
  let coarse = 0;
  for (const row of state.points) {
    const date = row[1];
    if (!date || date.length !== 10) { if (date) coarse += 1; continue; }
    const counts = byDay.get(date) || {};
    counts[row[4]] = (counts[row[4]] || 0) + 1;
    byDay.set(date, counts);
  }
  const days = [...byDay.keys()].sort();
  timeline.days = days;
  chart.dataset.coarse = String(coarse);
  if (!days.length) return;
  const width = chart.clientWidth || 800, height = chart.clientHeight || 90;
  const first = Date.parse(days[0]), last = Date.parse(days[days.length - 1]);
  const span = Math.max(1, Math.round((last - first) / DAY) + 1);
  const step = width / span;
  timeline.first = first; timeline.span = span; timeline.step = step;
  const peak = Math.max(...[...byDay.values()].map(
    (counts) => Object.values(counts).reduce((a, b) => a + b, 0)));
  for (const [date, counts] of byDay) {
    const x = Math.round((Date.parse(date) - first) / DAY) * step;
    let y = height;
    for (const [type, count] of Object.entries(counts)) {
      const h = (count / peak) * (height - 12);
      y -= h;
      const bar = svg("rect", { x: x.toFixed(1), y: y.toFixed(1),
                                width: Math.max(1, step - 1).toFixed(1), height: h.toFixed(1),
                                fill: colour(type), "data-date": date });
      bar.append(svg("title", {}));
      bar.firstChild.textContent = `${date}: ${count} ${type}`;
      chart.append(bar);
    }
  }
  const label = svg("text", { x: 4, y: 11, "font-size": 10, fill: "#555" });
  label.textContent = `${days[0]} … ${days[days.length - 1]}` +
                      (coarse ? ` (${coarse} with only a month or year, not drawn)` : "");
  chart.append(label);
  drawBrush();
}

function dayAt(x) {
  const index = Math.min(timeline.span - 1, Math.max(0, Math.floor(x / timeline.step)));
  return new Date(timeline.first + index * DAY).toISOString().slice(0, 10);
}

function drawBrush(fromX, toX) {
  const chart = document.getElementById("timeline");
  chart.querySelector(".brush")?.remove();
  if (fromX === undefined && state.brush && timeline.step) {
    fromX = ((Date.parse(state.brush[0]) - timeline.first) / DAY) * timeline.step;
    toX = ((Date.parse(state.brush[1]) - timeline.first) / DAY + 1) * timeline.step;
  }
  if (fromX === undefined) return;
  chart.append(svg("rect", { class: "brush", x: Math.min(fromX, toX), y: 0,
                             width: Math.abs(toX - fromX), height: chart.clientHeight || 90 }));
}

function setupBrush() {
  const chart = document.getElementById("timeline");
  let start = null;
  const x = (event) => event.clientX - chart.getBoundingClientRect().left;
  chart.addEventListener("pointerdown", (event) => {
    if (!timeline.days.length) return;
    start = x(event);
    chart.setPointerCapture(event.pointerId);
  });
  chart.addEventListener("pointermove", (event) => {
    if (start !== null) drawBrush(start, x(event));
  });
  chart.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const end = x(event);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    setBrush(b - a < 3 ? null : [dayAt(a), dayAt(b)]);
  });
  document.getElementById("brush-clear").addEventListener("click", () => setBrush(null));
}

function setBrush(range) {
  state.brush = range;
  document.getElementById("brush-range").textContent = range
    ? `${range[0]} – ${range[1]}` : "drag across the timeline to filter by dates";
  document.getElementById("brush-clear").hidden = !range;
  drawBrush();
  drawMarkers();
  state.offset = 0;
  loadTable();
}

// -- table ----------------------------------------------------------------------------------------
function tableQuery() {
  const query = new URLSearchParams(state.filters);
  if (state.brush) {
    // the brush narrows the form's dates, never widens them
    const since = query.get("since"), until = query.get("until");
    query.set("since", since && since > state.brush[0] ? since : state.brush[0]);
    query.set("until", until && until < state.brush[1] ? until : state.brush[1]);
  }
  return query;
}

function name(actor) { return actor ? (actor.name || actor.text) : ""; }

async function loadTable() {
  const query = tableQuery();
  query.set("limit", PAGE);
  query.set("offset", state.offset);
  const body = document.querySelector("#events-table tbody");
  let page;
  try {
    page = await getJSON(`/api/events?${query}`);
  } catch (error) {
    body.replaceChildren(el("tr", null, el("td", { colspan: 8 }, error.message)));
    return;
  }
  state.total = page.total;
  document.getElementById("count").textContent = `${page.total} event(s)`;
  document.getElementById("page-info").textContent = page.total
    ? `${page.offset + 1}–${page.offset + page.events.length}` : "";
  document.getElementById("prev").disabled = page.offset === 0;
  document.getElementById("next").disabled = !page.next;
  body.replaceChildren(...page.events.map((event) => {
    const location = event.location;
    const row = el("tr", { "data-id": event.id },
      el("td", null, event.event_date || "?"),
      el("td", null, event.sub_event_type || event.event_type || event.plover_type || "?"),
      el("td", null, name(event.actor1)), el("td", null, name(event.actor2)),
      el("td", null, location ? (location.name || location.text) : ""),
      el("td", null, location ? location.country || "" : ""),
      el("td", null, event.fatalities ?? ""), el("td", null, event.sources.length));
    row.addEventListener("click", () => openEvent(event.id, true));
    return row;
  }));
  const exportQuery = tableQuery().toString();
  document.getElementById("csv-link").href = `/api/events.csv?${exportQuery}`;
  document.getElementById("geojson-link").href = `/api/events.geojson?${exportQuery}`;
}

// -- the event panel ------------------------------------------------------------------------------
function describeActor(actor) {
  if (!actor) return "—";
  const details = [actor.type, actor.cameo, actor.country].filter(Boolean).join(", ");
  return `${actor.name || "(uncoded)"}${actor.text && actor.text !== actor.name
    ? ` — “${actor.text}”` : ""}${details ? ` [${details}]` : ""}`;
}

function sourceText(source) {
  const box = el("div", { class: "source-text" });
  for (const segment of source.segments) {
    if (segment.evidence) {
      box.append(el("mark", { class: segment.trigger ? "evidence trigger" : "evidence" },
                    segment.text));
    } else {
      box.append(document.createTextNode(segment.text));
    }
  }
  return box;
}

function renderEvent(detail) {
  const event = detail.event, reasons = detail.reasons;
  const kind = [event.event_type, event.sub_event_type].filter(Boolean).join(" / ")
    || "(no ACLED type)";
  const codes = [event.plover_type && `PLOVER ${event.plover_type}` +
                 (event.plover_mode ? `/${event.plover_mode}` : ""),
                 event.cameo_root && `CAMEO ${event.cameo_root}`].filter(Boolean).join(", ");
  const place = event.location;
  const rows = [
    ["modality", `${event.modality}${event.attribution ? `, attributed: ${event.attribution}`
                                                          : ""}`, reasons.modality.cue],
    ["actor 1", describeActor(event.actor1), reasons.actors.find((a) => a.role === "actor1")?.reason],
    ["actor 2", describeActor(event.actor2), reasons.actors.find((a) => a.role === "actor2")?.reason],
    ["location", place ? [place.name || place.text, place.admin1, place.country]
      .filter(Boolean).join(", ") : "unknown",
     reasons.location && [reasons.location.reason,
                          reasons.location.runner_up && `runner-up: ${reasons.location.runner_up}`,
                          reasons.location.needs_review && "NEEDS REVIEW",
                          reasons.location.source && `from the ${reasons.location.source}`]
       .filter(Boolean).join("; ")],
    ["date", event.event_date || "unknown",
     reasons.date.date_text && `from “${reasons.date.date_text}”`],
    ["fatalities", event.fatalities ?? "not reported", null],
    ["confidence", event.confidence.toFixed(2), null],
  ];
  const list = el("dl");
  for (const [label, value, why] of rows) {
    list.append(el("dt", null, label),
                el("dd", null, value, why ? el("div", { class: "reason" }, why) : null));
  }
  const sources = el("ol", { class: "sources" }, ...detail.sources.map((source) => el("li", null,
    source.title || source.path || source.report_id, source.published ? ` (${source.published})` : "",
    source.analysed ? " — analysed" : "",
    source.url ? el("div", { class: "reason" }, source.url) : null)));
  const coding = el("ul", null, ...reasons.coding.map((reason) => el("li", null, reason)));
  document.getElementById("panel-body").replaceChildren(
    el("h2", null, kind), el("div", { class: "reason" }, codes, " · ", event.id), list,
    el("h3", null, "Evidence in its source"),
    el("div", { class: "reason" }, detail.source_text.title || ""),
    sourceText(detail.source_text),
    el("h3", null, `Sources (${detail.sources.length})`), sources,
    el("h3", null, "Why it was coded so"), coding);
}

async function openEvent(id, reveal) {
  const panel = document.getElementById("panel");
  panel.hidden = false;
  document.querySelector("main").classList.remove("no-panel");
  document.querySelectorAll("#events-table tr.selected").forEach((r) => r.classList.remove("selected"));
  document.querySelector(`#events-table tr[data-id="${CSS.escape(id)}"]`)?.classList.add("selected");
  try {
    renderEvent(await getJSON(`/api/events/${encodeURIComponent(id)}`));
  } catch (error) {
    document.getElementById("panel-body").replaceChildren(el("p", null, error.message));
  }
  panel.dataset.id = id;
  const marker = state.markers.get(id);
  if (reveal && marker) clusters.zoomToShowLayer(marker);
}

// -- filters --------------------------------------------------------------------------------------
async function load() {
  const form = document.getElementById("filters");
  const filters = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (value.trim()) filters.set(key, value.trim());
  state.filters = filters;
  state.offset = 0;
  state.brush = null;
  let points;
  try {
    points = await getJSON(`/api/points?${filters}`);
  } catch (error) {
    document.getElementById("count").textContent = error.message;
    return;
  }
  state.points = points.rows;
  document.getElementById("brush-clear").hidden = true;
  document.getElementById("brush-range").textContent = "drag across the timeline to filter by dates";
  drawLegend();
  drawMarkers();
  fitMap();
  drawTimeline();
  await loadTable();
  document.body.dataset.ready = "true";
}

async function fillTypes() {
  try {
    const stats = await getJSON("/api/stats?modality=all");
    const list = document.getElementById("types");
    const types = [...Object.keys(stats.events_by_type),
                   ...Object.values(stats.events_by_type).flatMap((subs) => Object.keys(subs))
                     .filter((t) => t !== "-"),
                   ...Object.keys(stats.events_by_plover_only).filter((t) => t !== "(untyped)")];
    list.replaceChildren(...[...new Set(types)].map((t) => el("option", { value: t })));
  } catch (error) { /* the datalist only helps typing; the filter works without it */ }
}

document.getElementById("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  load();
});
document.getElementById("reset").addEventListener("click", () => setTimeout(load, 0));
document.getElementById("prev").addEventListener("click", () => {
  state.offset = Math.max(0, state.offset - PAGE); loadTable();
});
document.getElementById("next").addEventListener("click", () => {
  state.offset += PAGE; loadTable();
});
document.getElementById("panel-close").addEventListener("click", () => {
  document.getElementById("panel").hidden = true;
  document.querySelector("main").classList.add("no-panel");
});
// the timeline is drawn for its width, which changes with the window and when the panel opens
new ResizeObserver(() => drawTimeline()).observe(document.getElementById("timeline"));
document.querySelector("main").classList.add("no-panel");
setupBrush();
drawBasemap();
fillTypes();
load();
