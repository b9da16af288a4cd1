"""Territorial control as of a date, and its timeline per place, derived from territorial events.

ACLED's rules, as sitrep applies them (docs/fusion.md):
- Only `asserted` or `reported` takeovers (Non-state actor overtakes territory, Government regains territory),
  hand-overs and base establishments at a town (geo_precision 1) change who holds a place, from the event's
  first possible day. `claimed` takeovers give a separate "claimed" entry, never "held". `expected`,
  `unconfirmed` and `denied` mentions never change anything.
- A withdrawal (a Non-violent transfer coded as RETREAT) names who leaves; its actor2, if any, takes over. A
  withdrawal without a named taker ends the leaver's hold: the place becomes "contested" with no controller.
- Two takeovers by parties that are not the same side within CONTEST_WINDOW_DAYS: "contested", no controller,
  both claimants listed.
- A place with recent (FIGHTING_WINDOW_DAYS) credible battles and no control record at all is "contested";
  fighting never overturns a held record by itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sitrep.fuse.records import CREDIBLE, Record, actor_id, as_records, date_range
from sitrep.model import Event

TAKEOVERS = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
TRANSFER = "Non-violent transfer of territory"
BASE = "Headquarters or base established"
CONTEST_WINDOW_DAYS = 7
FIGHTING_WINDOW_DAYS = 30


@dataclass(frozen=True)
class Holding:
    """Who holds a place from `since`, on what evidence."""

    status: str  # "held" | "contested" | "claimed"
    controller: Mapping[str, Any] | None
    since: date
    evidence: tuple[str, ...]
    claimants: tuple[Mapping[str, Any], ...] = ()
    allies: tuple[Mapping[str, Any], ...] = field(default=())


def _same_side(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    if a is None or b is None:
        return False
    if a["id"] == b["id"]:
        return True
    # Two state actors of one country (army, government) are one side.
    state = ("-gov", "-military", "-police")
    return (a.get("country") is not None and a.get("country") == b.get("country")
            and a["id"].endswith(state) and b["id"].endswith(state))


def _territorial(record: Record) -> bool:
    return (record.get("location") is not None and record["location"].get("geonameid") is not None
            and record.get("geo_precision") == 1 and date_range(record) is not None
            and not str(record["location"].get("feature_code") or "").startswith("PCL"))


def _taker_and_leaver(record: Record) -> tuple[Mapping[str, Any] | None, Mapping[str, Any] | None]:
    sub = record.get("sub_event_type")
    if sub == TRANSFER and record.get("plover_type") == "RETREAT":
        return record.get("actor2"), record.get("actor1")
    if sub in TAKEOVERS or sub in (TRANSFER, BASE):
        return record.get("actor1"), record.get("actor2")
    return None, None


def _step(current: Holding | None, record: Record) -> Holding | None:
    """The holding after one credible territorial event."""
    when = date_range(record)[0]  # type: ignore[index]
    taker, leaver = _taker_and_leaver(record)
    event_id = record["event_id"]
    allies = tuple(record.get("assoc_actor1") or ()) if record.get("actor1") is taker else ()
    if taker is None:
        if leaver is None:
            return current
        if current is None or current.status != "held" or _same_side(current.controller, leaver):
            return Holding("contested", None, when, (event_id,))
        return current
    if record.get("sub_event_type") == BASE and current is not None:
        return current  # a base in a place someone already holds says nothing new about control
    if current is not None and current.status == "held" and _same_side(current.controller, taker):
        return replace(current, evidence=(*current.evidence, event_id))
    if current is not None and current.controller is not None and (when - current.since).days <= CONTEST_WINDOW_DAYS:
        return Holding("contested", None, when, (*current.evidence, event_id), (current.controller, taker))
    return Holding("held", taker, when, (event_id,), allies=allies)


def _by_place(records: Iterable[Record], as_of: date | None) -> dict[int, list[Record]]:
    places: dict[int, list[Record]] = {}
    for record in records:
        found = date_range(record)
        if found is None or record.get("location") is None or record["location"].get("geonameid") is None:
            continue
        if as_of is not None and found[0] > as_of:
            continue
        places.setdefault(int(record["location"]["geonameid"]), []).append(record)
    return places


def _order(record: Record) -> tuple[object, ...]:
    return (record.get("date_start"), record["event_id"])


def _history(records: list[Record]) -> list[Holding]:
    """Every successive holding of one place, from its credible territorial events in date order."""
    held: list[Holding] = []
    current: Holding | None = None
    for record in sorted(records, key=_order):
        if record.get("certainty") not in CREDIBLE or not _territorial(record):
            continue
        if _taker_and_leaver(record) == (None, None):
            continue
        after = _step(current, record)
        if after is not current and after is not None:
            if current is not None and after.since == current.since and after.status == current.status \
                    and after.controller == current.controller:
                held[-1] = after
            else:
                held.append(after)
            current = after
    return held


def _claim(records: list[Record], held: Holding | None) -> Holding | None:
    claims = [r for r in sorted(records, key=_order) if r.get("certainty") == "claimed" and _territorial(r)
              and r.get("sub_event_type") in TAKEOVERS and r.get("actor1")]
    if not claims:
        return None
    last = claims[-1]
    since = date_range(last)[0]  # type: ignore[index]
    if held is not None and _same_side(held.controller, last["actor1"]) and held.since >= since:
        return None
    evidence = tuple(r["event_id"] for r in claims if actor_id(r["actor1"]) == actor_id(last["actor1"]))
    return Holding("claimed", last["actor1"], since, evidence)


def _fighting(records: list[Record], as_of: date | None) -> Holding | None:
    battles = [r for r in sorted(records, key=_order) if r.get("event_type") == "Battles"
               and r.get("certainty") in CREDIBLE and r.get("geo_precision") in (1, 2)]
    if as_of is not None:
        battles = [r for r in battles
                   if (as_of - date_range(r)[1]).days <= FIGHTING_WINDOW_DAYS]  # type: ignore[index]
    if not battles:
        return None
    return Holding("contested", None, date_range(battles[0])[0],  # type: ignore[index]
                   tuple(r["event_id"] for r in battles))


def _location(records: list[Record]) -> dict[str, Any]:
    best = min(records, key=lambda r: (r.get("geo_precision") or 4, r["event_id"]))
    return dict(best["location"])


def _entry(location: Mapping[str, Any], holding: Holding) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "location": dict(location),
        "controller": dict(holding.controller) if holding.controller else None,
        "status": holding.status,
        "since": holding.since.isoformat(),
        "evidence": list(holding.evidence),
    }
    if holding.claimants:
        entry["claimants"] = [dict(c) for c in holding.claimants]
    if holding.allies:
        entry["allies"] = [dict(a) for a in holding.allies]
    return entry


def control_as_of(events: Iterable[Event | Record], as_of: date | str) -> list[dict[str, Any]]:
    """Who controls each place the events speak of on `as_of`: the contract's control records, by place name.

    A place may have two entries: what is held (or contested) and a later claim by another side."""
    day = date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    result: list[dict[str, Any]] = []
    for records in _by_place(as_records(events), day).values():
        history = _history(records)
        held = history[-1] if history else _fighting(records, day)
        location = _location(records)
        if held is not None:
            result.append(_entry(location, held))
        claim = _claim(records, held if history else None)
        if claim is not None:
            result.append(_entry(location, claim))
    return sorted(result, key=lambda e: (str(e["location"].get("name")), e["location"].get("geonameid"),
                                         e["status"]))


def _matches(records: list[Record], place: str | int) -> bool:
    location = records[0]["location"]
    if isinstance(place, int) or str(place).isdigit():
        return int(location["geonameid"]) == int(place)
    wanted = str(place).strip().casefold()
    return any(wanted in (str(r["location"].get("name") or "").casefold(),
                          str(r["location"].get("text") or "").casefold()) for r in records)


def control_timeline(events: Iterable[Event | Record], place: str | int) -> list[dict[str, Any]]:
    """Every change of control of one place (by name, as written or in the gazetteer, or geonameid), oldest
    first, each a control record as `control_as_of` gives it; claims are listed with their date."""
    result: list[dict[str, Any]] = []
    for records in _by_place(as_records(events), None).values():
        if not _matches(records, place):
            continue
        location = _location(records)
        entries = [_entry(location, h) for h in _history(records)]
        claims = [r for r in records if r.get("certainty") == "claimed" and _territorial(r)
                  and r.get("sub_event_type") in TAKEOVERS and r.get("actor1")]
        entries += [_entry(location, Holding("claimed", r["actor1"], date_range(r)[0],  # type: ignore[index]
                                             (r["event_id"],))) for r in claims]
        result.extend(entries)
    return sorted(result, key=lambda e: (e["since"], e["location"].get("geonameid"), e["status"]))
