"""Matching use cases: vet a candidate, rank the pool against a brief, search the pool."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from statistics import fmean
from typing import Any, get_args

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.briefs.profile import RoleProfile, derive_profile
from hireloop.briefs.service import brief_in_of
from hireloop.candidates.service import get_candidate
from hireloop.compliance.service import record
from hireloop.kit.errors import InvalidInput
from hireloop.matching.models import Vetting
from hireloop.matching.pool import facts_from_rows, prerank_spec, search_terms, snippet
from hireloop.matching.ranking import (
    ALL_EXCLUDED_MESSAGE,
    EMPTY_POOL_MESSAGE,
    VETTED_VALID_DAYS,
    BriefFacts,
    CandidateFacts,
    Ranking,
)
from hireloop.matching.ranking import rank_candidates as _rank
from hireloop.matching.repository import (
    PoolRepository,
    SearchFilters,
    SearchRepository,
    VettingRepository,
)
from hireloop.matching.skill_names import SkillNames
from hireloop.reference.rate_card import load_rate_card
from hireloop.reference.skills import AREA_IDS
from hireloop.screening.models import Verdict

VERDICTS: tuple[str, ...] = get_args(Verdict)
STRONG_AREA = 50
MAX_NOTE = 2000
SEARCH_LIMIT = 50


# --- vetting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class VettingStatus:
    vetted_on: date | None
    note: str
    current: bool
    lapses_on: date | None

    @property
    def label(self) -> str:
        if self.vetted_on is None:
            return "not vetted"
        if self.current:
            return f"vetted {self.vetted_on}, valid until {self.lapses_on}"
        return f"vetting of {self.vetted_on} lapsed on {self.lapses_on}"


def is_current(vetted_on: date | None, today: date) -> bool:
    """Pre-vetted status lasts VETTED_VALID_DAYS days from the vetting date."""
    return vetted_on is not None and 0 <= (today - vetted_on).days <= VETTED_VALID_DAYS


def vetting_status(session: Session, candidate_id: int, today: date) -> VettingStatus:
    latest = VettingRepository(session).latest(candidate_id)
    if latest is None:
        return VettingStatus(None, "", False, None)
    lapses = latest.vetted_on + timedelta(days=VETTED_VALID_DAYS)
    return VettingStatus(latest.vetted_on, latest.note, is_current(latest.vetted_on, today), lapses)


def _vetting_date(value: date | str | None, today: date) -> date:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip()) if value.strip() else None
        except ValueError:
            raise _vet_invalid("vetted_on", "must be a date like 2026-05-04") from None
    if value is None:
        raise _vet_invalid("vetted_on", "is required")
    if value > today:
        raise _vet_invalid("vetted_on", "must not be in the future")
    return value


def _vet_invalid(name: str, error: str) -> InvalidInput:
    return InvalidInput(f"the vetting {name} {error}", detail=[{"field": name, "error": error}])


def vet_candidate(
    session: Session,
    candidate_id: int,
    *,
    vetted_on: date | str | None,
    note: str,
    actor: User,
    today: date,
) -> Vetting:
    """Record that a person reviewed the screening and spoke to the candidate on a date."""
    candidate = get_candidate(session, candidate_id)
    day = _vetting_date(vetted_on, today)
    note = note.strip()
    if not note:
        raise _vet_invalid("note", "is required: say what you checked and who you spoke to")
    if len(note) > MAX_NOTE:
        raise _vet_invalid("note", f"must be at most {MAX_NOTE} characters")
    vetting = VettingRepository(session).add(
        Vetting(candidate_id=candidate.id, vetted_on=day, note=note, by_id=actor.id)
    )
    record(session, actor, "candidate.vet", "candidate", candidate.id, {"vetted_on": str(day)})
    return vetting


# --- ranking ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateBand:
    market: str
    low: float
    high: float
    sources: list[str]


@dataclass(frozen=True)
class BriefRanking:
    """A ranking with its brief; with a limit, `ranking` holds only the first `limit` ranked
    and excluded, and the totals count everyone."""

    brief: Brief
    profile: RoleProfile
    facts: BriefFacts
    band: RateBand | None
    ranking: Ranking
    as_of: date
    ranked_total: int
    excluded_total: int
    notes: list[str] = field(default_factory=list)


def market_band(market_id: str | None) -> RateBand | None:
    """The rate card's day-rate band for a market: the mean of its sources' lows and highs."""
    if not market_id:
        return None
    card = load_rate_card()
    market = card.find_market(market_id)
    if market is None:
        return None
    used, figures = card.figures_for(market)
    if not figures:
        return None
    sources = [f"{f.source} ({f.as_of:%b %Y})" for f in figures]
    low, high = fmean(f.low for f in figures), fmean(f.high for f in figures)
    return RateBand(market=used.name, low=low, high=high, sources=sources)


def brief_facts(brief: Brief) -> tuple[BriefFacts, RoleProfile, RateBand | None]:
    """What ranking needs from a brief: its profile's weights, must-haves, start, budget, band."""
    profile = derive_profile(brief_in_of(brief))
    band = market_band(brief.location)
    facts = BriefFacts(
        area_weights={str(a): w for a, w in profile.area_weights.items()},
        must_haves=tuple(brief.must_haves),
        main_area=str(profile.main_area),
        stack=tuple(brief.stack),
        start_date=brief.start_date,
        budget_day_rate=brief.budget_day_rate,
        band_low=band.low if band else None,
        band_high=band.high if band else None,
        location=brief.location,
    )
    return facts, profile, band


