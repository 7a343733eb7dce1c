from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.rates.models import MarketSignal, RateCheckRecord


class SignalRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_all(self, signals: Sequence[MarketSignal]) -> list[MarketSignal]:
        self.session.add_all(signals)
        self.session.flush()
        return list(signals)

    def find(
        self, *, market: str | None = None, specialism: str | None = None, limit: int | None = None
    ) -> list[MarketSignal]:
        """Signals, newest first; `specialism=""` means generalist figures only."""
        stmt = select(MarketSignal).order_by(MarketSignal.as_of.desc(), MarketSignal.id.desc())
        if market is not None:
            stmt = stmt.where(MarketSignal.market == market)
        if specialism == "":
            stmt = stmt.where(MarketSignal.specialism.is_(None))
        elif specialism is not None:
            stmt = stmt.where(MarketSignal.specialism == specialism)
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(stmt))

    def for_check(self, market: str) -> list[MarketSignal]:
        """Every signal of one market, oldest first: the order a check numbers them in."""
        stmt = (
            select(MarketSignal)
            .where(MarketSignal.market == market)
            .order_by(MarketSignal.as_of, MarketSignal.id)
        )
        return list(self.session.scalars(stmt))


class RateCheckRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: RateCheckRecord) -> RateCheckRecord:
        self.session.add(record)
        self.session.flush()
        return record

    def latest(self, brief_id: int) -> RateCheckRecord | None:
        stmt = (
            select(RateCheckRecord)
            .where(RateCheckRecord.brief_id == brief_id)
            .order_by(RateCheckRecord.id.desc())
            .limit(1)
        )
        return self.session.scalar(stmt)
