// The Leaflet map: country outlines shipped with sitrep, optional tiles, clustered event markers, control.
import { colourOf } from "./dom.js";

export function createMap(element, tiles) {
  const map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([25, 30], 3);
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: "map tiles as configured" }).addTo(map);
  } else {
    fetch("vendor/world-atlas/countries-110m.geojson")
      .then((r) => r.json())
      .then((countries) => L.geoJSON(countries, {
        style: { color: "#8a94a6", weight: 0.7, fillColor: "#f7f4ea", fillOpacity: 1 },
        interactive: false,
      }).addTo(map).bringToBack());
    map.attributionControl.addAttribution("Natural Earth");
  }
  return map;
}

function markerSize(fatalities) {
  // Area grows with the death toll, so a few large events do not hide many small ones.
  return Math.round(12 + Math.min(30, 4 * Math.sqrt(fatalities || 0)));
}

export class EventLayer {
  constructor(map, onSelect) {
    this.map = map;
    this.onSelect = onSelect;
    this.clusters = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
    this.markers = new Map();
    map.addLayer(this.clusters);
  }

  show(events) {
    this.clusters.clearLayers();
    this.markers.clear();
    const layers = [];
    for (const event of events) {
      const place = event.location;
      if (!place || place.latitude === null || place.longitude === null) continue;
      const size = markerSize(event.fatalities);
      const dot = document.createElement("div");
      dot.className = "sitrep-marker";
      dot.dataset.eventId = event.event_id;
      Object.assign(dot.style, { width: `${size}px`, height: `${size}px`, background: colourOf(event.event_type) });
      const marker = L.marker([place.latitude, place.longitude], {
        icon: L.divIcon({ html: dot, className: "", iconSize: [size, size] }),
        title: `${event.event_type || event.plover_type} – ${place.name}`,
      });
      marker.on("click", () => this.onSelect(event.event_id, "map"));
      this.markers.set(event.event_id, marker);
      layers.push(marker);
    }
    this.clusters.addLayers(layers);
  }

  reveal(eventId) {
    const marker = this.markers.get(eventId);
    // Not zoomToShowLayer: its animation handler fails when a marker leaves before the animation ends.
    if (marker) this.map.setView(marker.getLatLng(), Math.max(this.map.getZoom(), 9));
  }
}

// Control of places: held drawn solid, claimed dashed and hollow, contested hatched in orange.
export class ControlLayer {
  constructor(map, onDescribe) {
    this.map = map;
    this.onDescribe = onDescribe;
    this.group = L.layerGroup().addTo(map);
  }

  show(entries) {
    this.group.clearLayers();
    for (const entry of entries || []) {
      const place = entry.location;
      if (!place || place.latitude === null || place.longitude === null) continue;
      const colour = entry.status === "contested" ? "#e67e22" : "#34495e";
      const style = {
        held: { color: colour, weight: 2, fillOpacity: 0.35, dashArray: null },
        claimed: { color: colour, weight: 2, fillOpacity: 0, dashArray: "4 4" },
        contested: { color: colour, weight: 2, fillOpacity: 0.15, dashArray: "1 3" },
      }[entry.status] || { color: colour, weight: 1, fillOpacity: 0.1 };
      const circle = L.circle([place.latitude, place.longitude], { radius: 9000, ...style, className: `control-${entry.status}` });
      const who = entry.controller ? entry.controller.name : "no one";
      circle.on("click", () => this.onDescribe(`${place.name}: ${entry.status} by ${who} since ${entry.since || "?"}`));
      circle.addTo(this.group);
    }
  }

  hide() { this.group.clearLayers(); }
}
