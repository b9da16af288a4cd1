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
    from sitrep.run.ingest import ingest

    rejections: list[Rejection] = []
    with _progress(None, "doc", enabled=not args.quiet and sys.stderr.isatty()) as bar:
        counts = ingest(_documents(args, reporter, rejections), rejections, settings, args.db or settings.store.db,
                        progress=bar.update)
    if not args.quiet:
        print(
            f"sitrep: {counts['documents']} documents read, {counts['stored']} stored, "
            f"{counts['unchanged']} already stored, {counts['events']} events, {reporter.skipped} skipped "
            f"-> {args.db or settings.store.db}",
            file=sys.stderr,
        )
    return EXIT_SKIPPED if reporter.skipped else EXIT_OK


def cmd_events(args: argparse.Namespace, settings: Settings, reporter: Reporter) -> int:
    from sitrep.export import write_events
    from sitrep.store import open_for_reading, query_events

    con = open_for_reading(args.db or settings.store.db)
    try:
        records = query_events(con, country=args.country, since=args.since, until=args.until,
                               event_type=args.type, limit=args.limit)
    finally:
        con.close()
    write_events(records, args.format, sys.stdout)
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
            sys.stdout.write(json.dumps(report, indent=2) + "\n" if args.json else format_geo_report(report))
        return EXIT_OK
    from sitrep.eval.report import format_report, run_all

    report = run_all(args.data, args.limit)
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if args.json else format_report(report))
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
    ingest.set_defaults(handler=cmd_ingest)

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
    events.set_defaults(handler=cmd_events)

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

    evaluate = sub.add_parser("eval", help="measure extraction quality on labelled data",
                              description="Score sitrep on labelled data sets (read from --data, "
                                          "$SITREP_EVAL_DATA or ../shared/eval). Prints figures; see docs/quality.md.")
    evaluate.add_argument("suite", choices=("events", "geo"), help="events (types, actors, places) or geo (toponyms)")
    evaluate.add_argument("--data", metavar="DIR", help="evaluation data directory")
    evaluate.add_argument("--limit", type=int, metavar="N", help="score only the first N items of each data set")
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


def _usage_errors() -> tuple[type[SitrepError], ...]:
    from sitrep.errors import ConfigError

    return (ConfigError,)


if __name__ == "__main__":
    sys.exit(main())
