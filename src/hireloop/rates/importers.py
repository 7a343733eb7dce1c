"""Importers for two public pay data sets that count as aggregator figures.

BLS OEWS (Occupational Employment and Wage Statistics) tables, CSV export:
  rows are kept when OCC_CODE is one of `ML_SOC_CODES` (data scientists, software developers,
  computer and information research scientists: the occupations senior ML engineers are filed
  under) and AREA_TITLE maps to a market. Annual percentiles (A_PCT25, A_MEDIAN, A_PCT75,
  A_PCT90) are used, hourly ones (H_*) when the annual ones are absent. OEWS top-codes the
  highest wages with "#": such a percentile is recorded at the top-code threshold and listed in
  `floors` (the true value is at least that). "*" and "**" mean no estimate and are left out.
  `n` is TOT_EMP, the employment estimate behind the row.

US DOL LCA disclosure files (H-1B labour condition applications), CSV export:
  only CASE_STATUS "Certified" and FULL_TIME_POSITION "Y" rows whose JOB_TITLE matches
  `ML_TITLE_PATTERN`; WAGE_RATE_OF_PAY_FROM is annualised by WAGE_UNIT_OF_PAY (hour x 2,080,
  week x 52, bi-weekly x 26, month x 12, year x 1) and the kept rows are summarised into
  p25/p50/p75/p90 with `n` rows (linear interpolation between ranks). `as_of` is the latest
  DECISION_DATE kept.

Both return aggregator signals on the salary basis. A missing column or an unreadable value in
a row that would be kept raises `SignalFileError` naming the row and column; nothing is returned.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime

from hireloop.rates.errors import SignalFileError
from hireloop.rates.normalise import Unit
from hireloop.rates.signals import AggregatorSignal, Percentile

ML_SOC_CODES: Mapping[str, str] = {
    "15-2051": "Data Scientists",
    "15-1252": "Software Developers",
    "15-1221": "Computer and Information Research Scientists",
}

# OEWS area titles mapped to rate-card markets; pass your own mapping for other areas.
OEWS_AREA_MARKETS: Mapping[str, str] = {
    "U.S.": "us",
    "National": "us",
    "San Francisco-Oakland-Hayward, CA": "sf_bay_area",
    "San Francisco-Oakland-Berkeley, CA": "sf_bay_area",
    "San Francisco-Oakland-Fremont, CA": "sf_bay_area",
    "San Jose-Sunnyvale-Santa Clara, CA": "sf_bay_area",
    "New York-Newark-Jersey City, NY-NJ-PA": "nyc",
}

# Top-code thresholds OEWS prints "#" above (May 2023 onwards); pass the ones for your release.
OEWS_TOP_CODE_ANNUAL = 239_200.0
OEWS_TOP_CODE_HOURLY = 115.00

ML_TITLE_PATTERN = re.compile(
    r"machine[\s-]*learning|\bML\b|\bMLOps\b|\bAI\b|artificial intelligence|deep learning"
    r"|\bLLM\b|\bNLP\b|computer vision|applied scientist|data scientist",
    re.IGNORECASE,
)

LCA_ANNUAL_MULTIPLIERS: Mapping[str, float] = {
    "year": 1.0,
    "month": 12.0,
    "bi-weekly": 26.0,
    "week": 52.0,
    "hour": 2080.0,
}

_OEWS_COLUMNS: Mapping[str, Mapping[Percentile, str]] = {
    "annual": {"p25": "A_PCT25", "p50": "A_MEDIAN", "p75": "A_PCT75", "p90": "A_PCT90"},
    "hourly": {"p25": "H_PCT25", "p50": "H_MEDIAN", "p75": "H_PCT75", "p90": "H_PCT90"},
}
_LCA_COLUMNS = (
    "CASE_STATUS",
    "JOB_TITLE",
    "FULL_TIME_POSITION",
    "WAGE_RATE_OF_PAY_FROM",
    "WAGE_UNIT_OF_PAY",
    "DECISION_DATE",
)


def _rows(text: str, required: Sequence[str]) -> csv.DictReader[str]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [(name or "").strip().upper() for name in (reader.fieldnames or [])]
    for column in required:
        if column not in header:
            raise SignalFileError("required column is missing", row=1, column=column)
    reader.fieldnames = header
    return reader


def _amount(text: str, *, row: int, column: str) -> float:
    try:
        value = float(text.replace(",", "").replace("$", ""))
    except ValueError:
        raise SignalFileError(f"{text!r} is not a number", row=row, column=column) from None
    if value < 0:
        raise SignalFileError(f"{text} is negative", row=row, column=column)
    return value


def _oews_figures(
    raw: Mapping[str, str | None], scale: str, top_code: float, row: int
) -> tuple[dict[Percentile, float], list[Percentile]]:
    figures: dict[Percentile, float] = {}
    floors: list[Percentile] = []
    for percentile_name, column in _OEWS_COLUMNS[scale].items():
        cell = (raw.get(column) or "").strip()
        if cell == "#":
            figures[percentile_name] = top_code
            floors.append(percentile_name)
        elif cell and cell not in ("*", "**"):
            figures[percentile_name] = _amount(cell, row=row, column=column)
    return figures, floors


def import_oews(
    text: str,
    *,
    as_of: date,
    source: str = "BLS OEWS",
    soc_codes: Collection[str] = tuple(ML_SOC_CODES),
    area_markets: Mapping[str, str] = OEWS_AREA_MARKETS,
    top_code_annual: float = OEWS_TOP_CODE_ANNUAL,
    top_code_hourly: float = OEWS_TOP_CODE_HOURLY,
) -> list[AggregatorSignal]:
    """One aggregator signal per kept OEWS row (occupation x area), dated `as_of`."""
    reader = _rows(text, ("OCC_CODE", "AREA_TITLE"))
    signals: list[AggregatorSignal] = []
    for raw in reader:
        row = reader.line_num
        code = (raw.get("OCC_CODE") or "").strip()
        market = area_markets.get((raw.get("AREA_TITLE") or "").strip())
        if code not in soc_codes or market is None:
            continue
        unit: Unit = "year"
        figures, floors = _oews_figures(raw, "annual", top_code_annual, row)
        if "p50" not in figures:
            unit = "hour"
            figures, floors = _oews_figures(raw, "hourly", top_code_hourly, row)
        if "p50" not in figures:
            continue
        employment = (raw.get("TOT_EMP") or "").strip()
        n = None
        if employment and employment not in ("*", "**"):
            n = int(_amount(employment, row=row, column="TOT_EMP"))
        signals.append(
            AggregatorSignal(
                source=source,
                market=market,
                specialism=None,
                unit=unit,
                basis="salary",
                as_of=as_of,
                n=n,
                floors=floors,
                p25=figures.get("p25"),
                p50=figures.get("p50"),
                p75=figures.get("p75"),
                p90=figures.get("p90"),
            )
        )
    return signals


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """Linear interpolation between closest ranks over sorted values (fraction in 0..1)."""
    if not ordered:
        raise ValueError("no values")
    position = fraction * (len(ordered) - 1)
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def _decision_date(text: str, *, row: int) -> date:
    for pattern in ("%Y-%m-%d", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise SignalFileError(f"{text!r} is not a date", row=row, column="DECISION_DATE")


def import_lca(
    text: str,
    *,
    market: str = "us",
    source: str = "US DOL LCA disclosure",
    states: Collection[str] | None = None,
    title_pattern: re.Pattern[str] = ML_TITLE_PATTERN,
    min_rows: int = 1,
) -> list[AggregatorSignal]:
    """Summarise certified full-time ML rows into one annual-salary signal for `market`.

    `states` keeps only those WORKSITE_STATE codes; fewer than `min_rows` kept rows gives none.
    """
    required = _LCA_COLUMNS if states is None else (*_LCA_COLUMNS, "WORKSITE_STATE")
    reader = _rows(text, required)
    wanted_states = None if states is None else {s.upper() for s in states}
    salaries: list[float] = []
    latest: date | None = None
    for raw in reader:
        row = reader.line_num
        if (raw.get("CASE_STATUS") or "").strip().lower() != "certified":
            continue
        if (raw.get("FULL_TIME_POSITION") or "").strip().upper() not in ("Y", "YES"):
            continue
        if not title_pattern.search(raw.get("JOB_TITLE") or ""):
            continue
        state = (raw.get("WORKSITE_STATE") or "").strip().upper()
        if wanted_states is not None and state not in wanted_states:
            continue
        unit_text = (raw.get("WAGE_UNIT_OF_PAY") or "").strip()
        multiplier = LCA_ANNUAL_MULTIPLIERS.get(unit_text.lower())
        if multiplier is None:
            raise SignalFileError(
                f"unknown pay unit {unit_text!r}", row=row, column="WAGE_UNIT_OF_PAY"
            )
        wage = (raw.get("WAGE_RATE_OF_PAY_FROM") or "").strip()
        salaries.append(_amount(wage, row=row, column="WAGE_RATE_OF_PAY_FROM") * multiplier)
        decided = _decision_date((raw.get("DECISION_DATE") or "").strip(), row=row)
        latest = decided if latest is None or decided > latest else latest
    if len(salaries) < max(min_rows, 1) or latest is None:
        return []
    ordered = sorted(salaries)
    return [
        AggregatorSignal(
            source=source,
            market=market,
            specialism=None,
            unit="year",
            basis="salary",
            as_of=latest,
            n=len(ordered),
            p25=percentile(ordered, 0.25),
            p50=percentile(ordered, 0.50),
            p75=percentile(ordered, 0.75),
            p90=percentile(ordered, 0.90),
        )
    ]
