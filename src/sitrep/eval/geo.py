"""Geoparsing evaluation on GeoWebNews and LGL: toponym recall, exact GeoNames match, accuracy at 161 km.

The scope follows Mordecai3's published evaluation: gold toponyms that carry a GeoNames id (GeoWebNews
also labels streets and buildings with bare coordinates; those are left out, as Mordecai3 does). Two views:

* over all gold toponyms: a toponym that no predicted mention overlaps counts as wrong (end to end);
* over found toponyms: only gold toponyms some resolved prediction overlaps. Mordecai3's published figures are
  conditional on the place name being found (it resolves the annotated spans), so this view is the one
  to compare with them.

A prediction with the gold GeoNames id counts as 0 km off, whatever coordinates the gazetteer gives it.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.config import Settings, load_settings
from sitrep.errors import ConfigError, SitrepError
from sitrep.eval.data import DATA_ENV, resolve_data_dir
from sitrep.model import PlaceMention

CORPUS_FILES: dict[str, str] = {"gwn": "geo/GeoWebNews/GWN.xml", "lgl": "geo/LGL/lgl.xml"}
CORPUS_NAMES: dict[str, str] = {"gwn": "GeoWebNews", "lgl": "LGL"}
ACCURACY_KM = 161.0
# Mordecai3 README (2025 model, full GeoNames in Elasticsearch, annotated spans given).
MORDECAI3_REFERENCE: dict[str, dict[str, float]] = {
    "gwn": {"exact_match": 0.901, "acc_at_161": 0.941},
    "lgl": {"exact_match": 0.794, "acc_at_161": 0.827},
}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """An annotated toponym: offsets into the article text, its GeoNames id and coordinates."""

    start: int
    end: int
    text: str
    geonameid: int | None
    latitude: float
    longitude: float
    kind: str = ""  # GeoWebNews type (Literal, Metonymic, ...); "" for LGL


@dataclass(frozen=True, slots=True)
class GeoArticle:
    """One evaluation article and its scored gold toponyms."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def normalise_corpus(corpus: str) -> str:
    """'gwn' or 'lgl' from any usual spelling ('GeoWebNews', 'LGL', ...)."""
    key = corpus.strip().lower()
    if key in ("geowebnews", "gwn"):
        return "gwn"
    if key == "lgl":
        return "lgl"
    raise ConfigError(f"unknown geoparsing corpus {corpus!r}: choose gwn (GeoWebNews) or lgl")


def corpus_path(data_dir: str | Path | None, corpus: str) -> Path:
    return resolve_data_dir(data_dir) / CORPUS_FILES[normalise_corpus(corpus)]


def geo_data_available(data_dir: str | Path | None, corpus: str) -> bool:
    return corpus_path(data_dir, corpus).is_file()


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def _parse_xml(path: Path) -> ET.Element:
    if not path.is_file():
        raise ConfigError(f"evaluation data not found: {path} (pass the data directory or set ${DATA_ENV})")
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise ConfigError(f"{path}: cannot read evaluation data ({exc})") from exc


def parse_gwn(root: ET.Element, limit: int | None = None) -> list[GeoArticle]:
    """GeoWebNews articles with their toponyms that have a GeoNames id and coordinates."""
    articles: list[GeoArticle] = []
    for number, article in enumerate(root.iter("article")):
        if limit is not None and len(articles) >= limit:
            break
        text = article.findtext("text") or ""
        gold: list[GoldToponym] = []
        for node in article.iter("toponym"):
            geonameid = _int(node.findtext("geonamesID"))
            lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
            start, end = _int(node.findtext("start")), _int(node.findtext("end"))
            if geonameid is None or lat is None or lon is None or start is None or end is None:
                continue
            name = node.findtext("extractedName") or text[start:end]
            gold.append(GoldToponym(start, end, name, geonameid, lat, lon, node.findtext("type") or ""))
        gold.sort(key=lambda t: t.start)
        articles.append(GeoArticle(article.get("file") or str(number), text, tuple(gold)))
    return articles


def parse_lgl(root: ET.Element, limit: int | None = None) -> list[GeoArticle]:
    """LGL articles with their toponyms that have a GeoNames id and coordinates."""
    articles: list[GeoArticle] = []
    for number, article in enumerate(root.iter("article")):
        if limit is not None and len(articles) >= limit:
            break
        text = article.findtext("text") or ""
        gold: list[GoldToponym] = []
        for node in article.iter("toponym"):
            tag = node.find("gaztag")
            if tag is None:
                continue
            geonameid = _int(tag.get("geonameid"))
            lat, lon = _float(tag.findtext("lat")), _float(tag.findtext("lon"))
            start, end = _int(node.findtext("start")), _int(node.findtext("end"))
            if geonameid is None or lat is None or lon is None or start is None or end is None:
                continue
            gold.append(GoldToponym(start, end, node.findtext("phrase") or "", geonameid, lat, lon))
        gold.sort(key=lambda t: t.start)
        articles.append(GeoArticle(article.get("docid") or str(number), text, tuple(gold)))
    return articles


