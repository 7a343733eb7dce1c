"""A brief's shortlist: who is put forward, the evidence behind each, and the terms gate.

The gate: the shortlist is presented or exported to the client only when every candidate on it
has an agreed term sheet for the brief. A refusal names each candidate and what is still open.
Every export is logged in the audit trail with who exported which candidates in what format.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import ScreeningRepository
from hireloop.compliance.service import record
from hireloop.contracts.repository import TermSheetRepository
from hireloop.db import utcnow
from hireloop.kit.errors import InvalidInput, NotFound
from hireloop.pipeline.repository import PipelineRepository
from hireloop.pipeline.service import add_to_brief, move
from hireloop.shortlists.errors import AlreadyShortlisted, TermsOpen
from hireloop.shortlists.models import ShortlistEntry, ShortlistPresentation
from hireloop.shortlists.repository import ShortlistRepository

EXPORT_FORMATS = ("csv", "json", "print")
# Stages a candidate moves on from when shortlisted; later stages are left where they are.
MOVE_TO_SHORTLISTED_FROM = frozenset({"sourced", "screened", "rejected"})
# Production evidence first: it is what justifies putting a senior ML engineer forward.
EVIDENCE_KINDS = (
    "deployment",
    "scale",
    "latency",
    "reliability",
    "monitoring",
    "pipeline",
    "impact",
    "ml_work",
    "tool",
)
EVIDENCE_RANK = {kind: rank for rank, kind in enumerate(EVIDENCE_KINDS)}
EVIDENCE_SHOWN = 6
CSV_COLUMNS = (
    "candidate_id",
    "name",
    "verdict",
    "engine_verdict",
    "verdict_override",
    "override_reason",
    "production_level",
    "score",
    "strongest_areas",
    "evidence",
    "missing",
    "terms_status",
    "engagement_type",
    "day_rate",
    "start_date",
    "end_date",
    "note",
)


@dataclass(frozen=True)
class EvidenceSummary:
    """Why a candidate is on the shortlist: their screening and any person's override."""

    engine_verdict: str | None = None
    override: str | None = None
    override_reason: str | None = None
    production_level: int | None = None
    score: int | None = None
    areas: dict[str, int] = field(default_factory=dict)
    evidence: list[dict[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    screened_on: date | None = None

    @property
    def verdict(self) -> str | None:
        return self.override or self.engine_verdict

    @property
    def strongest_areas(self) -> list[str]:
        ranked = sorted(self.areas.items(), key=lambda kv: (-kv[1], kv[0]))
        return [f"{area} {score}" for area, score in ranked if score > 0][:3]


@dataclass(frozen=True)
class TermsSummary:
    term_sheet_id: int | None
    status: str
    engagement_type: str | None = None
    day_rate: float | None = None
    start_date: date | None = None
    end_date: date | None = None

    @property
    def agreed(self) -> bool:
        return self.status == "agreed"

    @property
    def problem(self) -> str | None:
        if self.term_sheet_id is None:
            return "no term sheet"
        if not self.agreed:
            return f"terms are {self.status}, not agreed"
        return None


@dataclass(frozen=True)
class ShortlistRow:
    entry: ShortlistEntry
    candidate: Candidate
    evidence: EvidenceSummary
    terms: TermsSummary


@dataclass(frozen=True)
class ShortlistExport:
    filename: str
    content_type: str
    body: str
    rows: list[ShortlistRow]


def add_to_shortlist(
    session: Session, brief: Brief, candidate: Candidate, actor: User | None, note: str = ""
) -> ShortlistEntry:
    """Put a candidate on the shortlist and move them to "shortlisted" on the brief's board."""
    repo = ShortlistRepository(session)
    if repo.find(brief.id, candidate.id) is not None:
        raise AlreadyShortlisted(f"{candidate.name} is already on this shortlist")
    entry = repo.add(
        ShortlistEntry(
            brief_id=brief.id,
            candidate_id=candidate.id,
            added_by_id=actor.id if actor else None,
            note=note.strip()[:2000],
        )
    )
    application = add_to_brief(session, brief, candidate, actor)
    if application.stage in MOVE_TO_SHORTLISTED_FROM:
        move(session, application.id, "shortlisted", actor, "added to the shortlist")
    record(session, actor, "shortlist.add", "brief", brief.id, {"candidate_id": candidate.id})
    return entry


def remove_from_shortlist(
    session: Session, brief: Brief, candidate: Candidate, actor: User | None
) -> None:
    """Take a candidate off the shortlist; a "shortlisted" board card goes back to "screened"."""
    repo = ShortlistRepository(session)
    entry = repo.find(brief.id, candidate.id)
    if entry is None:
        raise NotFound(f"{candidate.name} is not on this shortlist")
    repo.remove(entry)
    application = PipelineRepository(session).find(brief.id, candidate.id)
    if application is not None and application.stage == "shortlisted":
        move(session, application.id, "screened", actor, "removed from the shortlist")
    record(session, actor, "shortlist.remove", "brief", brief.id, {"candidate_id": candidate.id})


def _evidence(session: Session, candidate: Candidate) -> EvidenceSummary:
    screening = ScreeningRepository(session).latest(candidate.id)
    override, reason = candidate.verdict_override, candidate.override_reason
    if screening is None:
        return EvidenceSummary(override=override, override_reason=reason)
    items = [e for e in screening.result.get("evidence", []) if e.get("kind") in EVIDENCE_RANK]
    items.sort(key=lambda e: (EVIDENCE_RANK[e["kind"]], -float(e.get("weight", 0))))
    shown = [
        {
            "quote": str(e.get("quote", "")),
            "kind": str(e.get("kind", "")),
            "area": str(e.get("area") or ""),
            "section": str(e.get("section") or ""),
        }
        for e in items[:EVIDENCE_SHOWN]
    ]
    return EvidenceSummary(
        engine_verdict=screening.verdict,
        production_level=screening.production_level,
        score=screening.score,
        areas=dict(screening.areas),
        evidence=shown,
        missing=[str(m) for m in screening.result.get("missing", [])],
        screened_on=screening.as_of,
        override=override,
        override_reason=reason,
    )


def shortlist(session: Session, brief_id: int) -> list[ShortlistRow]:
    """Every shortlisted candidate with their evidence summary and the state of their terms."""
    pairs = ShortlistRepository(session).entries(brief_id)
    sheets = TermSheetRepository(session).for_candidates(brief_id, [c.id for _, c in pairs])
    rows = []
    for entry, candidate in pairs:
        sheet = sheets.get(candidate.id)
        terms = (
            TermsSummary(None, "none")
            if sheet is None
            else TermsSummary(
                sheet.id,
                sheet.status,
                sheet.engagement_type,
                sheet.day_rate,
                sheet.start_date,
                sheet.end_date,
            )
        )
        rows.append(ShortlistRow(entry, candidate, _evidence(session, candidate), terms))
    return rows


def gate_problems(rows: list[ShortlistRow]) -> list[str]:
    """One line per candidate whose terms are not agreed, naming who and what is open."""
    return [f"{r.candidate.name}: {r.terms.problem}" for r in rows if r.terms.problem]


def check_gate(rows: list[ShortlistRow], action: str) -> None:
    problems = gate_problems(rows)
    if problems:
        detail = [
            {
                "candidate_id": r.candidate.id,
                "name": r.candidate.name,
                "terms_status": r.terms.status,
                "term_sheet_id": r.terms.term_sheet_id,
            }
            for r in rows
            if r.terms.problem
        ]
        raise TermsOpen(action, problems, detail)


def summary(session: Session, brief_id: int) -> tuple[int, int]:
    """How many candidates are on the shortlist and how many of them have agreed terms."""
    rows = shortlist(session, brief_id)
    return len(rows), sum(1 for r in rows if r.terms.agreed)


def present_shortlist(
    session: Session, brief: Brief, actor: User | None, note: str = ""
) -> ShortlistPresentation:
    """Record that the shortlist went to the client; refused while any terms are open."""
    rows = shortlist(session, brief.id)
    if not rows:
        raise InvalidInput(
            "the shortlist is empty; add candidates before presenting it",
            detail=[{"field": "shortlist", "error": "empty"}],
        )
    check_gate(rows, "presented")
    ids = [r.candidate.id for r in rows]
    presentation = ShortlistRepository(session).add_presentation(
        ShortlistPresentation(
            brief_id=brief.id,
            presented_by_id=actor.id if actor else None,
            candidate_ids=ids,
            note=note.strip()[:2000],
        )
    )
    record(session, actor, "shortlist.present", "brief", brief.id, {"candidate_ids": ids})
    return presentation


def latest_presentation(session: Session, brief_id: int) -> ShortlistPresentation | None:
    return ShortlistRepository(session).latest_presentation(brief_id)


def export_shortlist(
    session: Session, brief: Brief, fmt: str, actor: User | None
) -> ShortlistExport:
    """The shortlist as CSV, JSON or rows for the printable page; gated and audited."""
    if fmt not in EXPORT_FORMATS:
        raise InvalidInput(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}",
            detail=[{"field": "format", "error": "unknown format"}],
        )
    rows = shortlist(session, brief.id)
    check_gate(rows, "exported")
    record(
        session,
        actor,
        "shortlist.export",
        "brief",
        brief.id,
        {"format": fmt, "candidate_ids": [r.candidate.id for r in rows]},
    )
    stem = f"shortlist-brief-{brief.id}"
    if fmt == "csv":
        return ShortlistExport(f"{stem}.csv", "text/csv; charset=utf-8", to_csv(rows), rows)
    if fmt == "json":
        body = json.dumps(to_json(brief, rows), ensure_ascii=False, indent=2)
        return ShortlistExport(f"{stem}.json", "application/json", body, rows)
    return ShortlistExport(f"{stem}.html", "text/html; charset=utf-8", "", rows)


def row_dict(row: ShortlistRow) -> dict[str, Any]:
    ev, terms = row.evidence, row.terms
    return {
        "candidate_id": row.candidate.id,
        "name": row.candidate.name,
        "note": row.entry.note,
        "added_at": row.entry.added_at.isoformat(),
        "verdict": ev.verdict,
        "engine_verdict": ev.engine_verdict,
        "verdict_override": ev.override,
        "override_reason": ev.override_reason,
        "production_level": ev.production_level,
        "score": ev.score,
        "areas": ev.areas,
        "evidence": ev.evidence,
        "missing": ev.missing,
        "screened_on": ev.screened_on.isoformat() if ev.screened_on else None,
        "terms": {
            "term_sheet_id": terms.term_sheet_id,
            "status": terms.status,
            "engagement_type": terms.engagement_type,
            "day_rate": terms.day_rate,
            "start_date": terms.start_date.isoformat() if terms.start_date else None,
            "end_date": terms.end_date.isoformat() if terms.end_date else None,
        },
    }


def to_json(brief: Brief, rows: list[ShortlistRow]) -> dict[str, Any]:
    return {
        "brief": {"id": brief.id, "title": brief.title},
        "exported_at": utcnow().isoformat(),
        "candidates": [row_dict(r) for r in rows],
    }


def _cell(value: object) -> str:
    """Text for a CSV cell; a leading formula character is neutralised for spreadsheets."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(rows: list[ShortlistRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        ev, terms = row.evidence, row.terms
        values: list[object] = [
            row.candidate.id,
            row.candidate.name,
            ev.verdict,
            ev.engine_verdict,
            ev.override,
            ev.override_reason,
            ev.production_level,
            ev.score,
            "; ".join(ev.strongest_areas),
            " | ".join(f"[{e['kind']}] {e['quote']}" for e in ev.evidence),
            "; ".join(ev.missing),
            terms.status,
            terms.engagement_type,
            terms.day_rate,
            terms.start_date,
            terms.end_date,
            row.entry.note,
        ]
        writer.writerow([_cell(v) for v in values])
    return out.getvalue()
