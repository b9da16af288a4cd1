// Calls to the sitrep JSON API; every failure becomes an Error carrying the API's message.

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

export const getMeta = () => getJson("api/meta");
export const getEvent = (id) => getJson(`api/events/${encodeURIComponent(id)}`);
export const getDocument = (id) => getJson(`api/documents/${id.split("/").map(encodeURIComponent).join("/")}`);
export const getControl = (day) => getJson(`api/control?as_of=${day}`);
export const getActorGraph = () => getJson("api/actors/graph");
export const getActors = () => getJson("api/actors?limit=40");

// Every event matching the filters, a page of 1000 at a time, up to `cap` events.
export async function getAllEvents(filters, cap = 20000) {
  const events = [];
  let offset = 0;
  while (offset !== null && events.length < cap) {
    const query = new URLSearchParams({ ...filters, limit: "1000", offset: String(offset) });
    const page = await getJson(`api/events?${query}`);
    events.push(...page.events);
    offset = page.next_offset;
  }
  return events;
}
