"""Rate validation, stored: the market signal pool and the rate checks run for each brief.

Signals are one pool shared by every brief; a check draws the signals of the brief's market,
runs the pure engine (`rates.check.check_rate`) and stores the inputs, the headline and the
whole result. The date a check runs on is passed in by the caller, so a check is reproducible;
a validation is good for `CheckPolicy.valid_for_days` days (7) and stale from then on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.compliance.service import record
from hireloop.kit.errors import InvalidInput
from hireloop.rates.check import RateCheck, check_rate, is_stale
from hireloop.rates.economics import Economics, rate_economics
from hireloop.rates.importers import import_lca, import_oews
from hireloop.rates.models import MarketSignal, RateCheckRecord
from hireloop.rates.repository import RateCheckRepository, SignalRepository
from hireloop.rates.signals import (
    KINDS,
    AggregatorSignal,
    LiveSignal,
    Signal,
    parse_signals_csv,
)
from hireloop.reference.rate_card import BASES, RateCard, load_rate_card

SignalModel = AggregatorSignal | LiveSignal
SignalFormat = Literal["signals", "oews", "lca"]
FORMATS: tuple[SignalFormat, ...] = ("signals", "oews", "lca")
_FORMAT_ORIGIN = {"signals": "csv", "oews": "oews", "lca": "lca"}
_SIGNAL: TypeAdapter[SignalModel] = TypeAdapter(Signal)
_CHOICE_FIELDS = ("kind", "unit", "basis", "market", "specialism")
_NUMBER_FIELDS = ("rate", "p25", "p50", "p75", "p90", "low", "high", "n")


def _invalid(field: str, error: str, message: str | None = None) -> InvalidInput:
    return InvalidInput(message or f"{field}: {error}", detail=[{"field": field, "error": error}])


# --- signals -------------------------------------------------------------------------------


def to_signal(row: MarketSignal) -> SignalModel:
    """A stored signal as the engine's model."""
    data: dict[str, Any] = {
        "kind": row.kind,
        "source": row.source,
        "market": row.market,
        "specialism": row.specialism,
        "unit": row.unit,
        "basis": row.basis,
        "as_of": row.as_of,
    }
    if row.kind == "aggregator":
        figures = {k: getattr(row, k) for k in ("p25", "p50", "p75", "p90", "low", "high", "n")}
        data.update(figures, floors=list(row.floors))
    else:
        data["rate"] = row.rate
    return _SIGNAL.validate_python(data)


def _to_row(signal: SignalModel, origin: str, actor: User | None) -> MarketSignal:
    row = MarketSignal(
        kind=signal.kind,
        source=signal.source,
        market=signal.market,
        specialism=signal.specialism,
        unit=signal.unit,
        basis=signal.basis,
        as_of=signal.as_of,
        origin=origin,
        entered_by_id=actor.id if actor is not None else None,
    )
    if isinstance(signal, AggregatorSignal):
        row.p25, row.p50, row.p75, row.p90 = signal.p25, signal.p50, signal.p75, signal.p90
        row.low, row.high, row.n = signal.low, signal.high, signal.n
        row.floors = list(signal.floors)
    else:
        row.rate = signal.rate
        row.floors = []
    return row


def _clean(data: Mapping[str, object]) -> dict[str, object]:
    cleaned: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, str):
            value = value.strip()
            if key in _CHOICE_FIELDS:
                value = value.lower()
            if key in _NUMBER_FIELDS:
                value = value.replace(",", "").replace("$", "")
        if value is None or value == "" or value == []:
            continue
        cleaned[key] = value
    if cleaned.get("kind") == "aggregator" and "rate" in cleaned:
        rate = cleaned.pop("rate")
        cleaned.setdefault("p50", rate)
    return cleaned


def _field_errors(exc: ValidationError, kind: object) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    for err in exc.errors():
        loc = [str(part) for part in err["loc"]]
        if loc and loc[0] in KINDS:
            loc = loc[1:]
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            field, message = "kind", f"must be one of {', '.join(KINDS)}"
        elif loc:
            field = loc[0]
            if err["type"] == "missing":
                message = "is required"
            elif err["type"] == "extra_forbidden":
                message = f"is not a figure of a {kind} signal; leave it empty"
        else:
            field = "p50" if "median" in message else ("high" if "high" in message else "p25")
        errors.append({"field": field, "error": message})
    return errors


