from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hireloop.candidates.models import Candidate, Document, ImportBatch, ImportItem, Screening


class CandidateRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, candidate_id: int) -> Candidate | None:
        return self.session.get(Candidate, candidate_id)

    def add(self, candidate: Candidate) -> Candidate:
        self.session.add(candidate)
        self.session.flush()
        return candidate

    def page(self, *, limit: int = 500, offset: int = 0) -> list[Candidate]:
        stmt = select(Candidate).order_by(Candidate.id).limit(limit).offset(offset)
        return list(self.session.scalars(stmt))

    def same_person(self, email: str | None, phone: str | None) -> Candidate | None:
        """The earliest candidate sharing this e-mail or phone, if any."""
        conditions = []
        if email:
            conditions.append(Candidate.email == email)
        if phone:
            conditions.append(Candidate.phone == phone)
        if not conditions:
            return None
        stmt = select(Candidate).where(or_(*conditions)).order_by(Candidate.id).limit(1)
        return self.session.scalar(stmt)

    def documents(self, candidate_id: int) -> list[Document]:
        stmt = select(Document).where(Document.candidate_id == candidate_id).order_by(Document.id)
        return list(self.session.scalars(stmt))

    def document_by_hash(self, sha256: str) -> Document | None:
        return self.session.scalar(select(Document).where(Document.sha256 == sha256))

    def add_document(self, document: Document) -> Document:
        self.session.add(document)
        self.session.flush()
        return document


class ImportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_batch(self, batch: ImportBatch) -> ImportBatch:
        self.session.add(batch)
        self.session.flush()
        return batch

    def get_batch(self, batch_id: int) -> ImportBatch | None:
        return self.session.get(ImportBatch, batch_id)

    def add_item(self, item: ImportItem) -> ImportItem:
        self.session.add(item)
        self.session.flush()
        return item

    def items(self, batch_id: int, status: str | None = None) -> list[ImportItem]:
        stmt = select(ImportItem).where(ImportItem.batch_id == batch_id).order_by(ImportItem.id)
        if status is not None:
            stmt = stmt.where(ImportItem.status == status)
        return list(self.session.scalars(stmt))

    def recent_batches(self, limit: int = 20) -> list[ImportBatch]:
        stmt = select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)
        return list(self.session.scalars(stmt))

    def known_hashes(self) -> set[str]:
        return set(self.session.scalars(select(Document.sha256)))


class ScreeningRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, screening: Screening) -> Screening:
        self.session.add(screening)
        self.session.flush()
        return screening

    def latest(self, candidate_id: int) -> Screening | None:
        stmt = (
            select(Screening)
            .where(Screening.candidate_id == candidate_id)
            .order_by(Screening.id.desc())
            .limit(1)
        )
        return self.session.scalar(stmt)

    def latest_documents(self) -> list[Document]:
        """The newest document of every candidate, for re-screening."""
        newest = (
            select(func.max(Document.id))
            .where(Document.candidate_id.is_not(None))
            .group_by(Document.candidate_id)
        )
        stmt = select(Document).where(Document.id.in_(newest)).order_by(Document.id)
        return list(self.session.scalars(stmt))
