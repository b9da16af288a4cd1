// The actor network: actors on a circle, edges between actors that share events, drawn in SVG.
import { clear } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderNetwork(target, graph) {
  clear(target);
  const nodes = (graph.nodes || []).slice(0, 40);
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const edges = (graph.edges || graph.links || []).filter((e) => index.has(e.source) && index.has(e.target));
  const [cx, cy, r] = [400, 160, 125];
  const position = (i) => [cx + 2.6 * r * Math.cos((2 * Math.PI * i) / nodes.length) / 1.3,
                           cy + r * Math.sin((2 * Math.PI * i) / nodes.length)];
  for (const edge of edges) {
    const [x1, y1] = position(index.get(edge.source));
    const [x2, y2] = position(index.get(edge.target));
    const hostile = /hostile|fight|attack|oppos/i.test(edge.relation || edge.type || "");
    target.append(svg("line", { x1, y1, x2, y2, stroke: hostile ? "#d62728" : "#2c7fb8",
                                "stroke-width": Math.min(6, 1 + Math.log2(1 + (edge.weight || edge.events || 1))),
                                "stroke-opacity": 0.6 }));
  }
  nodes.forEach((node, i) => {
    const [x, y] = position(i);
    const group = svg("g", { class: "actor-node" });
    group.append(svg("circle", { cx: x, cy: y, r: 6, fill: "#1d2330" }));
    group.append(svg("text", { x: x + 8, y: y + 4 }, node.name || node.label || node.id));
    target.append(group);
  });
  return nodes.length;
}