def load_geo_corpus(data_dir: str | Path | None, corpus: str, limit: int | None = None) -> list[GeoArticle]:
    """The first `limit` articles (all when None) of a corpus, in file order."""
    key = normalise_corpus(corpus)
    root = _parse_xml(corpus_path(data_dir, key))
    return parse_gwn(root, limit) if key == "gwn" else parse_lgl(root, limit)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, q1, p2, q2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((q2 - q1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _best_overlap(gold: GoldToponym, mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The predicted mention that overlaps the gold span most (resolved ones first)."""
    best: PlaceMention | None = None
    best_key = (False, 0)
    for mention in mentions:
        overlap = min(gold.end, mention.end) - max(gold.start, mention.start)
        if overlap <= 0:
            continue
        key = (mention.place is not None, overlap)
        if best is None or key > best_key:
            best, best_key = mention, key
    return best


def _share(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def score_geoparse(
    articles: Sequence[GeoArticle], predictions: Sequence[Sequence[PlaceMention]]
) -> dict[str, Any]:
    """Scores of predicted mentions (one list per article) against the articles' gold toponyms."""
    gold_total = found = exact = within = 0
    errors: list[float] = []
    predicted = predicted_matching = 0
    for article, mentions in zip(articles, predictions, strict=True):
        resolved = [m for m in mentions if m.place is not None]
        predicted += len(resolved)
        predicted_matching += sum(
            any(min(g.end, m.end) > max(g.start, m.start) for g in article.toponyms) for m in resolved
        )
        for gold in article.toponyms:
            gold_total += 1
            mention = _best_overlap(gold, resolved)
            if mention is None or mention.place is None:
                continue
            found += 1
            place = mention.place
            same = place.geonameid == gold.geonameid
            # The same GeoNames feature is the right answer even where the gazetteer places it
            # elsewhere than the annotation (country centres differ between sources).
            error = (
                0.0
                if same
                else great_circle_km(gold.latitude, gold.longitude, place.latitude, place.longitude)
            )
            errors.append(error)
            exact += same
            within += error <= ACCURACY_KM
    return {
        "articles": len(articles),
        "gold_toponyms": gold_total,
        "found": found,
        "missed": gold_total - found,
        "recall": _share(found, gold_total),
        "predicted_mentions": predicted,
        "precision": _share(predicted_matching, predicted),
        "over_all": {"exact_match": _share(exact, gold_total), "acc_at_161": _share(within, gold_total)},
        "over_found": {"exact_match": _share(exact, found), "acc_at_161": _share(within, found)},
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
    }


def run_geo_eval(
    data_dir: str | Path | None, corpus: str, limit: int | None = None, settings: Settings | None = None
) -> dict[str, Any]:
    """Geoparses a corpus with the installed model and gazetteer and scores it.

    spaCy parses every article first; only `find_places` is timed for the documents-per-second figure, in
    CPU seconds of this process (a rate per core), on a first pass over the corpus (caches cold).
    Raises ConfigError when the data is absent (see `geo_data_available`).
    """
    from sitrep.nlp import load_pipeline, parse
    from sitrep.places import find_places, load_gazetteer

    key = normalise_corpus(corpus)
    articles = load_geo_corpus(data_dir, key, limit)
    settings = settings or load_settings()
    nlp = load_pipeline(settings.nlp.model)
    gazetteer = load_gazetteer(settings.places)  # the user's imported gazetteer, if configured
    docs = list(parse(nlp, (a.text for a in articles)))
    # CPU time of this process: documents per second per core, whatever else the machine runs.
    started = time.process_time()
    predictions = [find_places(doc, gazetteer) for doc in docs]
    elapsed = time.process_time() - started
    report = score_geoparse(articles, predictions)
    report.update(
        corpus=key,
        name=CORPUS_NAMES[key],
        limit=limit,
        docs_per_second=round(len(docs) / elapsed, 1) if elapsed > 0 else None,
        reference=MORDECAI3_REFERENCE[key],
    )
    return report


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{100 * value:5.1f}"


def format_geo_report(report: dict[str, Any]) -> str:
    """A small text table of one corpus report, next to Mordecai3's published figures."""
    reference = report.get("reference", {})
    lines = [
        f"{report.get('name', report.get('corpus', '?'))}: {report['articles']} articles, "
        f"{report['gold_toponyms']} gold toponyms with a GeoNames id"
        + (f" (first {report['limit']} articles)" if report.get("limit") else ""),
        f"  found {report['found']} ({_pct(report['recall'])} %), missed {report['missed']}; "
        f"{report['predicted_mentions']} resolved mentions, precision {_pct(report['precision'])} %",
        "                         exact match   acc@161km",
        f"  over found toponyms    {_pct(report['over_found']['exact_match'])} %     "
        f"{_pct(report['over_found']['acc_at_161'])} %   (comparable to Mordecai3)",
        f"  over all toponyms      {_pct(report['over_all']['exact_match'])} %     "
        f"{_pct(report['over_all']['acc_at_161'])} %   (missed = wrong)",
    ]
    if reference:
        lines.append(
            f"  Mordecai3 (published)  {_pct(reference.get('exact_match'))} %     "
            f"{_pct(reference.get('acc_at_161'))} %"
        )
    lines.append(
        f"  error km: mean {report['mean_error_km']}, median {report['median_error_km']}; "
        f"{report.get('docs_per_second')} documents/s per core (find_places only, CPU time, first pass)"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.eval.geo", description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=["gwn", "lgl"], help="gwn, lgl (default both)")
    parser.add_argument("--data", default=None, help=f"evaluation data directory (default ${DATA_ENV})")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    args = parser.parse_args(argv)
    try:
        for corpus in args.corpora:
            if not geo_data_available(args.data, corpus):
                print(f"skipped {corpus}: {corpus_path(args.data, corpus)} not found", file=sys.stderr)
                continue
            print(format_geo_report(run_geo_eval(args.data, corpus, args.limit)))
    except SitrepError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
