"""Check a proposed day rate against market signals and the rate card.

Validation: a check is `validated` only with at least two aggregator figures from distinct
sources, each at most 365 days old, and at least one live signal (placement, pulled offer or
competing process) at most 30 days old (all configurable in `CheckPolicy`). A validation is good
for 7 days: `valid_until = as_of + 7 days`, and `is_stale` is true from that day on.

Clearing estimate: every usable signal (same market; generalist or one of the checked
specialisms; not stale; not dated after the check) becomes a day rate on the proposed rate's
basis (`normalise.to_day_rate`, aggregators by their median). Generalist figures are raised by
the stacked premium of the checked specialisms, a specialist figure by the stacked premium over
its own. The estimate is the weighted mean, live signals weighing `live_weight` (2) and
aggregators 1. Without usable signals it is the middle of the card band: the market's range
(or its fallback market's) raised by the stacked premiums, low end by the low premiums and high
end by the high premiums.

Band and percentile: the band is the mean p25 (or low) to mean p75 (or high) of the usable
aggregators, else the card band, widened to take in the clearing estimate. It is read as the
middle half of the market: low = 25th, clearing = 50th, high = 75th percentile, with straight
lines between and beyond, clamped to 0-100.

Verdict, by the gap below the clearing estimate: `above_band` above the band's top;
`competitive` at or above the estimate; `tight` under 9% below; `at_risk` 9% to 13% below (both
ends included: the gap where offers are lost); `below_market` more than 13% below.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from statistics import fmean
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hireloop.kit.errors import InvalidInput
from hireloop.rates.errors import InvalidRate, UnknownMarket, UnknownSpecialism
from hireloop.rates.normalise import money, to_day_rate
from hireloop.rates.signals import AggregatorSignal, LiveSignal
from hireloop.reference.rate_card import BASES, Basis, RateCard, Specialism

Verdict = Literal["competitive", "tight", "at_risk", "below_market", "above_band"]

VERDICT_MEANING: dict[str, str] = {
    "competitive": "at or above the market clearing estimate",
    "tight": "under 9% below the clearing estimate",
    "at_risk": "9-13% below the clearing estimate: the gap where offers are lost",
    "below_market": "more than 13% below the clearing estimate",
    "above_band": "above the top of the market band; may be fine for a rare profile",
}


class CheckPolicy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    aggregator_max_age_days: int = Field(default=365, ge=0)
    live_max_age_days: int = Field(default=30, ge=0)
    min_aggregator_sources: int = Field(default=2, ge=1)
    min_live_signals: int = Field(default=1, ge=0)
    live_weight: float = Field(default=2.0, gt=0)
    tight_gap: float = Field(default=0.09, gt=0)
    at_risk_gap: float = Field(default=0.13, gt=0)
    valid_for_days: int = Field(default=7, ge=1)


class Band(BaseModel):
    low: float
    high: float
    open_top: bool = False
    origin: Literal["signals", "rate_card"]


class UsedSignal(BaseModel):
    index: int
    kind: str
    source: str
    as_of: date
    age_days: int
    day_rate: float
    multiplier: float
    weight: float
    arithmetic: str


class IgnoredSignal(BaseModel):
    index: int
    kind: str
    source: str
    as_of: date
    reason: str


class RateCheck(BaseModel):
    rate: float
    basis: Basis
    market: str
    figures_market: str
    specialisms: list[str]
    as_of: date
    valid_until: date
    validated: bool
    verdict: Verdict
    clearing_day_rate: float
    band: Band
    card_band: Band
    percentile: float
    gap_below_clearing: float
    premium: float
    missing: list[str]
    signals_used: list[UsedSignal]
    signals_ignored: list[IgnoredSignal]
    explanation: list[str]


def is_stale(check: RateCheck, today: date) -> bool:
    """True once the check's week is over: it must be run again with fresh signals."""
    return today >= check.valid_until


def _resolve(card: RateCard, market: str, specialisms: Sequence[str]) -> list[Specialism]:
    if card.find_market(market) is None:
        raise UnknownMarket(market, card.market_ids())
    resolved: list[Specialism] = []
    for specialism_id in dict.fromkeys(specialisms):
        found = card.find_specialism(specialism_id)
        if found is None:
            raise UnknownSpecialism(specialism_id, card.specialism_ids())
        resolved.append(found)
    return resolved


def _card_band(card: RateCard, market: str, specs: list[Specialism], basis: Basis) -> Band:
    found = card.find_market(market)
    assert found is not None
    _, figures = card.figures_for(found)
    to_basis = to_day_rate(1.0, "day", card.basis, basis, card.normalisation).multiplier
    low = fmean(f.low for f in figures) * (1 + card.stacking.stack([s.premium_low for s in specs]))
    high = fmean(f.high for f in figures) * (
        1 + card.stacking.stack([s.premium_high for s in specs])
    )
    return Band(
        low=low * to_basis,
        high=high * to_basis,
        open_top=any(f.open_top for f in figures),
        origin="rate_card",
    )


