"""Every query of matching: vettings, the pool's ranking facts, and full-text search."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, column, func, or_, select, text
from sqlalchemy.orm import Session

from hireloop.candidates.models import Candidate, Document
from hireloop.matching.models import CandidateFact, Vetting

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


class PoolRepository:
    """The ranking facts of every screened candidate, read in one set-based query."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def fact_rows(self) -> Sequence[tuple[Any, ...]]:
        """Rows of (candidate_id, name, source_file, verdict, overridden, production_level,
        score, five area scores in AREA_IDS order, skills, latest_evidence_age_years,
        vetted_on, location), ordered by candidate id."""
        vetting = _latest_vetting()
        stmt = (
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
            .order_by(CandidateFact.candidate_id)
        )
        return self.session.execute(stmt).all()

    def size(self) -> int:
        return self.session.scalar(select(func.count()).select_from(CandidateFact)) or 0


@dataclass(frozen=True)
class SearchFilters:
    terms: tuple[str, ...] = ()
    verdict: str | None = None
    area: str | None = None
    location: str | None = None
    vetted_since: date | None = None
    vetted_until: date | None = None


# The expression of the GIN index `documents_fts` (migration 0006): queries must repeat it.
PG_DOCUMENT_VECTOR = "to_tsvector('english', translate(filename, '-_./', '    ') || ' ' || text)"


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
                f"{PG_DOCUMENT_VECTOR} "
                "@@ plainto_tsquery('english', :fts_query)"
            ).bindparams(fts_query=" ".join(terms))
        else:
            matching = text(
                "SELECT documents.candidate_id FROM documents_fts "
                "JOIN documents ON documents.id = documents_fts.rowid "
                "WHERE documents_fts MATCH :fts_query"
            ).bindparams(fts_query=" ".join(f'"{t.replace(chr(34), chr(34) * 2)}"' for t in terms))
        in_name = and_(*(func.lower(Candidate.name).contains(t.lower()) for t in terms))
        return or_(Candidate.id.in_(matching.columns(column("candidate_id", Integer))), in_name)

    def _filtered(self, filters: SearchFilters) -> Select[*tuple[Any, ...]]:
        verdict = func.coalesce(Candidate.verdict_override, CandidateFact.verdict)
        vetting = _latest_vetting()
        stmt: Select[*tuple[Any, ...]] = (
            select(
                Candidate.id,
                Candidate.name,
                Candidate.location,
                CandidateFact.source_file,
                verdict,
                CandidateFact.score,
                *AREA_COLUMNS.values(),
                vetting.c.vetted_on,
            )
            .outerjoin(CandidateFact, CandidateFact.candidate_id == Candidate.id)
            .outerjoin(vetting, vetting.c.candidate_id == Candidate.id)
        )
        if filters.terms:
            stmt = stmt.where(self._text_match(filters.terms))
        if filters.verdict is not None:
            stmt = stmt.where(verdict == filters.verdict)
        if filters.area is not None:
            stmt = stmt.where(AREA_COLUMNS[filters.area] >= 50)
        if filters.location is not None:
            stmt = stmt.where(func.lower(Candidate.location).contains(filters.location.lower()))
        if filters.vetted_since is not None and filters.vetted_until is not None:
            stmt = stmt.where(
                vetting.c.vetted_on >= filters.vetted_since,
                vetting.c.vetted_on <= filters.vetted_until,
            )
        return stmt

    def search(self, filters: SearchFilters, limit: int) -> Sequence[tuple[Any, ...]]:
        """Rows of (id, name, location, source_file, verdict, score, five area scores,
        vetted_on): best screening score first, then by id."""
        stmt = self._filtered(filters).order_by(
            func.coalesce(CandidateFact.score, -1).desc(), Candidate.id
        )
        return self.session.execute(stmt.limit(limit)).all()

    def count(self, filters: SearchFilters) -> int:
        inner = self._filtered(filters).subquery()
        return self.session.scalar(select(func.count()).select_from(inner)) or 0

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
