"""Rank a candidate pool against a brief, every score split into the factors that produced it.

A candidate's score (0-100) is the sum of these factors, each worth up to its points:

| factor              | points | full credit when                                            |
| ------------------- | -----: | ----------------------------------------------------------- |
| main area           |     35 | a screening score of 50 or more (real work) in the brief's  |
|                     |        | main area; under 50 at most 80%, in proportion to the score |
| area coverage       |     10 | high screening area scores where the brief's weights are,   |
|                     |        | each area counted by its weight squared                     |
| stack               |      5 | every tool of the brief's stack among the skills found      |
| production evidence |     20 | production level at the top of the scale (else by verdict)  |
| recent evidence     |     10 | latest evidence at most a year old; none at five years      |
| pre-vetted          |      5 | vetted within 30 days before the ranking date               |
| availability        |     10 | free by the brief's start date; none from four weeks late   |
| rate                |      5 | day rate within the budget; none from 25% over it           |

The main area is what the role is for, so it carries most of the area points on its own, and
real work there (the screen's 50, its mark for a strong area) is a step: a candidate at 49
earns 78% of the main-area points, one at 50 all of them. So breadth in other areas cannot lift
a candidate without real main-area work above one with it at the same production level and
recency, while a candidate with some main-area evidence (say 25) still ranks above one with
none.
Area coverage counts each area by the square of the brief's weight, so depth in the areas the
brief weighs most counts for more than breadth in areas it barely needs (weights 52 and 9
count about 33 to 1, not 6 to 1).

Availability, rate and stack count only when the brief gives a start date, a budget (or a band)
and a stack; otherwise their points are shared out over the other factors in proportion. Facts
a candidate lacks score half credit on availability and rate, none on recency and vetting.

Must-haves are filters: a candidate without one is excluded, as is one the screen found not to
do ML at all. Factor details are worked out when read, so ranking a large pool stays fast.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import attrgetter

from hireloop.matching.errors import RankingInputInvalid
from hireloop.matching.skill_names import SkillNames
from hireloop.reference.skills import AREA_IDS

FACTOR_POINTS: dict[str, float] = {
    "main area": 35.0,
    "area coverage": 10.0,
    "stack": 5.0,
    "production evidence": 20.0,
    "recent evidence": 10.0,
    "pre-vetted": 5.0,
    "availability": 10.0,
    "rate": 5.0,
}
# Pre-vetted status lasts 30 days (Signify Technology, Feb 2026, via the 2026 market guide).
VETTED_VALID_DAYS = 30
PRODUCTION_LEVEL_TOP = 3
# The screen's mark for real work in an area (search's "strong area" uses it too): from it, the
# main area earns full credit; below it, at most MAIN_AREA_BELOW_CREDIT, in proportion.
MAIN_AREA_FULL = 50
MAIN_AREA_BELOW_CREDIT = 0.8
VERDICT_CREDIT: dict[str, float] = {
    "production": 1.0,
    "some_production": 0.6,
    "claims_only": 0.2,
    "notebook_only": 0.1,
}
FULL_RECENCY_YEARS = 1.0
ZERO_RECENCY_YEARS = 5.0
LATE_START_GRACE_DAYS = 28
OVER_BUDGET_TOLERANCE = 0.25
UNKNOWN_CREDIT = 0.5
EMPTY_POOL_MESSAGE = "No candidates in the pool yet: import CVs to rank them."
ALL_EXCLUDED_MESSAGE = "Every candidate was excluded: see the reasons under excluded."
_RECENCY_SPAN = ZERO_RECENCY_YEARS - FULL_RECENCY_YEARS
_BELOW_FULL_RATE = MAIN_AREA_BELOW_CREDIT / MAIN_AREA_FULL
_A0, _A1, _A2, _A3, _A4 = AREA_IDS


@dataclass(frozen=True, slots=True)
class BriefFacts:
    """What ranking needs from a brief; area weights come from its role profile."""

    area_weights: Mapping[str, int]
    must_haves: Sequence[str] = ()
    # The role profile's main area; None: the area with the highest weight.
    main_area: str | None = None
    stack: Sequence[str] = ()
    start_date: date | None = None
    budget_day_rate: float | None = None
    band_low: float | None = None
    band_high: float | None = None
    location: str | None = None


@dataclass(frozen=True, slots=True)
class CandidateFacts:
    """What ranking needs from one screened candidate."""

    candidate_id: int
    name: str
    source_file: str | None
    verdict: str
    production_level: int | None
    score: int
    areas: Mapping[str, int]
    skills: frozenset[str]
    latest_evidence_age_years: float | None
    vetted_on: date | None
    available_from: date | None
    day_rate: float | None
    location: str | None


@dataclass(frozen=True, slots=True)
class Factor:
    name: str
    value: float
    weight: float
    contribution: float
    why: str


@dataclass(slots=True)
class Excluded:
    """A candidate left out of the ranking; `reasons` each start with "excluded because"."""

    candidate_id: int
    name: str
    _candidate: CandidateFacts = field(repr=False, compare=False)
    _scorer: _Scorer = field(repr=False, compare=False)

    @property
    def reasons(self) -> list[str]:
        return self._scorer.exclusion(self._candidate)


@dataclass(slots=True)
class RankedCandidate:
    """A ranked candidate; `factors` explain the score and their contributions sum to it."""

    candidate_id: int
    name: str
    source_file: str | None
    score: float
    _candidate: CandidateFacts = field(repr=False, compare=False)
    _scorer: _Scorer = field(repr=False, compare=False)

    @property
    def factors(self) -> list[Factor]:
        return self._scorer.factors(self._candidate)


@dataclass(frozen=True, slots=True)
class Ranking:
    ranked: list[RankedCandidate]
    excluded: list[Excluded]
    message: str | None
    notes: list[str]


def _clamp01(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


def _money(amount: float) -> str:
    return f"${amount:,.0f}/day"


def main_area_of(brief: BriefFacts) -> str:
    """The brief's main area: as given, else the highest weight (the first listed on a tie)."""
    if brief.main_area is not None:
        return brief.main_area
    return max(AREA_IDS, key=lambda area: brief.area_weights.get(area, 0))


