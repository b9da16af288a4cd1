"""The knowledge base cache on disk: keyed by its inputs, rebuilt when missing, stale or unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors import cache
from sitrep.actors.atoms import automaton
from sitrep.actors.knowledge_base import ActorBase, build_knowledge_base

SMALL = """
[[actor]]
id = "alpha"
name = "Alpha Front"
type = "Rebel group"
country = "SY"
aliases = ["Alpha"]
"""


@pytest.fixture(autouse=True)
def _cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))


def _build_counting(texts: list[tuple[str, str]], builds: list[int]) -> ActorBase:
    builds.append(1)
    return build_knowledge_base(texts, with_countries=False)


def test_the_second_load_reads_the_cache_with_its_automaton() -> None:
    texts = [(SMALL, "test.toml")]
    builds: list[int] = []
    first = cache.load_or_build(texts, lambda: _build_counting(texts, builds))
    second = cache.load_or_build(texts, lambda: _build_counting(texts, builds))
    assert builds == [1]
    assert second == first and second is not first
    assert "automaton" in second.cache
    assert list(automaton(second).iter("the alpha front")) == list(automaton(first).iter("the alpha front"))


def test_changed_actor_text_names_another_file() -> None:
    changed = SMALL.replace('"Alpha"', '"Alpha Brigade"')
    assert cache.cache_path([(SMALL, "a.toml")]) != cache.cache_path([(changed, "a.toml")])
    assert cache.cache_path([(SMALL, "a.toml")]).parent == cache.cache_dir()


def test_an_unreadable_cache_file_is_rebuilt_and_replaced(tmp_path: Path) -> None:
    texts = [(SMALL, "test.toml")]
    path = cache.cache_path(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a pickle")
    builds: list[int] = []
    kb = cache.load_or_build(texts, lambda: _build_counting(texts, builds))
    assert builds == [1] and "alpha" in kb
    assert cache.read_cache(path) == kb
    assert not list(path.parent.glob("*.tmp"))  # the temporary file was renamed into place