def _percentile(rate: float, low: float, mid: float, high: float) -> float:
    if rate <= mid:
        span = mid - low
        value = 50.0 if rate == mid else (0.0 if span <= 0 else 50 - 25 * (mid - rate) / span)
    else:
        span = high - mid
        value = 100.0 if span <= 0 else 50 + 25 * (rate - mid) / span
    return round(min(100.0, max(0.0, value)), 1)


def _verdict(rate: float, clearing: float, band: Band, gap: float, policy: CheckPolicy) -> Verdict:
    if rate > band.high:
        return "above_band"
    if gap <= 0:
        return "competitive"
    if gap < policy.tight_gap:
        return "tight"
    if gap <= policy.at_risk_gap:
        return "at_risk"
    return "below_market"


def _pct(fraction: float) -> str:
    return f"{fraction * 100:.1f}".removesuffix(".0") + "%"


def check_rate(
    rate: float,
    market: str,
    specialisms: Sequence[str],
    basis: str,
    signals: Sequence[AggregatorSignal | LiveSignal],
    as_of: date,
    card: RateCard,
    policy: CheckPolicy | None = None,
) -> RateCheck:
    """Check a proposed day rate; never raises for missing or unusable signals."""
    policy = policy if policy is not None else CheckPolicy()
    if not rate > 0 or rate == float("inf"):
        raise InvalidRate(f"the proposed rate must be a positive number, not {rate}")
    if basis not in BASES:
        raise InvalidInput(f"unknown basis {basis!r}; expected one of {', '.join(BASES)}")
    target: Basis = basis
    specs = _resolve(card, market, specialisms)
    spec_ids = [s.id for s in specs]
    market_entry = card.find_market(market)
    assert market_entry is not None
    figures_market, figures = card.figures_for(market_entry)
    premium = card.stacking.stack([s.premium_mid for s in specs])
    card_band = _card_band(card, market, specs, target)

    who = " + ".join(spec_ids) if spec_ids else "generalist senior ML engineer"
    lines = [f"Proposed {money(rate)}/day on a {target} basis in {market} for {who}."]
    if figures_market.id != market:
        lines.append(f"{market} has no figures of its own; using {figures_market.id}.")
    for figure in figures:
        top = "+" if figure.open_top else ""
        lines.append(
            f"Card: {money(figure.low)}-{money(figure.high)}{top}/day"
            f" ({figure.source}, {figure.as_of.isoformat()})."
        )
    if specs:
        parts = ", ".join(f"{s.id} {_pct(s.premium_mid)}" for s in specs)
        lines.append(
            f"Premiums: {parts}; stacked (largest in full, others x"
            f" {card.stacking.further_fraction:g}, cap {_pct(card.stacking.cap)}) ="
            f" {_pct(premium)}."
        )
    else:
        lines.append("No specialism: a generalist senior ML engineer, no premium.")
    for band_ref in card.role_bands_for(spec_ids):
        lines.append(
            f"Cross-check: {band_ref.name} {money(band_ref.low)}-{money(band_ref.high)}/day"
            f" ({band_ref.source}, {band_ref.as_of.isoformat()})."
        )

    used: list[UsedSignal] = []
    ignored: list[IgnoredSignal] = []
    used_aggregators: list[AggregatorSignal] = []
    stale_live_ages: list[int] = []
    stale_aggregator_ages: list[int] = []
    for index, signal in enumerate(signals):
        age = (as_of - signal.as_of).days
        live = isinstance(signal, LiveSignal)
        limit = policy.live_max_age_days if live else policy.aggregator_max_age_days
        reason = None
        if signal.market != market:
            reason = f"other market ({signal.market})"
        elif signal.specialism is not None and signal.specialism not in spec_ids:
            reason = f"other specialism ({signal.specialism})"
        elif age < 0:
            reason = f"dated {signal.as_of.isoformat()}, after the check date"
        elif age > limit:
            reason = f"stale: {age} days old (limit {limit})"
            (stale_live_ages if live else stale_aggregator_ages).append(age)
        if reason is not None:
            ignored.append(
                IgnoredSignal(
                    index=index,
                    kind=signal.kind,
                    source=signal.source,
                    as_of=signal.as_of,
                    reason=reason,
                )
            )
            continue
        headline = signal.rate if isinstance(signal, LiveSignal) else signal.central
        converted = to_day_rate(headline, signal.unit, signal.basis, target, card.normalisation)
        own = card.find_specialism(signal.specialism) if signal.specialism else None
        own_premium = card.stacking.stack([own.premium_mid]) if own else 0.0
        uplift = (1 + premium) / (1 + own_premium)
        day_rate = converted.value * uplift
        arithmetic = converted.arithmetic
        if abs(uplift - 1) > 1e-9:
            arithmetic += f"; x {uplift:.3f} for specialisms = {money(day_rate)}/day"
        weight = policy.live_weight if live else 1.0
        used.append(
            UsedSignal(
                index=index,
                kind=signal.kind,
                source=signal.source,
                as_of=signal.as_of,
                age_days=age,
                day_rate=day_rate,
                multiplier=converted.multiplier * uplift,
                weight=weight,
                arithmetic=arithmetic,
            )
        )
        if isinstance(signal, AggregatorSignal):
            used_aggregators.append(signal)
        lines.append(
            f"Signal {index + 1}: {signal.kind} from {signal.source}, {age} days old:"
            f" {arithmetic} (weight {weight:g})."
        )

    if used:
        total_weight = sum(u.weight for u in used)
        clearing = sum(u.day_rate * u.weight for u in used) / total_weight
        lines.append(
            f"Clearing estimate: weighted mean of {len(used)} signal(s) = {money(clearing)}/day."
        )
    else:
        clearing = (card_band.low + card_band.high) / 2
        lines.append(
            f"No usable signals: clearing estimate is the middle of the card band,"
            f" {money(clearing)}/day."
        )

    spreads = [
        (u, spread)
        for u, agg in zip(
            (u for u in used if u.kind == "aggregator"), used_aggregators, strict=True
        )
        if (spread := agg.spread) is not None
    ]
    if spreads:
        low = fmean(s[0] * u.multiplier for u, s in spreads)
        high = fmean(s[1] * u.multiplier for u, s in spreads)
        band = Band(low=min(low, clearing), high=max(high, clearing), origin="signals")
    else:
        band = card_band.model_copy(
            update={"low": min(card_band.low, clearing), "high": max(card_band.high, clearing)}
        )
    top = "+" if band.open_top else ""
    lines.append(
        f"Band from {band.origin.replace('_', ' ')}: {money(band.low)}-{money(band.high)}{top}/day,"
        " read as the 25th to 75th percentile."
    )

    gap = round((clearing - rate) / clearing, 6)
    verdict = _verdict(rate, clearing, band, gap, policy)
    percentile = _percentile(rate, band.low, clearing, band.high)
    relation = f"{_pct(gap)} below" if gap > 0 else f"{_pct(-gap)} above"
    lines.append(
        f"{money(rate)} is {relation} the clearing estimate {money(clearing)}, at about"
        f" percentile {percentile:g}: {verdict} ({VERDICT_MEANING[verdict]})."
    )
    if verdict == "above_band" and band.open_top:
        lines.append("The band's top is open-ended ('+'), so rates above it are still seen.")

    missing = _missing(used, used_aggregators, stale_aggregator_ages, stale_live_ages, policy)
    validated = not missing
    lines.append("Validated." if validated else "Not validated: " + "; ".join(missing) + ".")
    return RateCheck(
        rate=rate,
        basis=target,
        market=market,
        figures_market=figures_market.id,
        specialisms=spec_ids,
        as_of=as_of,
        valid_until=as_of + timedelta(days=policy.valid_for_days),
        validated=validated,
        verdict=verdict,
        clearing_day_rate=round(clearing, 2),
        band=band.model_copy(update={"low": round(band.low, 2), "high": round(band.high, 2)}),
        card_band=card_band,
        percentile=percentile,
        gap_below_clearing=gap,
        premium=premium,
        missing=missing,
        signals_used=used,
        signals_ignored=ignored,
        explanation=lines,
    )