def area_shares(brief: BriefFacts) -> dict[str, float]:
    """Each area's share of the coverage factor: its weight squared over the sum of squares."""
    squares = {a: float(w) * w for a, w in brief.area_weights.items() if w > 0}
    total = sum(squares.values())
    return {area: square / total for area, square in squares.items()}


def stack_keys(brief: BriefFacts, names: SkillNames) -> dict[str, str]:
    """The brief's stack, one entry per skill key (so "k8s" and "Kubernetes" count once)."""
    keys: dict[str, str] = {}
    for term in brief.stack:
        if term.strip():
            keys.setdefault(names.key(term), term.strip())
    return keys


def factor_points(brief: BriefFacts, has_stack: bool) -> dict[str, float]:
    """The points of each factor the brief lets count, shared out to a total of 100 in tenths
    (largest remainder), so the weights shown add up to exactly 100."""
    active = dict(FACTOR_POINTS)
    if not has_stack:
        del active["stack"]
    if brief.start_date is None:
        del active["availability"]
    if (brief.budget_day_rate or brief.band_high) is None:
        del active["rate"]
    exact = {name: pts * 1000 / sum(active.values()) for name, pts in active.items()}
    tenths = {name: int(value) for name, value in exact.items()}
    leftover = 1000 - sum(tenths.values())
    for name in sorted(exact, key=lambda n: tenths[n] - exact[n])[:leftover]:
        tenths[name] += 1
    return {name: t / 10 for name, t in tenths.items()}


