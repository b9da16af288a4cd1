"""Fusion on FA-KES: ingest every article in one run, then print how many mentions became how many events.

Usage: python benchmarks/bench_fusion.py [--data DIR] [--limit N] [--sample FILE]
The CSV is converted to JSON Lines in a temporary folder (never copied into the project). With --sample,
30 random merges and 30 random near non-merges are written to FILE for reading by hand.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from common import FAKES_FILE, eval_data_dir

from sitrep.config import load_settings
from sitrep.fuse.compatible import places_compatible, times_compatible, types_compatible
from sitrep.model import Document, Rejection
from sitrep.read import read_documents
from sitrep.run.ingest import ingest
from sitrep.store import open_for_reading, query_clusters, query_events


def write_jsonl(data: Path, target: Path, limit: int | None) -> int:
    csv.field_size_limit(sys.maxsize)
    count = 0
    with (data / FAKES_FILE).open(encoding="utf-8", newline="") as stream, target.open("w") as out:
        for row in csv.DictReader(stream):
            if not row["article_content"].strip():
                continue
            published = datetime.strptime(row["date"], "%m/%d/%Y").date().isoformat()
            out.write(json.dumps({"id": f"fakes-{row['unit_id']}", "text": row["article_content"],
                                  "title": row["article_title"], "publisher": row["source"],
                                  "published": published}) + "\n")
            count += 1
            if limit and count >= limit:
                break
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--sample")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        documents = Path(folder) / "fakes.jsonl"
        written = write_jsonl(eval_data_dir(args.data), documents, args.limit)
        db = str(Path(folder) / "fakes.duckdb")
        started = time.perf_counter()
        rejections: list[Rejection] = []
        docs = [d for d in read_documents([str(documents)]) if isinstance(d, Document)]
        counts = ingest(docs, rejections, load_settings(), db)
        seconds = time.perf_counter() - started
        con = open_for_reading(db)
        events = query_events(con)
        clusters = query_clusters(con)
        con.close()
    sizes = collections.Counter(len(c["mentions"]) for c in clusters)
    corroboration = collections.Counter(c["corroboration"] for c in clusters)
    contested = collections.Counter(f for c in clusters for f in c["contested_fields"])
    print(f"documents: {written}, stored: {counts['stored']}, ingest+fusion: {seconds:.0f} s")
    print(f"event mentions: {len(events)} -> fused events: {len(clusters)}")
    print(f"mentions per event: {dict(sorted(sizes.items()))}")
    print(f"corroboration (independent publishers): {dict(sorted(corroboration.items()))}")
    print(f"contested fields: {dict(contested)}")
    if args.sample:
        write_sample(Path(args.sample), events, clusters)


def write_sample(target: Path, events: list[dict], clusters: list[dict]) -> None:
    """30 merged pairs (two mentions of one fused event from different documents) and 30 near misses (same
    type family, place and time window, different fused events)."""
    rng = random.Random(7)
    by_id = {e["event_id"]: e for e in events}
    owner = {m["event_id"]: c["event_id"] for c in clusters for m in c["mentions"]}
    merged = []
    for cluster in clusters:
        docs = {}
        for mention in cluster["mentions"]:
            docs.setdefault(mention["document_id"], mention["event_id"])
        if len(docs) > 1:
            merged.append(tuple(sorted(docs.values()))[:2])
    near = [(a["event_id"], b["event_id"]) for a in events for b in rng.sample(events, min(40, len(events)))
            if a["event_id"] < b["event_id"] and a["document_id"] != b["document_id"]
            and owner.get(a["event_id"]) != owner.get(b["event_id"]) and a.get("sub_event_type")
            and types_compatible(a, b) and places_compatible(a, b) and times_compatible(a, b)]
    lines = []
    for label, pairs in (("MERGED", rng.sample(merged, min(30, len(merged)))),
                         ("NOT MERGED", rng.sample(near, min(30, len(near))))):
        for first, second in pairs:
            lines.append(f"== {label}")
            for event_id in (first, second):
                e = by_id[event_id]
                lines.append(f"  {e['sub_event_type']} | {(e['actor1'] or {}).get('id')} vs "
                             f"{(e['actor2'] or {}).get('id')} | {(e['location'] or {}).get('name')} "
                             f"p{e['geo_precision']} | {e['date_start']}..{e['date_end']} | {e['certainty']} | "
                             f"{e['fatalities']} | {e['document']['publisher']}: {e['evidence']['sentence'][:220]}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
