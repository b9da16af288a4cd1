"""The actor network as JSON or GraphML (xml.etree: no extra dependency)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS = (("name", "string"), ("type", "string"), ("country", "string"), ("events", "int"))
_EDGE_KEYS = (("relation", "string"), ("weight", "int"), ("first", "string"), ("last", "string"),
              ("evidence", "string"))


def network_json(network: Mapping[str, Any]) -> str:
    return json.dumps(network, ensure_ascii=False, indent=2)


def network_graphml(network: Mapping[str, Any]) -> str:
    """GraphML of `actor_network` output; evidence is a space-separated list of event ids."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for scope, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": f"{scope}_{name}", "for": scope,
                                                         "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "actors", "edgedefault": "directed"})
    for node in network["nodes"]:
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": node["id"]})
        _data(element, "node", _NODE_KEYS, node)
    for index, edge in enumerate(network["edges"]):
        attributes = {"id": f"e{index}", "source": edge["source"], "target": edge["target"]}
        if not edge.get("directed", True):
            attributes["directed"] = "false"
        element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", attributes)
        _data(element, "edge", _EDGE_KEYS, {**edge, "evidence": " ".join(
            e.replace(" ", "_") for e in edge["evidence"])})
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _data(element: ET.Element, scope: str, keys: tuple[tuple[str, str], ...], values: Mapping[str, Any]) -> None:
    for name, _ in keys:
        value = values.get(name)
        if value is not None:
            ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": f"{scope}_{name}"}).text = str(value)
