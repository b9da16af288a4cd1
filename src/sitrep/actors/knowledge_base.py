"""The actor knowledge base: load the packaged TOML (plus an optional extra file), validate, look up."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.actors.countries import (
    GENERIC_KINDS,
    Country,
    country_actors,
    countryless_generic_actors,
    generic_id,
    government_id,
    load_countries,
    military_id,
    police_id,
)
from sitrep.actors.normalise import normalise_alias, singular_forms
from sitrep.errors import KnowledgeBaseError
from sitrep.model import Actor, Affiliation

ACTOR_FILE = "actors.toml"

ACTOR_TYPES: frozenset[str] = frozenset(
    {
        "State forces",
        "Rebel group",
        "Political militia",
        "Identity militia",
        "Rioters",
        "Protesters",
        "Civilians",
        "External/Other forces",
    }
)
RELATIONS: frozenset[str] = frozenset({"backed_by", "allied_with", "part_of", "formerly", "hostile_to"})
_ACTOR_KEYS = frozenset({"id", "name", "type", "country", "aliases", "affiliations", "description"})
_AFFILIATION_KEYS = frozenset({"relation", "actor", "since", "until"})


@dataclass(frozen=True)
class ActorBase:
    """Validated actors by id, with an alias index and the country table they were generated from."""

    actors: Mapping[str, Actor]
    countries: tuple[Country, ...] = ()
    shared_aliases: frozenset[str] = frozenset()
    alias_index: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Derived lookup structures (the resolver's automaton), built on first use.
    cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls, actors: Iterable[Actor], countries: tuple[Country, ...] = (), shared_aliases: Iterable[str] = ()
    ) -> ActorBase:
        """Validate `actors` and index their aliases; raises KnowledgeBaseError naming the actor."""
        allowed = frozenset(normalise_alias(a) for a in shared_aliases)
        by_id = validate_actors(actors)
        index: dict[str, tuple[str, ...]] = {}
        for actor in by_id.values():
            for alias in (actor.name, *actor.aliases):
                key = normalise_alias(alias)
                owners = index.get(key, ())
                if actor.id in owners:
                    continue
                if owners and key not in allowed:
                    raise KnowledgeBaseError(
                        f"actor {actor.id!r}: alias {alias!r} is already an alias of {owners[0]!r} "
                        "(list it under shared_aliases to allow this)"
                    )
                index[key] = (*owners, actor.id)
        return cls(actors=by_id, countries=countries, shared_aliases=allowed, alias_index=index)

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def candidates(self, text: str) -> tuple[Actor, ...]:
        """Every actor `text` is an alias of, after normalisation (case, "the", possessive, plural)."""
        key = normalise_alias(text)
        for form in (key, *singular_forms(key)):
            ids = self.alias_index.get(form)
            if ids:
                return tuple(self.actors[i] for i in ids)
        country = self.country_by_name(text)
        if country is not None and (gov := self.get(government_id(country.code))) is not None:
            return (gov,)
        return ()

    def match(self, text: str, country: str | None = None) -> Actor | None:
        """The actor `text` names (an alias, or a country name for its government); `country` breaks ties."""
        found = self.candidates(text)
        if not found:
            return None
        for actor in found:
            if country and actor.country == country:
                return actor
        return found[0]

    def allies(self, actor_id: str) -> list[str]:
        """Ids of the actors backing `actor_id` or allied with it (in either direction), in file order."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return []
        found = [a.actor_id for a in actor.affiliations if a.relation in ("backed_by", "allied_with")]
        for other in self.actors.values():
            if any(a.relation == "allied_with" and a.actor_id == actor_id for a in other.affiliations):
                found.append(other.id)
        return list(dict.fromkeys(found))

    def backed_by(self, backer_ids: Iterable[str], country: str | None = None) -> list[Actor]:
        """Actors with a backed_by affiliation to any of `backer_ids`, optionally in one country."""
        backers = set(backer_ids)
        return [
            actor
            for actor in self.actors.values()
            if (country is None or actor.country == country)
            and any(a.relation == "backed_by" and a.actor_id in backers for a in actor.affiliations)
        ]

    def military(self, country: str | None) -> Actor | None:
        return self.actors.get(military_id(country)) if country else None

    def government(self, country: str | None) -> Actor | None:
        return self.actors.get(government_id(country)) if country else None

    def police(self, country: str | None) -> Actor | None:
        return self.actors.get(police_id(country)) if country else None

    def generic(self, kind: str, country: str | None) -> Actor | None:
        """A generic actor ("civilians", "protesters", "rioters", "rebels", "unidentified-armed-group")."""
        return self.actors.get(generic_id(kind, country)) or self.actors.get(generic_id(kind, None))

    def is_generic(self, actor: Actor) -> bool:
        """A generated generic actor ("civilians-sy", "rebels"): found by phrase, never by name."""
        return any(actor.id == generic_id(kind, actor.country) for kind in GENERIC_KINDS)

    def is_government(self, actor: Actor) -> bool:
        return actor.country is not None and actor.id == government_id(actor.country)

    def is_state(self, actor: Actor) -> bool:
        """A country's government, military or police."""
        return actor.country is not None and actor.id in (
            government_id(actor.country),
            military_id(actor.country),
            police_id(actor.country),
        )

    def country(self, code: str | None) -> Country | None:
        return next((c for c in self.countries if c.code == code), None) if code else None

    def country_by_name(self, text: str) -> Country | None:
        by_name = self.cache.get("countries_by_name")
        if by_name is None:
            # Normalised once for the process, not once per call (each call compared every country's names).
            by_name = {}
            for country in self.countries:
                for name in country.names:
                    by_name.setdefault(normalise_alias(name), country)
            self.cache["countries_by_name"] = by_name
        found: Country | None = by_name.get(normalise_alias(text))
        return found