def _check_brief(brief: BriefFacts) -> None:
    problems: list[dict[str, str]] = []
    unknown = sorted(set(brief.area_weights) - set(AREA_IDS))
    if unknown:
        problems.append({"field": "area_weights", "error": f"unknown areas: {unknown}"})
    elif not any(w > 0 for w in brief.area_weights.values()):
        problems.append({"field": "area_weights", "error": "at least one must be above 0"})
    if brief.main_area is not None and brief.main_area not in AREA_IDS:
        problems.append({"field": "main_area", "error": f"unknown area: {brief.main_area}"})
    for name in ("budget_day_rate", "band_low", "band_high"):
        amount = getattr(brief, name)
        if amount is not None and amount <= 0:
            problems.append({"field": name, "error": "must be a positive day rate"})
    if problems:
        fields = ", ".join(p["field"] for p in problems)
        raise RankingInputInvalid(f"The brief cannot be ranked against: {fields}", detail=problems)


class _Scorer:
    """Everything about the brief worked out once, then applied to each candidate."""

    def __init__(self, brief: BriefFacts, as_of: date, names: SkillNames) -> None:
        self.brief = brief
        self.as_of = as_of
        self.vetted_since = as_of - timedelta(days=VETTED_VALID_DAYS)
        self.ceiling = brief.budget_day_rate or brief.band_high
        self.notes: list[str] = []
        _check_brief(brief)
        shares = area_shares(brief)
        self.area_shares = list(shares.items())
        self.area_per_point = tuple(shares.get(area, 0.0) / 100 for area in AREA_IDS)
        self.main_area = main_area_of(brief)
        self.stack = stack_keys(brief, names)
        self.stack_found: dict[frozenset[str], tuple[str, ...]] = {}
        if not self.stack:
            self.notes.append("Stack not scored: the brief lists no stack.")
        if brief.start_date is None:
            self.notes.append("Availability not scored: the brief has no start date.")
        if self.ceiling is None:
            self.notes.append("Rate not scored: the brief has no budget or rate band.")
        self.points = factor_points(brief, bool(self.stack))
        self.tenths_row = tuple(self.points.get(name, 0.0) * 10 for name in FACTOR_POINTS)
        self.required: dict[str, str] = {}
        for must in brief.must_haves:
            key = names.known_key(must)
            if key is None:
                self.notes.append(
                    f'Must-have "{must}" is not a known skill, so it was not used as a filter: '
                    "check it by hand."
                )
            else:
                self.required.setdefault(key, must)
        self.skill_keys = names.memo
        self.spellings: dict[str, set[str]] = {key: set() for key in self.required}
        self.seen_spellings: set[str] = set()

    def learn_spellings(self, skills: frozenset[str]) -> None:
        """Note which spellings mean each required skill (each spelling is keyed once)."""
        for text in skills - self.seen_spellings:
            key = self.skill_keys[text]
            if key in self.spellings:
                self.spellings[key].add(text)
            self.seen_spellings.add(text)

    def exclusion(self, c: CandidateFacts) -> list[str]:
        reasons: list[str] = []
        if c.verdict == "not_ml":
            reasons.append("excluded because the screen found no machine-learning work")
        memo = self.skill_keys
        have = {memo[s] for s in c.skills}
        reasons += [
            f'excluded because the must-have "{must}" is not among the skills found'
            for key, must in self.required.items()
            if key not in have
        ]
        return reasons

    def found_stack(self, skills: frozenset[str]) -> tuple[str, ...]:
        """The brief's stack terms among a candidate's skills (worked out once per skill set)."""
        found = self.stack_found.get(skills)
        if found is None:
            memo = self.skill_keys
            have = {memo[s] for s in skills}
            found = tuple(term for key, term in self.stack.items() if key in have)
            self.stack_found[skills] = found
        return found

    def values(
        self, c: CandidateFacts
    ) -> tuple[float, float, float, float, float, float, float, float]:
        """Each factor's credit from 0 to 1, in the order of FACTOR_POINTS."""
        get = c.areas.get
        main_score = get(self.main_area, 0)
        main = 1.0 if main_score >= MAIN_AREA_FULL else _clamp01(main_score * _BELOW_FULL_RATE)
        stack = len(self.found_stack(c.skills)) / len(self.stack) if self.stack else 0.0
        a0, a1, a2, a3, a4 = self.area_per_point
        coverage = (
            a0 * get(_A0, 0) + a1 * get(_A1, 0) + a2 * get(_A2, 0) + a3 * get(_A3, 0)
        ) + a4 * get(_A4, 0)
        level = c.production_level
        if level is None:
            production = VERDICT_CREDIT.get(c.verdict, 0.0)
        else:
            production = _clamp01(level / PRODUCTION_LEVEL_TOP)
        age = c.latest_evidence_age_years
        recency = 0.0 if age is None else _clamp01((ZERO_RECENCY_YEARS - age) / _RECENCY_SPAN)
        vetted_on = c.vetted_on
        vetted = (
            1.0 if vetted_on is not None and self.vetted_since <= vetted_on <= self.as_of else 0.0
        )
        start = self.brief.start_date
        available = c.available_from
        if start is None:
            availability = 0.0
        elif available is None:
            availability = UNKNOWN_CREDIT
        elif available <= start:
            availability = 1.0
        else:
            availability = _clamp01(1 - (available - start).days / LATE_START_GRACE_DAYS)
        ceiling = self.ceiling
        asked = c.day_rate
        if ceiling is None:
            rate = 0.0
        elif asked is None:
            rate = UNKNOWN_CREDIT
        elif asked <= ceiling:
            rate = 1.0
        else:
            rate = _clamp01(1 - (asked - ceiling) / (ceiling * OVER_BUDGET_TOLERANCE))
        return main, _clamp01(coverage), stack, production, recency, vetted, availability, rate

    def score(self, c: CandidateFacts) -> float:
        """The sum of the factor contributions, each rounded to one decimal as shown."""
        v0, v1, v2, v3, v4, v5, v6, v7 = self.values(c)
        p0, p1, p2, p3, p4, p5, p6, p7 = self.tenths_row
        tenths = (
            int(v0 * p0 + 0.5)
            + int(v1 * p1 + 0.5)
            + int(v2 * p2 + 0.5)
            + int(v3 * p3 + 0.5)
            + int(v4 * p4 + 0.5)
            + int(v5 * p5 + 0.5)
            + int(v6 * p6 + 0.5)
            + int(v7 * p7 + 0.5)
        )
        return tenths / 10

    def factors(self, c: CandidateFacts) -> list[Factor]:
        return [
            Factor(
                name=name,
                value=round(value, 3),
                weight=round(tenths / 10, 1),
                contribution=int(value * tenths + 0.5) / 10,
                why=self._why(name, c),
            )
            for name, value, tenths in zip(
                FACTOR_POINTS, self.values(c), self.tenths_row, strict=True
            )
            if name in self.points
        ]

    def _why(self, name: str, c: CandidateFacts) -> str:
        if name == "main area":
            score = c.areas.get(self.main_area, 0)
            return (
                f"{self.main_area} {score}/100, the brief's main area: full credit from "
                f"{MAIN_AREA_FULL} (real work there); below it at most "
                f"{MAIN_AREA_BELOW_CREDIT:.0%}, in proportion"
            )
        if name == "area coverage":
            parts = [
                f"{area} {c.areas.get(area, 0)}/100 at {share:.0%}"
                for area, share in self.area_shares
            ]
            return (
                "Screening area scores, each counted by the brief's weight squared so depth "
                "where the brief needs it counts over breadth: " + ", ".join(parts)
            )
        if name == "stack":
            found = self.found_stack(c.skills)
            missing = [term for term in self.stack.values() if term not in found]
            why = f"{len(found)} of {len(self.stack)} of the brief's stack among the skills found"
            if found:
                why += ": " + ", ".join(found)
            if missing:
                why += "; not found: " + ", ".join(missing)
            return why
        if name == "production evidence":
            if c.production_level is not None:
                return f"Production level {c.production_level} of {PRODUCTION_LEVEL_TOP}"
            return f"No production level given; verdict {c.verdict} sets the credit"
        if name == "recent evidence":
            age = c.latest_evidence_age_years
            if age is None:
                return "No dated evidence found"
            return (
                f"Latest evidence {age:.1f} years old: full credit up to "
                f"{FULL_RECENCY_YEARS:g} year, none from {ZERO_RECENCY_YEARS:g} years"
            )
        if name == "pre-vetted":
            return self._why_vetted(c)
        if name == "availability":
            return self._why_available(c)
        return self._why_rate(c)

    def _why_vetted(self, c: CandidateFacts) -> str:
        if c.vetted_on is None:
            return "Not vetted yet"
        days = (self.as_of - c.vetted_on).days
        if days < 0:
            return f"Vetting dated {c.vetted_on}, after the ranking date {self.as_of}: not counted"
        if days <= VETTED_VALID_DAYS:
            return f"Vetted on {c.vetted_on}, {days} days ago: within {VETTED_VALID_DAYS} days"
        return f"Vetted on {c.vetted_on}, {days} days ago: lapsed after {VETTED_VALID_DAYS} days"

    def _why_available(self, c: CandidateFacts) -> str:
        start = self.brief.start_date
        if c.available_from is None:
            return "Availability not known: half credit"
        late = (c.available_from - start).days if start else 0
        if late <= 0:
            return f"Available from {c.available_from}, by the start date {start}"
        return (
            f"Available from {c.available_from}, {late} days after the start date {start}; "
            f"no credit from {LATE_START_GRACE_DAYS} days late"
        )

    def _why_rate(self, c: CandidateFacts) -> str:
        ceiling = self.ceiling or 0.0
        limit = "budget" if self.brief.budget_day_rate else "top of the rate band"
        if c.day_rate is None:
            return "Day rate not known: half credit"
        if c.day_rate <= ceiling:
            why = f"Asks {_money(c.day_rate)}, within the {limit} of {_money(ceiling)}"
            low = self.brief.band_low
            if low is not None and c.day_rate < low:
                why += f"; below the market band from {_money(low)}, so check it is realistic"
            return why
        over = (c.day_rate - ceiling) / ceiling
        return (
            f"Asks {_money(c.day_rate)}, {over:.0%} over the {limit} of {_money(ceiling)}; "
            f"no credit from {OVER_BUDGET_TOLERANCE:.0%} over"
        )


