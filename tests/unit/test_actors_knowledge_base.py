"""Validation and lookups of the actor knowledge base, on hand-built TOML."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors.knowledge_base import ACTOR_TYPES, ActorBase, build_knowledge_base, load_knowledge_base
from sitrep.actors.normalise import normalise_alias
from sitrep.errors import KnowledgeBaseError

SMALL = """
[[actor]]
id = "alpha"
name = "Alpha Front"
type = "Rebel group"
country = "SY"
aliases = ["Alpha", "AF Group"]
affiliations = [{ relation = "backed_by", actor = "beta-army" }]

[[actor]]
id = "beta-army"
name = "Military Forces of Beta"
type = "State forces"
aliases = ["Beta Army"]
"""


def small_base(extra: str = "") -> ActorBase:
    return build_knowledge_base([(SMALL + extra, "test.toml")], with_countries=False)


def test_small_file_loads_and_matches_with_normalisation() -> None:
    kb = build_knowledge_base([(SMALL, "test.toml")], with_countries=False)
    assert len(kb) == 2
    assert kb.match("the Alpha's").id == "alpha"  # type: ignore[union-attr]
    assert kb.match("ALPHAS").id == "alpha"  # type: ignore[union-attr]
    assert kb.match("Military Forces of Beta").id == "beta-army"  # type: ignore[union-attr]
    assert kb.match("Gamma") is None
    assert kb.allies("alpha") == ["beta-army"]


def test_duplicate_id_names_the_actor() -> None:
    duplicate = '\n[[actor]]\nid = "alpha"\nname = "Other"\ntype = "Rebel group"\n'
    with pytest.raises(KnowledgeBaseError, match="'alpha'.*duplicate id"):
        small_base(duplicate)


def test_unknown_affiliation_target_names_the_actor() -> None:
    broken = SMALL.replace('actor = "beta-army"', 'actor = "nobody"')
    with pytest.raises(KnowledgeBaseError, match="'alpha'.*'nobody'"):
        build_knowledge_base([(broken, "test.toml")], with_countries=False)


def test_unknown_actor_type_is_rejected() -> None:
    broken = SMALL.replace('type = "Rebel group"', 'type = "Rebels"')
    with pytest.raises(KnowledgeBaseError, match="'alpha'.*unknown actor type"):
        build_knowledge_base([(broken, "test.toml")], with_countries=False)


def test_unknown_relation_is_rejected() -> None:
    broken = SMALL.replace('relation = "backed_by"', 'relation = "funds"')
    with pytest.raises(KnowledgeBaseError, match="'alpha'.*unknown relation"):
        build_knowledge_base([(broken, "test.toml")], with_countries=False)


def test_shared_alias_is_rejected_unless_allowed() -> None:
    clash = '\n[[actor]]\nid = "gamma"\nname = "Gamma"\ntype = "Rebel group"\naliases = ["the Alpha"]\n'
    with pytest.raises(KnowledgeBaseError, match="'gamma'.*'alpha'"):
        small_base(clash)
    allowed = build_knowledge_base([('shared_aliases = ["Alpha"]\n' + SMALL + clash, "t.toml")], False)
    assert {a.id for a in allowed.candidates("Alpha")} == {"alpha", "gamma"}


def test_invalid_toml_is_a_knowledge_base_error() -> None:
    with pytest.raises(KnowledgeBaseError, match="invalid TOML"):
        build_knowledge_base([("[[actor]\nid=", "bad.toml")], with_countries=False)


def test_extra_file_is_merged_over_the_packaged_base(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[actor]]\nid = "local-brigade"\nname = "Local Brigade"\ntype = "Political militia"\n'
        'country = "SY"\naliases = ["Local Brigade"]\n'
        'affiliations = [{ relation = "allied_with", actor = "hts" }]\n',
        encoding="utf-8",
    )
    kb = load_knowledge_base(extra)
    assert kb.match("the local brigade").id == "local-brigade"  # type: ignore[union-attr]
    assert "local-brigade" in kb.allies("hts")
    assert "local-brigade" not in load_knowledge_base()


def test_missing_extra_file_is_a_knowledge_base_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        load_knowledge_base(tmp_path / "absent.toml")


def test_shipped_file_has_no_alias_shared_across_actors() -> None:
    kb = load_knowledge_base()
    shared = {key: ids for key, ids in kb.alias_index.items() if len(ids) > 1}
    assert set(shared) <= kb.shared_aliases, shared
    assert all(actor.type in ACTOR_TYPES for actor in kb.actors.values())


def test_shipped_file_covers_the_main_actors() -> None:
    kb = load_knowledge_base()
    expected = {
        "Hayat Tahrir al-Sham": "hts",
        "Jabhat al-Nusra": "jabhat-al-nusra",
        "Jabhat Fatah al-Sham": "jabhat-fatah-al-sham",
        "Al-Nusra Front for the Conquest of the Levant": "jabhat-fatah-al-sham",
        "Syrian Arab Army": "sy-military",
        "Daesh": "islamic-state",
        "Ansar Allah": "houthis",
        "Rapid Support Forces": "rsf",
        "Tatmadaw": "mm-military",
        "M23": "m23",
        "Men of Dignity": "men-of-dignity",
        "CJTF-OIR": "cjtf-oir",
        "Wagner Group": "wagner",
    }
    for alias, actor_id in expected.items():
        found = kb.match(alias)
        assert found is not None and found.id == actor_id, alias
    assert kb.get("sy-military").name == "Military Forces of Syria (2000-2024)"  # type: ignore[union-attr]
    assert kb.get("ru-military").name == "Military Forces of Russia (2000-)"  # type: ignore[union-attr]
    assert kb.military("FR").name == "Military Forces of France"  # type: ignore[union-attr]
    assert kb.government("US").name.startswith("Government of the United States")  # type: ignore[union-attr]
    assert kb.generic("civilians", "SY").id == "civilians-sy"  # type: ignore[union-attr]
    assert kb.match("SNA", country="SO").id == "so-military"  # type: ignore[union-attr]
    assert kb.match("SNA", country="SY").id == "sna"  # type: ignore[union-attr]
    assert "tr-military" in kb.allies("sna")


def test_normalise_alias_folds_case_article_possessive_and_quotes() -> None:
    assert normalise_alias("  The  Houthi\u2019s ") == "houthi"
    assert normalise_alias("Hay\u2019at Tahrir al\u2013Sham") == "hay'at tahrir al-sham"
