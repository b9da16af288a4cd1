"""Scorers and runners that measure sitrep on labelled event data read from outside the project."""

from sitrep.eval.case import ACLED_TO_CASE, CasePrediction, predict_case, run_case, score_case
from sitrep.eval.data import (
    data_available,
    load_case,
    load_case_labels,
    load_locations,
    load_plover,
    resolve_data_dir,
)
from sitrep.eval.geo import format_geo_report, geo_data_available, run_geo_eval, score_geoparse
from sitrep.eval.location import LocationPrediction, predict_location, run_locations, score_locations
from sitrep.eval.plover import (
    PloverPrediction,
    PredictedActor,
    actor_match,
    predict_plover,
    run_plover,
    score_plover,
)
from sitrep.eval.report import format_report, run_all

__all__ = [
    "format_geo_report",
    "geo_data_available",
    "run_geo_eval",
    "score_geoparse",
    "ACLED_TO_CASE",
    "CasePrediction",
    "LocationPrediction",
    "PloverPrediction",
    "PredictedActor",
    "actor_match",
    "data_available",
    "format_report",
    "load_case",
    "load_case_labels",
    "load_locations",
    "load_plover",
    "predict_case",
    "predict_location",
    "predict_plover",
    "resolve_data_dir",
    "run_all",
    "run_case",
    "run_locations",
    "run_plover",
    "score_case",
    "score_locations",
    "score_plover",
]
