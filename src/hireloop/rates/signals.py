"""Market signals a rate is checked against, and the CSV format they are imported from.

Two families:
- aggregator figures (`kind="aggregator"`): a salary survey, rate benchmark or public data set,
  given as percentiles (p25/p50/p75/p90) and/or a low/high range, with a sample size `n`;
- live signals (`placement`, `pulled_offer`, `competing_process`): one rate seen in the market
  on one date.

CSV columns: kind, source, rate, unit, basis, market, specialism, as_of; optional p25, p50, p75,
p90, n, low, high. An aggregator row gives p50, or `rate` (read as its median), or low and high.
An empty specialism means a generalist figure. Parsing is all or nothing: the first bad value
raises `SignalFileError` naming its row (header = row 1) and column.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from hireloop.rates.errors import SignalFileError
from hireloop.rates.normalise import UNITS, Unit
from hireloop.reference.rate_card import BASES, Basis, RateCard

LiveKind = Literal["placement", "pulled_offer", "competing_process"]
LIVE_KINDS: tuple[LiveKind, ...] = ("placement", "pulled_offer", "competing_process")
KINDS: tuple[str, ...] = ("aggregator", *LIVE_KINDS)
Percentile = Literal["p25", "p50", "p75", "p90"]
PERCENTILES: tuple[Percentile, ...] = ("p25", "p50", "p75", "p90")

REQUIRED_COLUMNS = ("kind", "source", "rate", "unit", "basis", "market", "specialism", "as_of")
OPTIONAL_COLUMNS = ("p25", "p50", "p75", "p90", "n", "low", "high")


class _Signal(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=1)
    market: str
    specialism: str | None = None
    unit: Unit
    basis: Basis
    as_of: date


class AggregatorSignal(_Signal):
    """A published figure; `floors` lists percentiles that were top-coded (true value higher)."""

    kind: Literal["aggregator"] = "aggregator"
    p25: float | None = Field(default=None, ge=0)
    p50: float | None = Field(default=None, ge=0)
    p75: float | None = Field(default=None, ge=0)
    p90: float | None = Field(default=None, ge=0)
    low: float | None = Field(default=None, ge=0)
    high: float | None = Field(default=None, ge=0)
    n: int | None = Field(default=None, ge=0)
    floors: list[Percentile] = []

    @model_validator(mode="after")
    def _has_a_figure(self) -> AggregatorSignal:
        if self.p50 is None and (self.low is None or self.high is None):
            raise ValueError("an aggregator figure needs a median (p50) or a low and a high")
        known = [v for v in (self.p25, self.p50, self.p75, self.p90) if v is not None]
        if known != sorted(known):
            raise ValueError("percentiles must not decrease from p25 to p90")
        if self.low is not None and self.high is not None and self.high < self.low:
            raise ValueError("high must not be below low")
        return self

    @property
    def central(self) -> float:
        """The median, or the middle of the range when no median is given."""
        if self.p50 is not None:
            return self.p50
        assert self.low is not None and self.high is not None
        return (self.low + self.high) / 2

    @property
    def spread(self) -> tuple[float, float] | None:
        """The figure's lower and upper end (p25/p75, else low/high), when it has both."""
        lower = self.p25 if self.p25 is not None else self.low
        upper = self.p75 if self.p75 is not None else self.high
        if lower is None or upper is None:
            return None
        return lower, upper


class LiveSignal(_Signal):
    """One rate seen in the market: a placement, a pulled offer or a competing process."""

    kind: LiveKind
    rate: float = Field(ge=0)


Signal = Annotated[AggregatorSignal | LiveSignal, Field(discriminator="kind")]


def _cell(row: dict[str, str | None], column: str) -> str:
    return (row.get(column) or "").strip()


def _number(text: str, *, row: int, column: str) -> float | None:
    if not text:
        return None
    try:
        value = float(text.replace(",", "").replace("$", ""))
    except ValueError:
        raise SignalFileError(f"{text!r} is not a number", row=row, column=column) from None
    if value < 0:
        raise SignalFileError(f"{text} is negative", row=row, column=column)
    return value


def _choice(text: str, allowed: tuple[str, ...], what: str, *, row: int, column: str) -> str:
    value = text.lower()
    if value not in allowed:
        raise SignalFileError(
            f"unknown {what} {text!r} (expected one of {', '.join(allowed)})",
            row=row,
            column=column,
        )
    return value


def _parse_row(
    raw: dict[str, str | None], row: int, card: RateCard
) -> AggregatorSignal | LiveSignal:
    kind = _choice(_cell(raw, "kind"), KINDS, "kind", row=row, column="kind")
    source = _cell(raw, "source")
    if not source:
        raise SignalFileError("a source is required", row=row, column="source")
    unit = _choice(_cell(raw, "unit"), UNITS, "unit", row=row, column="unit")
    basis = _choice(_cell(raw, "basis"), BASES, "basis", row=row, column="basis")
    market = _choice(
        _cell(raw, "market"), tuple(card.market_ids()), "market", row=row, column="market"
    )
    specialism_text = _cell(raw, "specialism")
    specialism = None
    if specialism_text:
        specialism = _choice(
            specialism_text,
            tuple(card.specialism_ids()),
            "specialism",
            row=row,
            column="specialism",
        )
    as_of_text = _cell(raw, "as_of")
    try:
        as_of = date.fromisoformat(as_of_text)
    except ValueError:
        raise SignalFileError(
            f"{as_of_text!r} is not a date (use YYYY-MM-DD)", row=row, column="as_of"
        ) from None
    rate = _number(_cell(raw, "rate"), row=row, column="rate")
    common = {
        "source": source,
        "unit": unit,
        "basis": basis,
        "market": market,
        "specialism": specialism,
        "as_of": as_of,
    }
    if kind != "aggregator":
        if rate is None:
            raise SignalFileError(f"a {kind} needs a rate", row=row, column="rate")
        return LiveSignal.model_validate({**common, "kind": kind, "rate": rate})
    figures = {c: _number(_cell(raw, c), row=row, column=c) for c in OPTIONAL_COLUMNS}
    if figures["p50"] is None:
        figures["p50"] = rate
    n = figures.pop("n")
    if n is not None and n != int(n):
        raise SignalFileError(f"{n} is not a whole number", row=row, column="n")
    try:
        return AggregatorSignal.model_validate(
            {**common, **figures, "n": None if n is None else int(n)}
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        problem = str(error["msg"]).removeprefix("Value error, ")
        if error["loc"]:
            column = str(error["loc"][0])
        else:
            column = "p50" if "median" in problem else ("high" if "high" in problem else "p25")
        raise SignalFileError(problem, row=row, column=column) from None


def parse_signals_csv(text: str, card: RateCard) -> list[AggregatorSignal | LiveSignal]:
    """Parse a signals CSV; an empty file or a header alone gives no signals.

    Row numbers are the file's line numbers (header = row 1), as a spreadsheet shows them.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        return []
    reader = csv.DictReader(io.StringIO(text))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    for column in REQUIRED_COLUMNS:
        if column not in header:
            raise SignalFileError("required column is missing", row=1, column=column)
    reader.fieldnames = header
    signals: list[AggregatorSignal | LiveSignal] = []
    for raw in reader:
        if not any((value or "").strip() for key, value in raw.items() if key is not None):
            continue
        signals.append(_parse_row(raw, reader.line_num, card))
    return signals