def validate_signal(data: Mapping[str, object], card: RateCard | None = None) -> SignalModel:
    """One signal from a form or JSON: InvalidInput names each field at fault."""
    card = card or load_rate_card()
    cleaned = _clean(data)
    try:
        signal = _SIGNAL.validate_python(cleaned)
    except ValidationError as exc:
        errors = _field_errors(exc, cleaned.get("kind"))
        first = errors[0]
        raise InvalidInput(f"{first['field']}: {first['error']}", detail=errors) from None
    if card.find_market(signal.market) is None:
        raise _invalid("market", f"unknown market; known: {', '.join(card.market_ids())}")
    if signal.specialism is not None and card.find_specialism(signal.specialism) is None:
        known = ", ".join(card.specialism_ids())
        raise _invalid("specialism", f"unknown specialism; known: {known}")
    return signal


def add_signal(
    session: Session,
    data: Mapping[str, object],
    *,
    actor: User | None,
    origin: str = "form",
    card: RateCard | None = None,
) -> MarketSignal:
    """Validate and store one signal in the shared pool."""
    signal = validate_signal(data, card)
    (row,) = SignalRepository(session).add_all([_to_row(signal, origin, actor)])
    record(
        session,
        actor,
        "rates.signal.add",
        "market_signal",
        row.id,
        {"kind": row.kind, "source": row.source, "market": row.market, "origin": origin},
    )
    return row


def import_signals(
    session: Session,
    text: str,
    *,
    actor: User | None,
    fmt: str = "signals",
    as_of: date | None = None,
    market: str = "us",
    card: RateCard | None = None,
) -> list[MarketSignal]:
    """Import a whole file, all or nothing: a bad value raises before anything is stored.

    `fmt` is `signals` (our CSV), `oews` (BLS OEWS export, dated `as_of`) or `lca` (DOL LCA
    disclosure file, summarised into one figure for `market`).
    """
    card = card or load_rate_card()
    if fmt not in FORMATS:
        raise _invalid("format", f"must be one of {', '.join(FORMATS)}")
    if not text.strip():
        raise _invalid("file", "the file is empty; nothing was imported")
    signals: list[SignalModel]
    if fmt == "signals":
        signals = list(parse_signals_csv(text, card))
    elif fmt == "oews":
        if as_of is None:
            raise _invalid("as_of", "an OEWS release needs the date its figures are as of")
        signals = list(import_oews(text, as_of=as_of))
    else:
        if card.find_market(market) is None:
            raise _invalid("market", f"unknown market; known: {', '.join(card.market_ids())}")
        signals = list(import_lca(text, market=market))
    origin = _FORMAT_ORIGIN[fmt]
    rows = SignalRepository(session).add_all([_to_row(s, origin, actor) for s in signals])
    record(
        session,
        actor,
        "rates.signals.import",
        "market_signal",
        None,
        {"format": fmt, "count": len(rows), "ids": [r.id for r in rows]},
    )
    return rows


def list_signals(
    session: Session,
    *,
    market: str | None = None,
    specialism: str | None = None,
    limit: int | None = None,
) -> list[MarketSignal]:
    """The pool, newest first; `specialism=""` lists generalist figures only."""
    return SignalRepository(session).find(market=market, specialism=specialism, limit=limit)


# --- checks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckView:
    """A stored check, read back as the engine's result, with its freshness on `today`."""

    record: RateCheckRecord
    check: RateCheck
    signals: list[SignalModel]
    stale: bool
    economics: Economics | None

    @property
    def stale_since(self) -> date:
        return self.check.valid_until


def _economics(brief: Brief, check: RateCheck, card: RateCard) -> Economics | None:
    if not brief.window_weeks or brief.window_weeks <= 0:
        return None
    return rate_economics(
        check.rate, brief.window_weeks, card, compare_day_rate=check.clearing_day_rate
    )


def _view(brief: Brief, row: RateCheckRecord, today: date, card: RateCard) -> CheckView:
    check = RateCheck.model_validate(row.result)
    signals = [
        _SIGNAL.validate_python({k: v for k, v in item.items() if k != "id"})
        for item in row.signals
    ]
    return CheckView(
        record=row,
        check=check,
        signals=signals,
        stale=is_stale(check, today),
        economics=_economics(brief, check, card),
    )


