"""`python -m sitrep.eval [events|notes] [--data DIR] [--notes FILE] [--limit N] [--json]`: score on labelled data."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from sitrep.errors import SitrepError
from sitrep.eval.data import DATA_ENV
from sitrep.eval.notes import format_notes_report, load_notes, run_notes
from sitrep.eval.report import default_analyse, format_report, run_all


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.eval", description=__doc__)
    parser.add_argument(
        "suite",
        nargs="?",
        default="events",
        choices=["events", "notes"],
        help="events (the shared data sets) or notes (short ACLED-style event descriptions)",
    )
    parser.add_argument(
        "--data", default=None, help=f"evaluation data directory (default ${DATA_ENV} or ../shared/eval)"
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="score only the first N items of each data set"
    )
    parser.add_argument(
        "--notes", default=None, help="notes: a labelled notes file of the shipped format (default: the shipped set)"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON instead of a table")
    args = parser.parse_args(argv)
    try:
        if args.suite == "notes":
            report = run_notes(default_analyse()[0], load_notes(args.notes, args.limit))
            text = format_notes_report(report)
        else:
            report = run_all(args.data, args.limit)
            text = format_report(report)
    except SitrepError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if args.json else text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
