"""Pure helpers for ranking a stored pool: facts from rows, the SQL pre-ranking spec, output rows.

Pre-ranking: to show the best N of 100,000 candidates quickly, the database computes each
candidate's score with the same factors and points as `ranking.py` (without its rounding of
each factor to a tenth, so the two differ by at most 0.4 per candidate) except the stack
factor, which can only add to it, and returns only those that can reach the top N: everyone
within `PRERANK_MARGIN` plus the stack's points of the N-th best. `ranking.py` then ranks those
exactly, so the top N and every explanation are the ones a full ranking gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from hireloop.matching.ranking import (
    FULL_RECENCY_YEARS,
    MAIN_AREA_BELOW_CREDIT,
    MAIN_AREA_FULL,
    PRODUCTION_LEVEL_TOP,
    UNKNOWN_CREDIT,
    VERDICT_CREDIT,
    VETTED_VALID_DAYS,
    ZERO_RECENCY_YEARS,
    BriefFacts,
    CandidateFacts,
    RankedCandidate,
    Ranking,
    area_shares,
    factor_points,
    main_area_of,
    stack_keys,
)
from hireloop.matching.skill_names import SkillNames
from hireloop.reference.role_shapes import normalise_term
from hireloop.reference.skills import AREA_IDS
from hireloop.reference.taxonomy import load_taxonomy

# The skill names in candidate_facts.skills are joined with this character.
SKILL_SEPARATOR = "\n"
# Two scores each rounded per factor (eight factors, 0.05 each) differ by at most 0.8.
PRERANK_MARGIN = 0.81
MAX_SEARCH_TERMS = 12
SNIPPET_CHARS = 160


@dataclass(frozen=True)
class PrerankSpec:
    """The ranking's arithmetic for one brief and date, in a form SQL can evaluate."""

    area_points: dict[str, float]
    main_area: str
    main_points: float
    main_full: int
    main_below_rate: float
    # The stack factor's points: the database leaves it out of its score (matching skill names
    # row by row costs more than the rest of the score), so a candidate may gain up to this.
    stack_points: float
    production_points: float
    verdict_credit: dict[str, float]
    level_top: int
    recency_points: float
    full_years: float
    zero_years: float
    vetted_points: float
    vetted_since: date
    as_of: date
    unknown_points: float
    required: list[list[str]]


@cache
def _names_by_key() -> dict[str, str]:
    """Each taxonomy skill's name, lower-cased, under its key: the screen stores skills by name."""
    return {normalise_term(skill.name): skill.name.lower() for skill in load_taxonomy().skills}


def _spellings(key: str) -> list[str]:
    """How the screen may have stored a skill: its key, or its taxonomy name in lower case."""
    return sorted({key, _names_by_key().get(key, key)})


def prerank_spec(brief: BriefFacts, as_of: date, names: SkillNames) -> PrerankSpec:
    """The points per factor as `ranking._Scorer` shares them out, and the must-have filters."""
    stack = stack_keys(brief, names)
    points = factor_points(brief, bool(stack))
    shares = area_shares(brief)
    coverage = points["area coverage"]
    required: dict[str, list[str]] = {}
    for must in brief.must_haves:
        key = names.known_key(must)
        if key is not None and key not in required:
            required[key] = _spellings(key)
    return PrerankSpec(
        area_points={area: shares.get(area, 0.0) / 100 * coverage for area in AREA_IDS},
        main_area=main_area_of(brief),
        main_points=points["main area"],
        main_full=MAIN_AREA_FULL,
        main_below_rate=MAIN_AREA_BELOW_CREDIT / MAIN_AREA_FULL,
        stack_points=points.get("stack", 0.0),
        production_points=points["production evidence"],
        verdict_credit=dict(VERDICT_CREDIT),
        level_top=PRODUCTION_LEVEL_TOP,
        recency_points=points["recent evidence"],
        full_years=FULL_RECENCY_YEARS,
        zero_years=ZERO_RECENCY_YEARS,
        vetted_points=points["pre-vetted"],
        vetted_since=as_of - timedelta(days=VETTED_VALID_DAYS),
        as_of=as_of,
        unknown_points=UNKNOWN_CREDIT * (points.get("availability", 0.0) + points.get("rate", 0.0)),
        required=list(required.values()),
    )


def facts_from_rows(rows: Iterable[Sequence[Any]]) -> list[CandidateFacts]:
    """CandidateFacts from PoolRepository rows; a person's verdict override wins, and then the
    verdict (not the engine's production level) sets the production credit."""
    a0, a1, a2, a3, a4 = AREA_IDS
    skill_sets: dict[str, frozenset[str]] = {"": frozenset()}
    facts: list[CandidateFacts] = []
    append = facts.append
    make = CandidateFacts
    for row in rows:
        (cid, name, source, verdict, overridden, level, score, s0, s1, s2, s3, s4) = row[:12]
        skills, age, vetted_on, location = row[12:16]
        skill_set = skill_sets.get(skills)
        if skill_set is None:
            skill_set = skill_sets[skills] = frozenset(skills.split(SKILL_SEPARATOR))
        append(
            make(
                cid,
                name,
                source,
                verdict,
                None if overridden else level,
                score,
                {a0: s0, a1: s1, a2: s2, a3: s3, a4: s4},
                skill_set,
                age,
                vetted_on,
                None,
                None,
                location,
            )
        )
    return facts


def ranked_dicts(ranked: Sequence[RankedCandidate]) -> list[dict[str, Any]]:
    """Ranked candidates as plain data: id, name, source file, score and every factor."""
    return [
        {
            "rank": position,
            "candidate_id": row.candidate_id,
            "name": row.name,
            "source_file": row.source_file,
            "score": row.score,
            "factors": [
                {
                    "name": f.name,
                    "value": f.value,
                    "weight": f.weight,
                    "contribution": f.contribution,
                    "why": f.why,
                }
                for f in row.factors
            ],
        }
        for position, row in enumerate(ranked, start=1)
    ]


def excluded_dicts(ranking: Ranking) -> list[dict[str, Any]]:
    return [
        {"candidate_id": e.candidate_id, "name": e.name, "reasons": e.reasons}
        for e in ranking.excluded
    ]


def search_terms(query: str) -> tuple[str, ...]:
    """The words of a query: letters and digits only, so no punctuation reaches the engine."""
    return tuple(dict.fromkeys(re.findall(r"[^\W_]+", query.lower())))[:MAX_SEARCH_TERMS]


def snippet(body: str, terms: Sequence[str]) -> str:
    """About SNIPPET_CHARS characters of the CV around the first term found."""
    lowered = body.lower()
    found = [p for p in (lowered.find(t) for t in terms) if p >= 0]
    if not found:
        found = [p for p in (lowered.find(t[:5]) for t in terms if len(t) > 5) if p >= 0]
    start = max(min(found) - SNIPPET_CHARS // 3, 0) if found else 0
    piece = " ".join(body[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(body) else "")
