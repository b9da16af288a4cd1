"""The `sitrep` command: thin wrappers over importable functions, one line on stderr per user error."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any, TextIO

from sitrep import __version__
from sitrep.config import Settings, load_settings
from sitrep.errors import SitrepError
from sitrep.model import Document, Rejection

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2

DOCUMENTS_HELP = (
    "files (.txt, .html, .json, .jsonl) or directories (read recursively); '-' or nothing reads JSON Lines "
    "document objects from standard input"
)


class Reporter:
    """Prints one line per rejected input and remembers whether anything was skipped."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.skipped = 0

    def reject(self, rejection: Rejection) -> None:
        self.skipped += 1
        print(rejection.message(), file=self.stream, flush=True)


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _documents(args: argparse.Namespace, reporter: Reporter, keep: list[Rejection] | None = None) -> Iterator[Document]:
    from sitrep.read import read_documents

    paths = [p for p in args.paths if p != "-"] if args.paths else []
    use_stdin = not args.paths or "-" in args.paths
    for item in read_documents(paths, published=args.published, stdin=sys.stdin if use_stdin else None):
        if isinstance(item, Rejection):
            reporter.reject(item)
            if keep is not None:
                keep.append(item)
        else:
            yield item


def _write_jsonl(records: Iterator[dict[str, Any]] | Sequence[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _progress(total: int | None, unit: str, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, disable=not enabled, file=sys.stderr, dynamic_ncols=True)


def cmd_extract(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline(settings)
    for analysis in pipeline.analyse(_documents(args, reporter)):
        failed = analysis.rejection()
        if failed is not None:
            reporter.reject(failed)
        _write_jsonl([e.to_record() for e in analysis.events], sys.stdout)
        sys.stdout.flush()
    return EXIT_SKIPPED if reporter.skipped else EXIT_OK


def cmd_geoparse(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.pipeline import Pipeline
    from sitrep.places import find_places, geoparse_records

    pipeline = Pipeline(settings)
    for document, doc in pipeline.parsed(_documents(args, reporter)):
        _write_jsonl(geoparse_records(document.id, find_places(doc, pipeline.gazetteer)), sys.stdout)
        sys.stdout.flush()
    return EXIT_SKIPPED if reporter.skipped else EXIT_OK


def cmd_ingest(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.run.progress import estimate_documents, progress_bar

    rejections: list[Rejection] = []
    db = args.db or settings.store.db
    documents = _documents(args, reporter, rejections)
    total = estimate_documents(args.paths) if args.paths and not args.quiet else None
    with progress_bar(total, enabled=False if args.quiet else None) as bar:
        if args.scheduler:
            from sitrep.run.cluster import ingest_on_cluster

            counts = ingest_on_cluster(documents, rejections, settings, db, args.scheduler, progress=bar.update)
        elif args.workers > 1:
            from sitrep.run.local import ingest_with_workers

            counts = ingest_with_workers(documents, rejections, settings, db, args.workers, progress=bar.update)
        else:
            from sitrep.run.ingest import ingest

            counts = ingest(documents, rejections, settings, db, progress=bar.update)
    if not args.quiet:
        print(
            f"sitrep: {counts['documents']} documents read, {counts['stored']} stored, "
            f"{counts['unchanged']} already stored, {counts['events']} events, {reporter.skipped} skipped -> {db}",
            file=sys.stderr,
        )
    return EXIT_SKIPPED if reporter.skipped or counts.get("rejected", 0) > 0 else EXIT_OK


def cmd_watch(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.run.watch import watch_and_ingest

    watch_and_ingest(args.feeds, settings, args.db or settings.store.db, interval=args.interval,
                     allow_private=args.allow_private, report=reporter.reject)
    return EXIT_OK


def cmd_events(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.export.files import export_events
    from sitrep.store import open_for_reading, query_clusters, query_events

    con = open_for_reading(args.db or settings.store.db)
    try:
        query = query_events if args.mentions else query_clusters
        records = query(con, country=args.country, since=args.since, until=args.until,
                        event_type=args.type, limit=args.limit)
    finally:
        con.close()
    export_events(records, args.format, sys.stdout)
    return EXIT_OK


def cmd_gazetteer(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from pathlib import Path

    from sitrep.places import commands

    if args.action == "info":
        print(json.dumps(commands.info(settings.places), indent=2, default=str))
        return EXIT_OK
    if args.action == "download":
        with _progress(None, "B", enabled=sys.stderr.isatty()) as bar:
            files = commands.download(args.items, Path(args.dir), progress=bar.update)
        for file in files:
            print(file)
        return EXIT_OK
    from sitrep.places.importer import total_bytes

    target = Path(args.target) if args.target else None
    with _progress(total_bytes(args.items), "B", enabled=sys.stderr.isatty()) as bar:
        report = commands.import_files(args.items, target, progress=bar.update)
    for problem in report.skipped_lines:
        print(f"sitrep: skipped {problem.source}:{problem.line}: {problem.reason}", file=sys.stderr)
    for failed in report.failed_files:
        print(f"sitrep: could not import {failed}", file=sys.stderr)
    rows = ", ".join(f"{count} {kind}" for kind, count in sorted(report.rows.items()))
    print(f"sitrep: imported {rows} into {report.target} in {report.seconds:.1f} s", file=sys.stderr)
    print(f'sitrep: to use it, set [places] gazetteer = "{report.target}" in sitrep.toml', file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_SKIPPED


def cmd_eval(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    if args.suite == "geo":
        from sitrep.eval.geo import format_geo_report, run_geo_eval

        for corpus in args.corpus or ["GeoWebNews", "LGL"]:
            report = run_geo_eval(args.data, corpus, args.limit, settings)
            sys.stdout.write(json.dumps(report, indent=2) + "\n" if args.json else format_geo_report(report) + "\n")
        return EXIT_OK
    if args.suite == "notes":
        from sitrep.eval.notes import format_notes_report, load_notes, run_notes
        from sitrep.pipeline import Pipeline

        notes = run_notes(Pipeline(settings).analyse, load_notes(args.notes, args.limit))
        sys.stdout.write(json.dumps(notes, indent=2) + "\n" if args.json else format_notes_report(notes))
        return EXIT_OK
    from sitrep.eval.report import format_report, run_all

    report = run_all(args.data, args.limit)
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if args.json else format_report(report))
    return EXIT_OK


def cmd_control(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.store import open_for_reading, query_control

    if args.as_of is None and args.place is None:
        raise UsageError("give --as-of DATE (who controls what on that day) or --place NAME (its timeline)")
    con = open_for_reading(args.db or settings.store.db)
    try:
        answer = query_control(con, args.as_of or date.today(), args.place)
    finally:
        con.close()
    print(json.dumps(answer, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_actors(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.fuse import network_graphml, network_json
    from sitrep.store import open_for_reading, query_actor_counts, query_actor_network

    con = open_for_reading(args.db or settings.store.db)
    try:
        if not args.graph:
            _write_jsonl(query_actor_counts(con), sys.stdout)
            return EXIT_OK
        network = query_actor_network(con)
    finally:
        con.close()
    text = network_graphml(network) if args.format == "graphml" else network_json(network)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.api import serve

    serve(settings, args.db or settings.store.db, args.host, args.port)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.export.files import export_events
    from sitrep.store import open_for_reading, query_clusters, query_events

    con = open_for_reading(args.db or settings.store.db)
    try:
        query = query_events if args.mentions else query_clusters
        records = query(con, country=args.country, since=args.since, until=args.until, event_type=args.type)
    finally:
        con.close()
    export_events(records, args.format, args.out or sys.stdout)
    return EXIT_OK


def _add_document_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help=DOCUMENTS_HELP)
    parser.add_argument("--published", type=_date_arg, metavar="DATE",
                        help="publication date (YYYY-MM-DD) for every document, overriding what they say")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Turn news reports about armed conflict into sourced, geolocated, dated events.",
        epilog="Examples:\n  sitrep extract report.txt\n  sitrep ingest reports/ --db news.duckdb\n"
               "  sitrep events --db news.duckdb --since 2024-11-25 --format csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    parser.add_argument("--config", metavar="FILE", help="a sitrep.toml to use (default: ./sitrep.toml if present)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = sub.add_parser("extract", help="print the events of documents as JSON Lines (no database)",
                             description="Run the whole pipeline and print one JSON object per event.")
    _add_document_args(extract)
    extract.set_defaults(handler=cmd_extract)

    geoparse = sub.add_parser("geoparse", help="print the place mentions of documents as JSON Lines",
                              description="Find and resolve place names; one JSON object per mention.")
    _add_document_args(geoparse)
    geoparse.set_defaults(handler=cmd_geoparse)

    ingest = sub.add_parser("ingest", help="analyse documents and store them in the database",
                            description="Store documents, events, actors and places. Ingesting the same "
                                        "document again changes nothing; an interrupted run can be rerun.")
    _add_document_args(ingest)
    ingest.add_argument("--db", metavar="FILE", help="database file (default: sitrep.duckdb or $SITREP_DB)")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    ingest.add_argument("--workers", type=int, default=1, metavar="N", help="analyse in N local processes")
    ingest.add_argument("--scheduler", metavar="ADDRESS",
                        help="analyse on a Dask cluster (e.g. tcp://host:8786); needs the 'dask' extra")
    ingest.set_defaults(handler=cmd_ingest)

    watch = sub.add_parser("watch", help="poll RSS/Atom feeds and ingest new entries",
                           description="Poll feeds politely (conditional requests, back-off, a size limit per "
                                       "page) and store new entries. Private and loopback addresses are refused.")
    watch.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs (http/https)")
    watch.add_argument("--interval", type=float, default=900.0, metavar="S", help="seconds between polls (min 60)")
    watch.add_argument("--allow-private", action="store_true",
                       help="allow private and loopback addresses (refused by default)")
    watch.add_argument("--db", metavar="FILE", help="database file (default: sitrep.duckdb or $SITREP_DB)")
    watch.set_defaults(handler=cmd_watch)

    events = sub.add_parser("events", help="query stored events (jsonl, ACLED csv, geojson)",
                            description="Print stored events, oldest first.")
    events.add_argument("--db", metavar="FILE", help="database file (default: sitrep.duckdb or $SITREP_DB)")
    events.add_argument("--country", metavar="CC", help="ISO 3166-1 alpha-2 country code, e.g. SY")
    events.add_argument("--since", type=_date_arg, metavar="DATE", help="events ending on or after DATE")
    events.add_argument("--until", type=_date_arg, metavar="DATE", help="events starting on or before DATE")
    events.add_argument("--type", metavar="TYPE", help="ACLED event type or sub-event type, e.g. Battles")
    events.add_argument("--limit", type=int, metavar="N", help="at most N events")
    events.add_argument("--format", choices=("jsonl", "csv", "geojson"), default="jsonl",
                        help="jsonl (the extract records), csv (ACLED's columns) or geojson (RFC 7946)")
    events.add_argument("--mentions", action="store_true",
                        help="every event mention as extracted, instead of events fused across reports")
    events.set_defaults(handler=cmd_events)

    control = sub.add_parser("control", help="who controls each place on a date, with the evidence",
                             description="Territorial control derived from the stored events: held, contested "
                                         "or claimed (a party's own claim), each with its evidence.")
    control.add_argument("--as-of", type=_date_arg, metavar="DATE", help="the day to answer for (default today)")
    control.add_argument("--place", metavar="NAME", help="one place's timeline of control (a name or geonameid)")
    control.add_argument("--db", metavar="FILE", help="database file (default: sitrep.duckdb or $SITREP_DB)")
    control.add_argument("--format", choices=("json",), default="json", help="json (the only format)")
    control.set_defaults(handler=cmd_control)

    actors = sub.add_parser("actors", help="actors with event counts, or the network of who fights or backs whom",
                            description="Actors of the stored events; with --graph, alliance and hostility edges "
                                        "weighted by events, dated, with evidence.")
    actors.add_argument("--graph", action="store_true", help="the actor network instead of the list")
    actors.add_argument("--format", choices=("json", "graphml"), default="json", help="network format")
    actors.add_argument("--db", metavar="FILE", help="database file (default: sitrep.duckdb or $SITREP_DB)")
    actors.set_defaults(handler=cmd_actors)

    gazetteer = sub.add_parser("gazetteer", help="import, download or describe GeoNames data",
                               description="The gazetteer: the offline default, or GeoNames dump files imported "
                                           "and merged over it ([places] gazetteer in sitrep.toml).")
    gazetteer.add_argument("action", choices=("import", "download", "info"),
                           help="import FILE...: read GeoNames dumps (XX.zip/XX.txt, allCountries.zip, cities500.zip, "
                                "admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.zip, countryInfo.txt); "
                                "download XX...: fetch per-country dumps from GeoNames; info: what is loaded")
    gazetteer.add_argument("items", nargs="*", metavar="FILE|CC", help="files to import, or country codes to download")
    gazetteer.add_argument("--target", metavar="FILE", help="import: where to store the imported gazetteer")
    gazetteer.add_argument("--dir", default=".", metavar="DIR", help="download: folder for the files (default .)")
    gazetteer.set_defaults(handler=cmd_gazetteer)

    serve = sub.add_parser("serve", help="serve the dashboard at / and the JSON API under /api/",
                           description="The map dashboard and the JSON API over a database (OpenAPI description "
                                       "at /api/openapi.json). Works offline.")
    serve.add_argument("--db", metavar="FILE", help="database file (default: sitrep.duckdb or $SITREP_DB)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.set_defaults(handler=cmd_serve)

    export = sub.add_parser("export", help="write stored events as ACLED CSV, PLOVER, GeoJSON, Parquet or JSONL",
                            description="Export stored events (fused across reports unless --mentions) in the "
                                        "field's formats; the API's ?format= gives the same content.")
    export.add_argument("--format", required=True, choices=("acled", "csv", "plover", "geojson", "parquet", "jsonl"))
    export.add_argument("--out", metavar="FILE", help="output file (default: standard output; parquet needs a file)")
    export.add_argument("--db", metavar="FILE", help="database file (default: sitrep.duckdb or $SITREP_DB)")
    export.add_argument("--country", metavar="CC", help="ISO 3166-1 alpha-2 country code")
    export.add_argument("--type", metavar="TYPE", help="event type or sub-event type")
    export.add_argument("--since", type=_date_arg, metavar="DATE", help="events ending on or after DATE")
    export.add_argument("--until", type=_date_arg, metavar="DATE", help="events starting on or before DATE")
    export.add_argument("--mentions", action="store_true", help="every mention instead of fused events")
    export.set_defaults(handler=cmd_export)

    evaluate = sub.add_parser("eval", help="measure extraction quality on labelled data",
                              description="Score sitrep on labelled data sets (read from --data, "
                                          "$SITREP_EVAL_DATA or ../shared/eval). Prints figures; see docs/quality.md.")
    evaluate.add_argument("suite", choices=("events", "geo", "notes"),
                          help="events (types, actors, places), geo (toponyms) or notes (short ACLED-style reports)")
    evaluate.add_argument("--data", metavar="DIR", help="evaluation data directory")
    evaluate.add_argument("--limit", type=int, metavar="N", help="score only the first N items of each data set")
    evaluate.add_argument("--notes", metavar="FILE", help="notes: a labelled notes file (default: the shipped set)")
    evaluate.add_argument("--corpus", action="append", choices=("GeoWebNews", "LGL"), help="geo: which corpus")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.set_defaults(handler=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    reporter = Reporter(sys.stderr)
    handler: Callable[[argparse.Namespace, Settings, Reporter], int] = args.handler
    try:
        settings = load_settings(args.config)
        return handler(args, settings, reporter)
    except SitrepError as exc:
        print(f"sitrep: error: {exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, _usage_errors()) else EXIT_SKIPPED
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


class UsageError(SitrepError):
    """A command given options that cannot work together."""


def _usage_errors() -> tuple[type[SitrepError], ...]:
    from sitrep.errors import ConfigError

    return (ConfigError, UsageError)


if __name__ == "__main__":
    sys.exit(main())
