"""Turning extracted CVs into candidates: one file at a time, idempotent by content hash.

Every file ends as `imported`, `duplicate` (its bytes were imported before) or `failed` with
its reason. A person who looks like an existing candidate (same e-mail or phone) becomes a new
candidate flagged as a possible duplicate: people are never merged silently.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.candidates.models import Candidate, Document, ImportBatch, ImportItem
from hireloop.candidates.repository import CandidateRepository, ImportRepository
from hireloop.candidates.screening_service import screen_document
from hireloop.compliance.service import record
from hireloop.db import utcnow
from hireloop.documents import ExtractionOutcome, find_contact
from hireloop.kit.store import ContentStore
from hireloop.pipeline.service import add_to_brief


def start_batch(
    session: Session, actor: User | None, brief: Brief | None, source: str
) -> ImportBatch:
    batch = ImportRepository(session).add_batch(
        ImportBatch(
            actor_id=actor.id if actor else None,
            brief_id=brief.id if brief else None,
            source=source[:2000],
        )
    )
    record(session, actor, "import.start", "import_batch", batch.id, {"source": source[:500]})
    return batch


def finish_batch(session: Session, batch: ImportBatch) -> ImportBatch:
    batch.status = "finished"
    batch.finished_at = utcnow()
    session.flush()
    return batch


def record_duplicate(session: Session, batch: ImportBatch, file: str, sha256: str) -> ImportItem:
    existing = CandidateRepository(session).document_by_hash(sha256)
    batch.duplicates += 1
    return ImportRepository(session).add_item(
        ImportItem(
            batch_id=batch.id,
            file=file,
            status="duplicate",
            sha256=sha256,
            document_id=existing.id if existing else None,
            candidate_id=existing.candidate_id if existing else None,
        )
    )


def record_outcome(
    session: Session,
    batch: ImportBatch,
    outcome: ExtractionOutcome,
    *,
    store: ContentStore,
    as_of: date,
    brief: Brief | None,
    actor: User | None,
) -> ImportItem:
    """Store one extraction outcome: a failure with its reason, or a screened candidate."""
    repo = ImportRepository(session)
    if outcome.status != "ok" or outcome.document is None or outcome.data is None:
        batch.failed += 1
        return repo.add_item(
            ImportItem(
                batch_id=batch.id,
                file=outcome.file,
                status="failed",
                error_code=outcome.error_code,
                error=outcome.error or "the file could not be read",
                sha256=outcome.sha256,
            )
        )
    document = outcome.document
    candidates = CandidateRepository(session)
    if candidates.document_by_hash(document.sha256) is not None:
        return record_duplicate(session, batch, outcome.file, document.sha256)
    store.put(outcome.data)
    contact = find_contact(document.text, document.structured)
    candidate = Candidate(
        name=contact.name or _name_from_file(outcome.file),
        email=contact.email,
        phone=contact.phone,
    )
    twin = candidates.same_person(contact.email, contact.phone)
    if twin is not None:
        candidate.possible_duplicate_of_id = twin.id
        same = "e-mail" if contact.email and twin.email == contact.email else "phone number"
        candidate.duplicate_reason = f"same {same} as candidate {twin.id}"
    candidates.add(candidate)
    stored = candidates.add_document(
        Document(
            candidate_id=candidate.id,
            sha256=document.sha256,
            filename=outcome.file[-500:],
            format=document.format,
            pages=document.pages,
            size_bytes=len(outcome.data),
            text=document.text,
        )
    )
    screen_document(session, candidate, stored, as_of)
    if brief is not None:
        add_to_brief(session, brief, candidate, actor)
    batch.imported += 1
    return repo.add_item(
        ImportItem(
            batch_id=batch.id,
            file=outcome.file,
            status="imported",
            sha256=document.sha256,
            document_id=stored.id,
            candidate_id=candidate.id,
        )
    )


def _name_from_file(file: str) -> str:
    stem = PurePosixPath(file).stem.replace("_", " ").replace("-", " ")
    stem = stem.lstrip("0123456789 ").strip()
    return stem.title()[:200] or "Unnamed candidate"
