// The event list and the evidence panel: the article text with the supporting sentence highlighted.
import { clear, colourOf, el } from "./dom.js";

export function renderList(list, events, selectedId, onSelect) {
  clear(list);
  for (const event of events.slice(0, 500)) {
    const place = event.location ? event.location.name : "unlocated";
    const item = el("li", { "data-event-id": event.event_id, className: event.event_id === selectedId ? "selected" : "",
                            onclick: () => onSelect(event.event_id, "list") },
      el("span", { className: "swatch", style: { background: colourOf(event.event_type) } }),
      el("strong", {}, event.date_start || "undated"), " ",
      `${event.sub_event_type || event.event_type || event.plover_type} – ${place}`,
      event.fatalities ? ` (${event.fatalities} killed)` : "");
    list.append(item);
  }
  if (events.length > 500) list.append(el("li", {}, `… and ${events.length - 500} more`));
}

function fact(label, value) {
  return value === null || value === undefined || value === "" ? [] : [el("dt", {}, label), el("dd", {}, value)];
}

function actorName(actor) {
  return actor ? `${actor.name}${actor.country ? ` (${actor.country})` : ""}` : null;
}

// The document text cut into plain text and <mark> runs; the selected event's sentence is the bright one.
export function highlightedText(text, spans, selectedId) {
  // The selected event's sentence first, then the others that overlap nothing already taken.
  const candidates = [...spans.filter((s) => s.event_id === selectedId).slice(0, 1),
                      ...spans.filter((s) => s.event_id !== selectedId).sort((a, b) => a.start - b.start)];
  const taken = [];
  for (const span of candidates) {
    if (span.start < 0 || span.end > text.length || span.start >= span.end) continue;
    if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
    taken.push(span);
  }
  taken.sort((a, b) => a.start - b.start);
  const parts = [];
  let cursor = 0;
  for (const span of taken) {
    parts.push(document.createTextNode(text.slice(cursor, span.start)));
    const isSelected = span.event_id === selectedId;
    parts.push(el("mark", { className: isSelected ? "evidence selected" : "evidence other",
                            "data-event-id": span.event_id, title: span.summary || "" },
                  text.slice(span.start, span.end)));
    cursor = span.end;
  }
  parts.push(document.createTextNode(text.slice(cursor)));
  return parts;
}

export function renderEvidence(panel, detail, documentBody) {
  const event = detail.event;
  panel.hidden = false;
  const facts = panel.querySelector("#event-facts");
  clear(facts).append(
    el("p", {}, el("strong", {}, event.summary || "")),
    el("dl", {},
      fact("Type", [event.event_type, event.sub_event_type].filter(Boolean).join(" / ") || event.plover_type),
      fact("PLOVER", [event.plover_type, event.plover_mode].filter(Boolean).join(" / ")),
      fact("Actor 1", actorName(event.actor1)), fact("Actor 2", actorName(event.actor2)),
      fact("Where", event.location ? `${event.location.name}, ${event.location.country_code || ""}` : null),
      fact("When", event.date_start === event.date_end ? event.date_start : `${event.date_start} – ${event.date_end}`),
      fact("Fatalities", event.fatalities), fact("Certainty", event.certainty),
      fact("Attributed to", event.attribution),
      fact("Sources", `${detail.sources.length} document(s)`)));
  const doc = documentBody.document;
  panel.querySelector("#doc-title").textContent = doc.title || doc.id;
  panel.querySelector("#doc-meta").textContent =
    [doc.publisher, doc.published, doc.url].filter(Boolean).join(" · ");
  const body = clear(panel.querySelector("#doc-text"));
  body.append(...highlightedText(doc.text, documentBody.spans, event.event_id));
  const mark = body.querySelector("mark.selected");
  // Scroll the text box only, not the page.
  if (mark) body.scrollTop = Math.max(0, mark.offsetTop - body.offsetTop - 40);
}
