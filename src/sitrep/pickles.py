"""Built resources kept on disk between runs: the cache directory and atomic pickle files."""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# What a stale, truncated or foreign pickle raises while loading: the resource is then rebuilt.
_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError, TypeError)


def cache_dir() -> Path:
    """$SITREP_CACHE_DIR, else $XDG_CACHE_HOME/sitrep, else ~/.cache/sitrep."""
    base = os.environ.get("SITREP_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


def read_pickle(path: Path, kind: type[T]) -> T | None:
    """The object pickled at `path` when it is a `kind`; None when there is none or it cannot be read."""
    # Unpickling creates many small objects: collecting garbage meanwhile only slows it down.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            loaded = pickle.load(handle)
    except _UNREADABLE:
        return None
    finally:
        if collecting:
            gc.enable()
    return loaded if isinstance(loaded, kind) else None


def write_pickle(path: Path, value: object) -> None:
    """Writes to a temporary file renamed into place, so two processes building at once never see half a
    file; a cache that cannot be written only costs the next process the build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except (OSError, pickle.PicklingError):
        return
