"""Every query of matching: vettings, the pool's ranking facts, and full-text search."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    and_,
    case,
    column,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from hireloop.candidates.models import Candidate, Document
from hireloop.matching.models import CandidateFact, Vetting
from hireloop.matching.pool import PRERANK_MARGIN, SKILL_SEPARATOR, PrerankSpec

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
        """The ranking's score computed by the database (each factor unrounded)."""
        area = sum(
            (AREA_COLUMNS[a] * literal(p, Float) for a, p in spec.area_points.items()),
            start=literal(spec.unknown_points, Float),
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
            + production * literal(spec.production_points, Float)
            + recency * literal(spec.recency_points, Float)
            + vetted * literal(spec.vetted_points, Float)
        )

    @staticmethod
    def _eligible(spec: PrerankSpec) -> ColumnElement[bool]:
        """Not excluded: an ML verdict, and every must-have among the skills."""
        verdict = func.coalesce(Candidate.verdict_override, CandidateFact.verdict)
        lined = literal(SKILL_SEPARATOR) + func.lower(CandidateFact.skills) + SKILL_SEPARATOR
        musts = [
            or_(*(lined.contains(SKILL_SEPARATOR + s + SKILL_SEPARATOR) for s in spellings))
            for spellings in spec.required
        ]
        return and_(verdict != "not_ml", *musts)

    def prerank(self, spec: PrerankSpec, limit: int) -> PrerankRows:
        """Those who can reach the top `limit` (within PRERANK_MARGIN of the limit-th best
        score), and the first `limit` excluded, with the pool's counts."""
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
            top = top.where(score >= float(best[-1][0]) - PRERANK_MARGIN)
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
    """Full-text search with the database's own engine: FTS5 on SQLite, tsvector on PostgreSQL."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name

    def _text_match(self, terms: tuple[str, ...]) -> ColumnElement[bool]:
        """Candidates one of whose documents holds every term (or whose name holds them all)."""
        if self.dialect == "postgresql":
            matching = text(
                "SELECT documents.candidate_id FROM documents WHERE "
                "documents_fts_vector @@ plainto_tsquery('english', :fts_query)"
            ).bindparams(fts_query=" ".join(terms))
        else:
            matching = text(
                "SELECT documents.candidate_id FROM documents_fts "
                "JOIN documents ON documents.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :fts_query"
            ).bindparams(fts_query=" ".join(f'"{t.replace(chr(34), chr(34) * 2)}"' for t in terms))
        # A name is found through the CV text and file name, where the import read it from.
        return Candidate.id.in_(matching.columns(column("candidate_id", Integer)))

    def _filtered(self, filters: SearchFilters) -> Select[*tuple[Any, ...]]:
        verdict = func.coalesce(Candidate.verdict_override, CandidateFact.verdict)
        stmt: Select[*tuple[Any, ...]] = select(
            Candidate.id,
            Candidate.name,
            Candidate.location,
            CandidateFact.source_file,
            verdict,
            CandidateFact.score,
            *AREA_COLUMNS.values(),
        ).outerjoin(CandidateFact, CandidateFact.candidate_id == Candidate.id)
        if filters.terms:
            stmt = stmt.where(self._text_match(filters.terms))
        if filters.verdict is not None:
            stmt = stmt.where(verdict == filters.verdict)
        if filters.area is not None:
            stmt = stmt.where(AREA_COLUMNS[filters.area] >= 50)
        if filters.location is not None:
            stmt = stmt.where(func.lower(Candidate.location).contains(filters.location.lower()))
        if filters.vetted_since is not None and filters.vetted_until is not None:
            vetted = select(Vetting.candidate_id).where(
                Vetting.vetted_on.between(filters.vetted_since, filters.vetted_until)
            )
            stmt = stmt.where(Candidate.id.in_(vetted))
        return stmt

    def search(self, filters: SearchFilters, limit: int) -> Sequence[tuple[Any, ...]]:
        """Rows of (id, name, location, source_file, verdict, score, five area scores, how
        many match in all): best screening score first, then by id."""
        stmt = (
            self._filtered(filters)
            .add_columns(func.count().over())
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
