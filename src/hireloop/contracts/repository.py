from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.contracts.models import TermSheetRecord
from hireloop.rates.models import RateCheckRecord


class TermSheetRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, term_sheet_id: int) -> TermSheetRecord | None:
        return self.session.get(TermSheetRecord, term_sheet_id)

    def add(self, record: TermSheetRecord) -> TermSheetRecord:
        self.session.add(record)
        self.session.flush()
        return record

    def find(self, brief_id: int, candidate_id: int) -> TermSheetRecord | None:
        stmt = select(TermSheetRecord).where(
            TermSheetRecord.brief_id == brief_id, TermSheetRecord.candidate_id == candidate_id
        )
        return self.session.scalar(stmt)

    def for_candidates(
        self, brief_id: int, candidate_ids: Collection[int]
    ) -> dict[int, TermSheetRecord]:
        """Each listed candidate's term sheet on the brief, keyed by candidate id."""
        if not candidate_ids:
            return {}
        stmt = select(TermSheetRecord).where(
            TermSheetRecord.brief_id == brief_id,
            TermSheetRecord.candidate_id.in_(list(candidate_ids)),
        )
        return {record.candidate_id: record for record in self.session.scalars(stmt)}

    def latest_validated_rate_check(self, brief_id: int) -> RateCheckRecord | None:
        """The brief's most recent rate check that the market validated, if any."""
        stmt = (
            select(RateCheckRecord)
            .where(RateCheckRecord.brief_id == brief_id, RateCheckRecord.validated.is_(True))
            .order_by(RateCheckRecord.id.desc())
            .limit(1)
        )
        return self.session.scalar(stmt)