def rank_candidates(
    brief: BriefFacts,
    candidates: Sequence[CandidateFacts],
    as_of: date,
    skill_names: SkillNames | None = None,
) -> Ranking:
    """Rank the pool for a brief on the given date: best first, ties by candidate id."""
    scorer = _Scorer(brief, as_of, skill_names or SkillNames.from_taxonomy())
    if not candidates:
        return Ranking(ranked=[], excluded=[], message=EMPTY_POOL_MESSAGE, notes=scorer.notes)
    ranked: list[RankedCandidate] = []
    excluded: list[Excluded] = []
    spellings = list(scorer.spellings.values())
    seen = scorer.seen_spellings
    score = scorer.score
    for c in candidates:
        if spellings:
            skills = c.skills
            if not skills <= seen:
                scorer.learn_spellings(skills)
            if any(spelled.isdisjoint(skills) for spelled in spellings):
                excluded.append(Excluded(c.candidate_id, c.name, c, scorer))
                continue
        if c.verdict == "not_ml":
            excluded.append(Excluded(c.candidate_id, c.name, c, scorer))
            continue
        ranked.append(RankedCandidate(c.candidate_id, c.name, c.source_file, score(c), c, scorer))
    # Two stable sorts: best score first, and candidate id order among equal scores.
    ranked.sort(key=attrgetter("candidate_id"))
    ranked.sort(key=attrgetter("score"), reverse=True)
    excluded.sort(key=attrgetter("candidate_id"))
    message = ALL_EXCLUDED_MESSAGE if not ranked else None
    return Ranking(ranked=ranked, excluded=excluded, message=message, notes=scorer.notes)
