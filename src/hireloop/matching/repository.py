"""Every query of matching: vettings, the pool's ranking facts, and full-text search."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    String,
    and_,
    case,
    column,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Session

from hireloop.candidates.models import Candidate, Document
from hireloop.matching.models import CandidateFact, Vetting
from hireloop.matching.pool import PRERANK_MARGIN, SKILL_SEPARATOR, PrerankSpec

# The narrow search table of migration 0008 (PostgreSQL only; no model describes it).
_PG_SEARCH = table(
    "documents_fts_candidates",
    column("candidate_id", Integer),
    column("score", Integer),
    column("verdict", String),
    column("vector", TSVECTOR),
)
_PG_CONFIG: ColumnElement[Any] = literal_column("'english'::regconfig")
AREA_COLUMNS = {
    "pytorch_production": CandidateFact.area_pytorch_production,
    "llm_rag": CandidateFact.area_llm_rag,
    "mlops": CandidateFact.area_mlops,
    "python_stack": CandidateFact.area_python_stack,
    "distributed_gpu": CandidateFact.area_distributed_gpu,
}


class VettingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, vetting: Vetting) -> Vetting:
        self.session.add(vetting)
        self.session.flush()
        return vetting

    def latest(self, candidate_id: int) -> Vetting | None:
        stmt = (
            select(Vetting)
            .where(Vetting.candidate_id == candidate_id)
            .order_by(Vetting.vetted_on.desc(), Vetting.id.desc())
            .limit(1)
        )
        return self.session.scalar(stmt)

    def history(self, candidate_id: int) -> list[Vetting]:
        stmt = (
            select(Vetting)
            .where(Vetting.candidate_id == candidate_id)
            .order_by(Vetting.vetted_on.desc(), Vetting.id.desc())
        )
        return list(self.session.scalars(stmt))


def _latest_vetting() -> Any:
    """Each candidate's newest vetting date, as a subquery (candidate_id, vetted_on)."""
    return (
        select(Vetting.candidate_id, func.max(Vetting.vetted_on).label("vetted_on"))
        .group_by(Vetting.candidate_id)
        .subquery("latest_vetting")
    )


def _credit(verdict: Any, credits: dict[str, float]) -> Any:
    return case(*((verdict == v, literal(c, Float)) for v, c in credits.items()), else_=0.0)


def _lined_skills() -> Any:
    """The skills as one lower-case string with a separator before and after each."""
    return literal(SKILL_SEPARATOR) + func.lower(CandidateFact.skills) + SKILL_SEPARATOR


def _has_skill(lined: Any, spellings: Sequence[str]) -> ColumnElement[bool]:
    return or_(*(lined.contains(SKILL_SEPARATOR + s + SKILL_SEPARATOR) for s in spellings))


@dataclass(frozen=True)
class PrerankRows:
    pool: int
    eligible: int
    rows: Sequence[tuple[Any, ...]]
    excluded_rows: Sequence[tuple[Any, ...]]


