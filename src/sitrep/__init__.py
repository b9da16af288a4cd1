"""sitrep: news reports about armed conflict in, sourced, geolocated, dated events out."""

__version__ = "0.1.0"