def _missing(
    used: list[UsedSignal],
    aggregators: list[AggregatorSignal],
    stale_aggregator_ages: list[int],
    stale_live_ages: list[int],
    policy: CheckPolicy,
) -> list[str]:
    missing: list[str] = []
    by_key: dict[str, str] = {}
    for signal in aggregators:
        by_key.setdefault(signal.source.strip().casefold(), signal.source.strip())
    sources = sorted(by_key.values())
    need = policy.min_aggregator_sources
    if not sources:
        text = f"needs {need} aggregator figures from different sources; none usable"
        if stale_aggregator_ages:
            text += (
                f" (latest is {min(stale_aggregator_ages)} days old; they must be from the last"
                f" {policy.aggregator_max_age_days} days)"
            )
        missing.append(text)
    elif len(sources) < need:
        more = need - len(sources)
        what = "a second aggregator" if need == 2 else f"{more} more aggregator source(s)"
        missing.append(f"needs {what} from a different source (has only {', '.join(sources)})")
    live_used = sum(1 for u in used if u.kind != "aggregator")
    if live_used < policy.min_live_signals:
        window = policy.live_max_age_days
        if stale_live_ages:
            missing.append(
                f"latest live signal is {min(stale_live_ages)} days old; needs one from the last"
                f" {window} days"
            )
        else:
            missing.append(
                "needs a live market signal (a placement, pulled offer or competing process)"
                f" from the last {window} days"
            )
    return missing