class PoolRepository:
    """The ranking facts of every screened candidate, read with set-based queries."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @staticmethod
    def _facts(vetting: Any) -> Select[*tuple[Any, ...]]:
        """(candidate_id, name, source_file, verdict, overridden, production_level, score,
        five area scores in AREA_IDS order, skills, latest_evidence_age_years, vetted_on,
        location) per screened candidate."""
        return (
            select(
                CandidateFact.candidate_id,
                Candidate.name,
                CandidateFact.source_file,
                func.coalesce(Candidate.verdict_override, CandidateFact.verdict),
                Candidate.verdict_override.is_not(None),
                CandidateFact.production_level,
                CandidateFact.score,
                *AREA_COLUMNS.values(),
                CandidateFact.skills,
                CandidateFact.latest_evidence_age_years,
                vetting.c.vetted_on,
                Candidate.location,
            )
            .join(Candidate, Candidate.id == CandidateFact.candidate_id)
            .outerjoin(vetting, vetting.c.candidate_id == CandidateFact.candidate_id)
        )

    def fact_rows(self) -> Sequence[tuple[Any, ...]]:
        """Every screened candidate's facts, ordered by candidate id."""
        stmt = self._facts(_latest_vetting()).order_by(CandidateFact.candidate_id)
        return self.session.execute(stmt).all()

    def size(self) -> int:
        return self.session.scalar(select(func.count()).select_from(CandidateFact)) or 0

    @staticmethod
    def _score(spec: PrerankSpec, vetting: Any) -> Any:
        """The ranking's score computed by the database: each factor unrounded, and without
        the stack factor (see prerank)."""
        area = sum(
            (AREA_COLUMNS[a] * literal(p, Float) for a, p in spec.area_points.items()),
            start=literal(spec.unknown_points, Float),
        )
        main_score = AREA_COLUMNS[spec.main_area]
        main = case(
            (main_score >= spec.main_full, literal(1.0, Float)),
            (main_score <= 0, literal(0.0, Float)),
            else_=main_score * literal(spec.main_below_rate, Float),
        )
        level = CandidateFact.production_level
        production = case(
            (
                Candidate.verdict_override.is_not(None),
                _credit(Candidate.verdict_override, spec.verdict_credit),
            ),
            (level.is_(None), _credit(CandidateFact.verdict, spec.verdict_credit)),
            (level >= spec.level_top, literal(1.0, Float)),
            else_=level * literal(1.0 / spec.level_top, Float),
        )
        age = CandidateFact.latest_evidence_age_years
        recency = case(
            (age.is_(None), literal(0.0, Float)),
            (age <= spec.full_years, literal(1.0, Float)),
            (age >= spec.zero_years, literal(0.0, Float)),
            else_=(literal(spec.zero_years, Float) - age)
            * literal(1.0 / (spec.zero_years - spec.full_years), Float),
        )
        vetted = case(
            (vetting.c.vetted_on.between(spec.vetted_since, spec.as_of), literal(1.0, Float)),
            else_=literal(0.0, Float),
        )
        return (
            area
            + main * literal(spec.main_points, Float)
            + production * literal(spec.production_points, Float)
            + recency * literal(spec.recency_points, Float)
            + vetted * literal(spec.vetted_points, Float)
        )

    @staticmethod
    def _eligible(spec: PrerankSpec) -> ColumnElement[bool]:
        """Not excluded: an ML verdict, and every must-have among the skills."""
        verdict = func.coalesce(Candidate.verdict_override, CandidateFact.verdict)
        lined = _lined_skills()
        musts = [_has_skill(lined, spellings) for spellings in spec.required]
        return and_(verdict != "not_ml", *musts)

    def prerank(self, spec: PrerankSpec, limit: int) -> PrerankRows:
        """Those who can reach the top `limit` (within PRERANK_MARGIN and the stack factor's
        points of the limit-th best score), and the first `limit` excluded, with the pool's
        counts."""
        vetting = _latest_vetting()
        score = self._score(spec, vetting).label("prerank_score")
        eligible = self._eligible(spec)
        facts = self._facts(vetting)
        best = self.session.execute(
            facts.with_only_columns(score, func.count().over())
            .where(eligible)
            .order_by(score.desc())
            .limit(limit)
        ).all()
        top = facts.where(eligible)
        if len(best) == limit:
            # The stack factor is not in the database's score: anyone it could lift is kept.
            top = top.where(score >= float(best[-1][0]) - PRERANK_MARGIN - spec.stack_points)
        excluded = facts.where(~eligible).order_by(CandidateFact.candidate_id).limit(limit)
        return PrerankRows(
            pool=self.size(),
            eligible=best[0][1] if best else 0,
            rows=self.session.execute(top).all() if best else [],
            excluded_rows=self.session.execute(excluded).all(),
        )


@dataclass(frozen=True)
class SearchFilters:
    terms: tuple[str, ...] = ()
    verdict: str | None = None
    area: str | None = None
    location: str | None = None
    vetted_since: date | None = None
    vetted_until: date | None = None


