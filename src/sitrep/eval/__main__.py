"""`python -m sitrep.eval [events] [--data DIR] [--limit N] [--json]`: score sitrep on labelled events."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from sitrep.errors import SitrepError
from sitrep.eval.data import DATA_ENV
from sitrep.eval.report import format_report, run_all


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.eval", description=__doc__)
    parser.add_argument("suite", nargs="?", default="events", choices=["events"], help="what to measure")
    parser.add_argument(
        "--data", default=None, help=f"evaluation data directory (default ${DATA_ENV} or ../shared/eval)"
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="score only the first N items of each data set"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON instead of a table")
    args = parser.parse_args(argv)
    try:
        report = run_all(args.data, args.limit)
    except SitrepError as exc:
        print(f"sitrep: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(json.dumps(report, indent=2) + "\n" if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
