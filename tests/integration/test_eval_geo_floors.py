"""Geoparsing quality floors on a fixed sample of GeoWebNews and LGL (skipped when the data is absent).

Floors are only ever raised: set them just below what the geoparser measures, never lower them to
make a change pass.
"""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.eval.geo import format_geo_report, geo_data_available, run_geo_eval

# corpus: (articles, {view: {metric: floor}})
FLOORS: dict[str, tuple[int, dict[str, dict[str, float]]]] = {
    "gwn": (
        40,
        {
            "over_found": {"exact_match": 0.845, "acc_at_161": 0.98},
            "over_all": {"exact_match": 0.495, "acc_at_161": 0.572},
        },
    ),
    "lgl": (
        60,
        {
            "over_found": {"exact_match": 0.855, "acc_at_161": 0.885},
            "over_all": {"exact_match": 0.655, "acc_at_161": 0.675},
        },
    ),
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_geoparsing_stays_above_its_floors(corpus: str) -> None:
    if not geo_data_available(None, corpus):
        pytest.skip(f"{corpus} evaluation data not found (set $SITREP_EVAL_DATA)")
    articles, floors = FLOORS[corpus]
    report: dict[str, Any] = run_geo_eval(None, corpus, articles)
    assert report["articles"] == articles
    shown = format_geo_report(report)
    for view, metrics in floors.items():
        for metric, floor in metrics.items():
            assert report[view][metric] >= floor, f"{view} {metric} fell below {floor}:\n{shown}"
