"""Who backs whom, as the sentences of events say it: "X-backed Y", "Y, backed by X", "X has backed Y",
"X-ally Y" (Y is X's ally, so Y backs X). Names resolve through the actor knowledge base, including a
country's name, demonym ("Turkish") or capital ("Moscow") standing for its government or military."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from sitrep.fuse.records import Record

_NAME = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?:['’]s\s+(?:military|army|forces|government))?"
_PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    # (pattern, whether the first group is the backer)
    (re.compile(r"\b(?P<first>[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)*)-backed\s+"
                r"(?P<second>[\w'’-]+(?:\s+[\w'’-]+)?)"), True),
    (re.compile(rf"\b(?P<first>{_NAME}),\s+(?:\w+\s+)?backed\s+by\s+(?P<second>{_NAME})"), False),
    (re.compile(rf"\b(?P<first>{_NAME})\s+(?:has|have|had)\s+(?:long\s+)?(?:backed|supported|armed)\s+"
                rf"(?P<second>{_NAME})"), True),
    (re.compile(rf"\b(?P<first>{_NAME})-ally\s+(?P<second>{_NAME})"), False),
)
_MILITARY = re.compile(r"['’]s\s+(military|army|forces)$", re.IGNORECASE)


def resolve_name(text: str, kb: Any) -> Mapping[str, Any] | None:
    """An actor object for a name as written, or None: an alias, else a country by name, demonym or capital."""
    text = text.strip().rstrip(".,;:")
    wants_military = bool(_MILITARY.search(text))
    bare = _MILITARY.sub("", re.sub(r"['’]s\s+government$", "", text)).strip()
    actor = None if wants_military else kb.match(bare)
    if actor is None:
        for country in kb.countries:
            if bare in country.names or bare in country.demonyms or bare in country.capitals:
                actor = kb.military(country.code) if wants_military else kb.government(country.code)
                break
    if actor is None:
        return None
    return {"name": actor.name, "id": actor.id, "type": actor.type, "country": actor.country, "text": text}


def _event_actor_named(record: Record, text: str) -> Mapping[str, Any] | None:
    """The actor of the event whose mention is (or contains) `text` (e.g. "Turkish-backed allies")."""
    roles = [record.get("actor1"), record.get("actor2"), *(record.get("assoc_actor1") or []),
             *(record.get("assoc_actor2") or [])]
    for actor in roles:
        if actor and actor.get("text") and (text in actor["text"] or actor["text"] in text):
            found: Mapping[str, Any] = actor
            return found
    return None


def backing_cues(record: Record, kb: Any) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """(backer, backed) actor pairs the event's sentence states."""
    sentence = (record.get("evidence") or {}).get("sentence") or ""
    for pattern, first_backs in _PATTERNS:
        for match in pattern.finditer(sentence):
            first, second = match.group("first"), match.group("second")
            if first_backs:
                backer = resolve_name(first, kb)
                backed = _event_actor_named(record, match.group(0)) or resolve_name(second, kb)
            else:
                backed = resolve_name(first, kb)
                backer = resolve_name(second, kb)
            if backer and backed and backer["id"] != backed["id"]:
                yield backer, backed