def _check_inputs(
    brief: Brief,
    rate: float | None,
    basis: str,
    specialisms: Sequence[str],
    market: str | None,
    card: RateCard,
) -> tuple[float, str, list[str], str]:
    chosen_market = (market or "").strip().lower() or brief.location
    if chosen_market is None:
        raise _invalid("market", "the brief has no location; choose the market to check against")
    if card.find_market(chosen_market) is None:
        raise _invalid("market", f"unknown market; known: {', '.join(card.market_ids())}")
    if rate is None:
        rate = brief.budget_day_rate
    if rate is None:
        raise _invalid("rate", "give a proposed day rate: the brief has no budget day rate")
    if not math.isfinite(rate) or rate <= 0:
        raise _invalid("rate", "must be a positive number", f"rate: must be positive, not {rate:g}")
    chosen_basis = basis.strip().lower()
    if chosen_basis not in BASES:
        raise _invalid("basis", f"must be one of {', '.join(BASES)}")
    chosen = [s.strip().lower() for s in specialisms if s.strip()]
    unknown = [s for s in chosen if card.find_specialism(s) is None]
    if unknown:
        known = ", ".join(card.specialism_ids())
        raise _invalid("specialisms", f"unknown specialism {unknown[0]!r}; known: {known}")
    return rate, chosen_basis, list(dict.fromkeys(chosen)), chosen_market


def run_check(
    session: Session,
    brief: Brief,
    *,
    today: date,
    actor: User | None,
    rate: float | None = None,
    basis: str = "1099",
    specialisms: Sequence[str] = (),
    market: str | None = None,
    card: RateCard | None = None,
) -> CheckView:
    """Check a rate for a brief against its market's signals, store it and return it.

    The rate defaults to the brief's budget day rate, the market to its location. Missing or
    unusable signals never fail the check: it is stored as not validated, saying what is missing.
    """
    card = card or load_rate_card()
    rate, basis, chosen, market = _check_inputs(brief, rate, basis, specialisms, market, card)
    rows = SignalRepository(session).for_check(market)
    signals = [to_signal(row) for row in rows]
    result = check_rate(rate, market, chosen, basis, signals, today, card)
    stored = RateCheckRepository(session).add(
        RateCheckRecord(
            brief_id=brief.id,
            rate=rate,
            basis=basis,
            market=market,
            specialisms=chosen,
            as_of=today,
            validated=result.validated,
            verdict=result.verdict,
            clearing_day_rate=result.clearing_day_rate,
            result=result.model_dump(mode="json"),
            signals=[
                {"id": row.id, **signal.model_dump(mode="json")}
                for row, signal in zip(rows, signals, strict=True)
            ],
            checked_by_id=actor.id if actor is not None else None,
        )
    )
    record(
        session,
        actor,
        "rates.check",
        "brief",
        brief.id,
        {
            "rate_check_id": stored.id,
            "rate": rate,
            "verdict": result.verdict,
            "validated": result.validated,
        },
    )
    return _view(brief, stored, today, card)


def latest_check(
    session: Session, brief: Brief, today: date, card: RateCard | None = None
) -> CheckView | None:
    """The brief's most recent check, `stale` once its week is over on `today`."""
    row = RateCheckRepository(session).latest(brief.id)
    if row is None:
        return None
    return _view(brief, row, today, card or load_rate_card())


def check_payload(view: CheckView) -> dict[str, Any]:
    """A check as JSON: the engine result plus who ran it, when, and whether it is stale."""
    return {
        "id": view.record.id,
        "brief_id": view.record.brief_id,
        **view.check.model_dump(mode="json"),
        "stale": view.stale,
        "stale_since": view.stale_since.isoformat() if view.stale else None,
        "checked_by_id": view.record.checked_by_id,
        "checked_at": view.record.checked_at.isoformat(),
        "economics": None if view.economics is None else view.economics.model_dump(mode="json"),
        "override": None
        if view.record.override_at is None
        else {
            "verdict": view.record.override_verdict,
            "reason": view.record.override_reason,
            "by_id": view.record.override_by_id,
            "at": view.record.override_at.isoformat(),
        },
    }
