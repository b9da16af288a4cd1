// The dashboard: loads events, keeps map, time slider, list and evidence panel in step.
import * as api from "./api.js";
import { TYPE_COLOURS, el } from "./dom.js";
import { ControlLayer, EventLayer, createMap } from "./map.js";
import { renderEvidence, renderList } from "./panels.js";
import { renderNetwork } from "./network.js";

const DAY = 86400000;
const $ = (id) => document.getElementById(id);
const state = { meta: null, events: [], shown: [], selected: null, days: [], playing: null };

const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);

function setStatus(text) { $("status").textContent = text; }

function sliderDay() {
  return state.days.length ? state.days[Number($("slider").value)] : null;
}

function inWindow(event, day) {
  if (day === null) return true;
  if (!event.date_start) return false;
  const start = toDay(event.date_start);
  const window = Number($("window").value);
  if (start > day) return false;
  return !window || toDay(event.date_end || event.date_start) >= day - window * DAY;
}

// Events shown: those of the slider's time window; the list also keeps only what the map shows.
function refresh() {
  const day = sliderDay();
  $("slider-date").textContent = day === null ? "" : isoOf(day);
  state.shown = state.events.filter((event) => inWindow(event, day));
  state.layer.show(state.shown);
  refreshList();
  refreshControl();
}

function refreshList() {
  const bounds = state.map.getBounds();
  const visible = state.shown.filter((e) => !e.location || e.location.latitude === null ||
    bounds.contains([e.location.latitude, e.location.longitude]));
  visible.sort((a, b) => (b.date_start || "").localeCompare(a.date_start || ""));
  $("list-count").textContent = `(${visible.length} of ${state.events.length})`;
  renderList($("event-list"), visible, state.selected, select);
}

let controlTimer = null;
function refreshControl() {
  if (!state.meta.features.control || !$("show-control").checked || sliderDay() === null) {
    state.control.hide();
    return;
  }
  clearTimeout(controlTimer);
  controlTimer = setTimeout(() => {
    api.getControl(isoOf(sliderDay())).then((entries) => state.control.show(entries))
      .catch((error) => setStatus(`control: ${error.message}`));
  }, 150);
}

async function select(eventId, from) {
  state.selected = eventId;
  for (const item of document.querySelectorAll("#event-list li")) {
    item.classList.toggle("selected", item.dataset.eventId === eventId);
  }
  for (const dot of document.querySelectorAll(".sitrep-marker")) {
    dot.classList.toggle("selected", dot.dataset.eventId === eventId);
  }
  if (from === "list") state.layer.reveal(eventId);
  try {
    const detail = await api.getEvent(eventId);
    const documentBody = await api.getDocument(detail.event.document_id);
    if (state.selected === eventId) renderEvidence($("evidence-panel"), detail, documentBody);
  } catch (error) {
    setStatus(`event ${eventId}: ${error.message}`);
  }
}

function filters() {
  const form = new FormData($("filters"));
  const query = {};
  for (const [key, value] of form.entries()) {
    if (String(value).trim() && !(key === "min_corroboration" && value === "1")) query[key] = String(value).trim();
  }
  return query;
}

async function load() {
  setStatus("loading events…");
  try {
    state.events = await api.getAllEvents(filters());
  } catch (error) {
    setStatus(`could not load events: ${error.message}`);
    return;
  }
  const dated = state.events.filter((e) => e.date_start).map((e) => toDay(e.date_start));
  const first = dated.length ? Math.min(...dated) : null;
  const last = dated.length ? Math.max(...dated) : null;
  state.days = [];
  if (first !== null) for (let d = first; d <= last; d += DAY) state.days.push(d);
  $("slider").max = String(Math.max(0, state.days.length - 1));
  $("slider").value = $("slider").max;
  setStatus(`${state.events.length} events`);
  refresh();
}

function togglePlay() {
  if (state.playing) {
    clearInterval(state.playing);
    state.playing = null;
    $("play").textContent = "▶";
    return;
  }
  const slider = $("slider");
  if (Number(slider.value) >= Number(slider.max)) slider.value = "0";
  $("play").textContent = "⏸";
  const step = Math.max(1, Math.round(state.days.length / 120));
  state.playing = setInterval(() => {
    slider.value = String(Math.min(Number(slider.max), Number(slider.value) + step));
    refresh();
    if (Number(slider.value) >= Number(slider.max)) togglePlay();
  }, 250);
}

async function loadNetwork() {
  const note = $("network-note");
  try {
    const graph = state.meta.features.actor_graph ? await api.getActorGraph() : null;
    if (graph) {
      note.textContent = "Actors linked by shared events; red: hostile, blue: allied or co-acting.";
      renderNetwork($("network"), graph);
      return;
    }
    const { actors } = await api.getActors();
    note.textContent = "The actor network needs the fusion stage; the busiest actors are shown instead.";
    renderNetwork($("network"), { nodes: actors.map((a) => ({ id: a.id, name: `${a.name} (${a.events})` })), edges: [] });
  } catch (error) {
    note.textContent = `actor network: ${error.message}`;
  }
}

function fillFilters() {
  for (const { event_type: type } of state.meta.event_types) {
    if (type) $("filter-type").append(el("option", { value: type }, type));
  }
  for (const certainty of state.meta.certainties) $("filter-certainty").append(el("option", { value: certainty }, certainty));
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    $("legend").append(el("span", {}, el("span", { className: "swatch", style: { background: colour } }), type));
  }
  $("legend").append(el("span", {}, "Marker size: fatalities. Control: solid held, dashed claimed, orange contested."));
}

async function start() {
  try {
    state.meta = await api.getMeta();
  } catch (error) {
    setStatus(`cannot reach the API: ${error.message}`);
    return;
  }
  state.map = createMap($("map"), state.meta.tiles);
  state.layer = new EventLayer(state.map, select);
  state.control = new ControlLayer(state.map, setStatus);
  state.map.on("moveend", refreshList);
  fillFilters();
  $("filters").addEventListener("submit", (event) => { event.preventDefault(); load(); });
  $("slider").addEventListener("input", refresh);
  $("window").addEventListener("change", refresh);
  $("show-control").addEventListener("change", refreshControl);
  $("play").addEventListener("click", togglePlay);
  await load();
  if (state.shown.some((e) => e.location)) {
    const located = state.shown.filter((e) => e.location && e.location.latitude !== null);
    state.map.fitBounds(located.map((e) => [e.location.latitude, e.location.longitude]), { maxZoom: 7, padding: [20, 20] });
  }
  loadNetwork();
  document.body.dataset.ready = "true";
}

start();