def load_pool(session: Session) -> list[CandidateFacts]:
    """Every screened candidate's ranking facts, in one query."""
    return facts_from_rows(PoolRepository(session).fact_rows())


def rank_brief(
    session: Session, brief: Brief, as_of: date, limit: int | None = None
) -> BriefRanking:
    """Rank the pool against a brief on a date, every score split into its factors. With a
    limit, the database pre-ranks and only those who can reach the top `limit` are loaded."""
    facts, profile, band = brief_facts(brief)
    top = _top(session, facts, as_of, limit) if limit is not None else None
    if top is None:
        full = _rank(facts, load_pool(session), as_of, _skill_names())
        ranked_total, excluded_total = len(full.ranked), len(full.excluded)
        ranking = full if limit is None else _cut(full, full.message, limit)
    else:
        ranking, ranked_total, excluded_total = top
    notes = list(ranking.notes)
    if band is not None:
        notes.append(
            f"Rate band for {band.market}: ${band.low:,.0f}-${band.high:,.0f} a day "
            f"(mean of {', '.join(band.sources)})."
        )
    notes.append("Availability and day rate are not recorded yet, so each gets half credit.")
    return BriefRanking(
        brief, profile, facts, band, ranking, as_of, ranked_total, excluded_total, notes
    )


def _cut(ranking: Ranking, message: str | None, limit: int) -> Ranking:
    return Ranking(ranking.ranked[:limit], ranking.excluded[:limit], message, ranking.notes)


def _top(
    session: Session, facts: BriefFacts, as_of: date, limit: int
) -> tuple[Ranking, int, int] | None:
    """The first `limit` ranked and excluded, pre-ranked by the database; None when the
    database and the ranking disagree on who is excluded (then rank the whole pool)."""
    names = _skill_names()
    part = PoolRepository(session).prerank(prerank_spec(facts, as_of, names), limit)
    top = _rank(facts, facts_from_rows(part.rows), as_of, names)
    if top.excluded:
        return None
    left_out = _rank(facts, facts_from_rows(part.excluded_rows), as_of, names)
    if left_out.ranked:
        return None
    message = None
    if part.pool == 0:
        message = EMPTY_POOL_MESSAGE
    elif part.eligible == 0:
        message = ALL_EXCLUDED_MESSAGE
    ranking = Ranking(top.ranked, left_out.excluded, message, top.notes)
    return _cut(ranking, message, limit), part.eligible, part.pool - part.eligible


@cache
def _skill_names() -> SkillNames:
    """One SkillNames for the process: it remembers every spelling it has keyed."""
    return SkillNames.from_taxonomy()


# --- search ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    candidate_id: int
    name: str
    location: str | None
    source_file: str | None
    verdict: str | None
    score: int | None
    strong_areas: list[str]
    vetted_on: date | None
    vetted: bool
    snippet: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "candidate_id": self.candidate_id,
            "name": self.name,
            "location": self.location,
            "source_file": self.source_file,
            "verdict": self.verdict,
            "score": self.score,
            "strong_areas": self.strong_areas,
            "vetted_on": self.vetted_on.isoformat() if self.vetted_on else None,
            "vetted": self.vetted,
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: tuple[str, ...]
    hits: list[SearchHit]
    total: int
    limit: int


def _choice(name: str, value: str | None, allowed: Sequence[str]) -> str | None:
    value = (value or "").strip() or None
    if value is not None and value not in allowed:
        error = f"must be one of {', '.join(allowed)}"
        raise InvalidInput(f"{name} {error}", detail=[{"field": name, "error": error}])
    return value


def search_candidates(
    session: Session,
    query: str = "",
    *,
    verdict: str | None = None,
    area: str | None = None,
    location: str | None = None,
    vetted: bool = False,
    today: date,
    limit: int = SEARCH_LIMIT,
) -> SearchResults:
    """Candidates whose CV text or name holds every word of the query, with the filters:
    best screening score first."""
    terms = search_terms(query)
    filters = SearchFilters(
        terms=terms,
        verdict=_choice("verdict", verdict, VERDICTS),
        area=_choice("area", area, AREA_IDS),
        location=(location or "").strip() or None,
        vetted_since=today - timedelta(days=VETTED_VALID_DAYS) if vetted else None,
        vetted_until=today if vetted else None,
    )
    limit = max(1, min(limit, 500))
    repo = SearchRepository(session)
    rows = repo.search(filters, limit)
    total = rows[0][-1] if rows else 0
    ids = [row[0] for row in rows]
    texts = repo.latest_texts(ids) if terms else {}
    vettings = repo.latest_vettings(ids)
    hits = []
    for cid, name, loc, source, verdict_, score, *area_scores, _ in rows:
        pairs = zip(AREA_IDS, area_scores, strict=True)
        strong = [str(a) for a, s in pairs if (s or 0) >= STRONG_AREA]
        vetted_on = vettings.get(cid)
        hits.append(
            SearchHit(
                candidate_id=cid,
                name=name,
                location=loc,
                source_file=source,
                verdict=verdict_,
                score=score,
                strong_areas=strong,
                vetted_on=vetted_on,
                vetted=is_current(vetted_on, today),
                snippet=snippet(texts.get(cid, ""), terms) if terms else "",
            )
        )
    return SearchResults(
        query=query,
        terms=terms,
        hits=hits,
        total=total,
        limit=limit,
    )