def _text(value: Any, what: str, actor_id: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeBaseError(f"actor {actor_id!r}: {what} must be a non-empty string")
    return value.strip()


def parse_actor(table: Mapping[str, Any], source: str) -> Actor:
    """One `[[actor]]` table as an Actor; raises KnowledgeBaseError naming the actor and the file."""
    raw_id = table.get("id")
    actor_id = raw_id if isinstance(raw_id, str) else "?"
    where = f"{source}: actor {actor_id!r}"
    unknown = set(table) - _ACTOR_KEYS
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(raw_id, str) or not raw_id or raw_id != raw_id.strip().lower() or " " in raw_id:
        raise KnowledgeBaseError(f"{where}: id must be a lowercase slug")
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise KnowledgeBaseError(f"{where}: aliases must be a list of non-empty strings")
    affiliations: list[Affiliation] = []
    for entry in table.get("affiliations", []):
        if not isinstance(entry, dict) or set(entry) - _AFFILIATION_KEYS:
            raise KnowledgeBaseError(f"{where}: affiliations take relation, actor, since, until")
        affiliations.append(
            Affiliation(
                relation=_text(entry.get("relation"), "affiliation relation", actor_id),
                actor_id=_text(entry.get("actor"), "affiliation actor", actor_id),
                since=str(entry["since"]) if "since" in entry else None,
                until=str(entry["until"]) if "until" in entry else None,
            )
        )
    country = table.get("country")
    description = table.get("description")
    return Actor(
        id=raw_id,
        name=_text(table.get("name"), "name", actor_id),
        type=_text(table.get("type"), "type", actor_id),
        country=country.upper() if isinstance(country, str) and country else None,
        aliases=tuple(dict.fromkeys(a.strip() for a in aliases)),
        affiliations=tuple(affiliations),
        description=description if isinstance(description, str) else None,
    )


def validate_actors(actors: Iterable[Actor]) -> dict[str, Actor]:
    """Actors by id; raises KnowledgeBaseError for duplicate ids, unknown types, relations or targets."""
    by_id: dict[str, Actor] = {}
    for actor in actors:
        if actor.id in by_id:
            raise KnowledgeBaseError(f"actor {actor.id!r}: duplicate id")
        if actor.type not in ACTOR_TYPES:
            raise KnowledgeBaseError(f"actor {actor.id!r}: unknown actor type {actor.type!r}")
        if actor.country is not None and (len(actor.country) != 2 or not actor.country.isalpha()):
            raise KnowledgeBaseError(f"actor {actor.id!r}: country must be an ISO 3166-1 alpha-2 code")
        by_id[actor.id] = actor
    for actor in by_id.values():
        for affiliation in actor.affiliations:
            if affiliation.relation not in RELATIONS:
                raise KnowledgeBaseError(f"actor {actor.id!r}: unknown relation {affiliation.relation!r}")
            if affiliation.actor_id not in by_id:
                raise KnowledgeBaseError(
                    f"actor {actor.id!r}: affiliation {affiliation.relation} points to unknown actor "
                    f"{affiliation.actor_id!r}"
                )
    return by_id


def parse_actor_file(text: str, source: str) -> tuple[list[Actor], list[str]]:
    """The actors and the allowed shared aliases of one TOML text; duplicate ids are an error."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeBaseError(f"{source}: invalid TOML ({exc})") from exc
    tables = data.get("actor", [])
    if not isinstance(tables, list):
        raise KnowledgeBaseError(f"{source}: actors must be [[actor]] tables")
    actors = [parse_actor(table, source) for table in tables]
    seen: set[str] = set()
    for actor in actors:
        if actor.id in seen:
            raise KnowledgeBaseError(f"{source}: actor {actor.id!r}: duplicate id")
        seen.add(actor.id)
    shared = data.get("shared_aliases", [])
    if not isinstance(shared, list) or not all(isinstance(s, str) for s in shared):
        raise KnowledgeBaseError(f"{source}: shared_aliases must be a list of strings")
    return actors, shared


def merge_actors(base: Iterable[Actor], overrides: Iterable[Actor], keep_aliases: bool) -> list[Actor]:
    """`base` with `overrides` replacing same-id entries (keeping base aliases if asked), new ones added."""
    merged = {actor.id: actor for actor in base}
    for actor in overrides:
        previous = merged.get(actor.id)
        if previous is not None and keep_aliases:
            actor = replace(actor, aliases=tuple(dict.fromkeys((*actor.aliases, *previous.aliases))))
        merged[actor.id] = actor
    return list(merged.values())


def build_knowledge_base(texts: Iterable[tuple[str, str]], with_countries: bool = True) -> ActorBase:
    """A validated ActorBase from TOML texts `(text, source)`, later texts overriding earlier ones by id.

    With `with_countries`, the generated state and generic actors come first and the first text's
    entries refine them: a hand-written "sy-military" keeps the aliases generated for it."""
    countries = load_countries() if with_countries else ()
    actors: list[Actor] = []
    if with_countries:
        actors = [a for country in countries for a in country_actors(country)] + countryless_generic_actors()
    shared: list[str] = []
    for text, source in texts:
        parsed, allowed = parse_actor_file(text, source)
        actors = merge_actors(actors, parsed, keep_aliases=True)
        shared.extend(allowed)
    return ActorBase.build(actors, countries, shared)


def packaged_actor_text() -> str:
    return resources.files("sitrep.actors").joinpath(ACTOR_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def _load_cached(extra: str | None) -> ActorBase:
    texts = [(packaged_actor_text(), ACTOR_FILE)]
    if extra:
        path = Path(extra)
        try:
            texts.append((path.read_text(encoding="utf-8"), str(path)))
        except OSError as exc:
            raise KnowledgeBaseError(f"{path}: cannot read actor file ({exc.strerror})") from exc
    from sitrep.actors.cache import load_or_build  # the cache module reads this one: imported on use

    return load_or_build(texts, lambda: build_knowledge_base(texts))


def load_knowledge_base(extra: str | Path | None = None) -> ActorBase:
    """The packaged knowledge base, with the actors of `extra` (same TOML format) merged over it; cached in
    the process and on disk (see `sitrep.actors.cache`)."""
    return _load_cached(str(extra) if extra else None)