class SearchRepository:
    """Full-text search with the database's own engine: FTS5 on SQLite, tsvector on PostgreSQL.

    With words, the matches come first from the narrow search index alone (on PostgreSQL the
    table documents_fts_candidates of migration 0008, which also holds the screening score the
    results are sorted by), the filters narrow them, and only the first `limit` are joined to
    the candidates and their facts; the total is counted from the same set of matches.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name

    def _matches(self, terms: tuple[str, ...]) -> Select[*tuple[Any, ...]]:
        """(candidate_id, score) of every candidate whose CV text or file name holds every term
        (a name is found through the CV text, where the import read it from); score is the
        screening score, -1 for a candidate not screened yet."""
        if self.dialect == "postgresql":
            return select(_PG_SEARCH.c.candidate_id, _PG_SEARCH.c.score).where(
                _PG_SEARCH.c.vector.op("@@")(func.plainto_tsquery(_PG_CONFIG, " ".join(terms)))
            )
        query = " ".join(f'"{t.replace(chr(34), chr(34) * 2)}"' for t in terms)
        matching = text(
            # The owner of each matching document from the narrow index of migration 0008,
            # not from the wide documents row.
            "SELECT documents.candidate_id FROM documents_fts "
            "JOIN documents INDEXED BY documents_fts_owner ON documents.id = documents_fts.rowid "
            "WHERE documents_fts MATCH :fts_query"
        ).bindparams(fts_query=query)
        ids = matching.columns(column("candidate_id", Integer)).subquery("fts_ids")
        return (
            select(ids.c.candidate_id, func.coalesce(CandidateFact.score, -1).label("score"))
            .outerjoin(CandidateFact, CandidateFact.candidate_id == ids.c.candidate_id)
            .distinct()
        )

    @staticmethod
    def _where(filters: SearchFilters, candidate_id: Any) -> list[ColumnElement[bool]]:
        """The filters other than the words, for the candidate id given."""
        verdict = func.coalesce(Candidate.verdict_override, CandidateFact.verdict)
        conditions: list[ColumnElement[bool]] = []
        if filters.verdict is not None:
            conditions.append(verdict == filters.verdict)
        if filters.area is not None:
            conditions.append(AREA_COLUMNS[filters.area] >= 50)
        if filters.location is not None:
            conditions.append(func.lower(Candidate.location).contains(filters.location.lower()))
        if filters.vetted_since is not None and filters.vetted_until is not None:
            vetted = select(Vetting.candidate_id).where(
                Vetting.vetted_on.between(filters.vetted_since, filters.vetted_until)
            )
            conditions.append(candidate_id.in_(vetted))
        return conditions

    @staticmethod
    def _row_columns() -> list[Any]:
        return [
            Candidate.id,
            Candidate.name,
            Candidate.location,
            CandidateFact.source_file,
            func.coalesce(Candidate.verdict_override, CandidateFact.verdict),
            CandidateFact.score,
            *AREA_COLUMNS.values(),
        ]

    def search(self, filters: SearchFilters, limit: int) -> Sequence[tuple[Any, ...]]:
        """Rows of (id, name, location, source_file, verdict, score, five area scores, how
        many match in all): best screening score first, then by id."""
        if not filters.terms:
            return self._search_without_words(filters, limit)
        matching = self._matches(filters.terms)
        if self.dialect == "postgresql" and filters.verdict is not None:
            # The search table holds the verdict too: no join for the commonest filter.
            matching = matching.where(_PG_SEARCH.c.verdict == filters.verdict)
            filters = replace(filters, verdict=None)
        matches: Any
        if self.dialect == "postgresql" and filters.location is not None:
            # Matched first, from the index alone: the planner cannot estimate a location
            # filter, and would otherwise test each candidate in a city against the index.
            matches = matching.cte("matches").prefix_with("MATERIALIZED")
        else:
            matches = matching.subquery("matches")
        hits = select(matches.c.candidate_id, matches.c.score)
        conditions = self._where(filters, matches.c.candidate_id)
        if conditions:
            hits = (
                hits.join(Candidate, Candidate.id == matches.c.candidate_id)
                .outerjoin(CandidateFact, CandidateFact.candidate_id == matches.c.candidate_id)
                .where(*conditions)
            )
        found = hits.cte("hits")
        first = (
            select(found.c.candidate_id, found.c.score)
            .order_by(found.c.score.desc(), found.c.candidate_id)
            .limit(limit)
            .subquery("first")
        )
        total = select(func.count()).select_from(found).scalar_subquery()
        stmt = (
            select(*self._row_columns(), total)
            .select_from(first)
            .join(Candidate, Candidate.id == first.c.candidate_id)
            .outerjoin(CandidateFact, CandidateFact.candidate_id == first.c.candidate_id)
            .order_by(first.c.score.desc(), first.c.candidate_id)
        )
        return self.session.execute(stmt).all()

    def _search_without_words(
        self, filters: SearchFilters, limit: int
    ) -> Sequence[tuple[Any, ...]]:
        stmt = (
            select(*self._row_columns(), func.count().over())
            .outerjoin(CandidateFact, CandidateFact.candidate_id == Candidate.id)
            .where(*self._where(filters, Candidate.id))
            .order_by(func.coalesce(CandidateFact.score, -1).desc(), Candidate.id)
        )
        return self.session.execute(stmt.limit(limit)).all()

    def latest_vettings(self, candidate_ids: Sequence[int]) -> dict[int, date]:
        """Each candidate's newest vetting date, for those who have one."""
        stmt = (
            select(Vetting.candidate_id, func.max(Vetting.vetted_on))
            .where(Vetting.candidate_id.in_(candidate_ids))
            .group_by(Vetting.candidate_id)
        )
        return {cid: day for cid, day in self.session.execute(stmt)}

    def latest_texts(self, candidate_ids: Sequence[int]) -> dict[int, str]:
        """The text of each candidate's newest document."""
        if not candidate_ids:
            return {}
        newest = (
            select(func.max(Document.id))
            .where(Document.candidate_id.in_(candidate_ids))
            .group_by(Document.candidate_id)
        )
        stmt = select(Document.candidate_id, Document.text).where(Document.id.in_(newest))
        return {cid: body for cid, body in self.session.execute(stmt) if cid is not None}
