"""Every query of the interview loop: plans, loops, scorecards and scorecard versions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.candidates.models import Candidate
from hireloop.interviews.models import BriefLoopPlan, Loop, ScorecardVersion, StoredScorecard


class LoopRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # plans
    def plan_for(self, brief_id: int) -> BriefLoopPlan | None:
        return self.session.scalar(select(BriefLoopPlan).where(BriefLoopPlan.brief_id == brief_id))

    def plans(self) -> list[BriefLoopPlan]:
        return list(self.session.scalars(select(BriefLoopPlan).order_by(BriefLoopPlan.brief_id)))

    def add_plan(self, plan: BriefLoopPlan) -> BriefLoopPlan:
        self.session.add(plan)
        self.session.flush()
        return plan

    # loops
    def get(self, loop_id: int) -> Loop | None:
        return self.session.get(Loop, loop_id)

    def for_application(self, application_id: int) -> Loop | None:
        return self.session.scalar(select(Loop).where(Loop.application_id == application_id))

    def add(self, loop: Loop) -> Loop:
        self.session.add(loop)
        self.session.flush()
        return loop

    def for_brief(self, brief_id: int) -> list[tuple[Loop, Candidate]]:
        stmt = (
            select(Loop, Candidate)
            .join(Candidate, Candidate.id == Loop.candidate_id)
            .where(Loop.brief_id == brief_id)
            .order_by(Loop.starts_at, Loop.id)
        )
        return [(loop, candidate) for loop, candidate in self.session.execute(stmt).all()]

    def for_interviewer(self, user_id: int) -> list[Loop]:
        """Loops where this person already holds a scorecard."""
        stmt = (
            select(Loop)
            .join(StoredScorecard, StoredScorecard.loop_id == Loop.id)
            .where(StoredScorecard.interviewer_id == user_id)
            .distinct()
            .order_by(Loop.id)
        )
        return list(self.session.scalars(stmt))

    def flush(self) -> None:
        self.session.flush()

    # scorecards
    def scorecards(self, loop_id: int) -> list[StoredScorecard]:
        stmt = (
            select(StoredScorecard)
            .where(StoredScorecard.loop_id == loop_id)
            .order_by(StoredScorecard.block, StoredScorecard.submitted_at, StoredScorecard.id)
        )
        return list(self.session.scalars(stmt))

    def scorecards_for_loops(self, loop_ids: list[int]) -> dict[int, list[StoredScorecard]]:
        found: dict[int, list[StoredScorecard]] = {loop_id: [] for loop_id in loop_ids}
        if not loop_ids:
            return found
        stmt = (
            select(StoredScorecard)
            .where(StoredScorecard.loop_id.in_(loop_ids))
            .order_by(StoredScorecard.loop_id, StoredScorecard.id)
        )
        for card in self.session.scalars(stmt):
            found[card.loop_id].append(card)
        return found

    def scorecard(self, loop_id: int, block: str, interviewer_id: int) -> StoredScorecard | None:
        stmt = select(StoredScorecard).where(
            StoredScorecard.loop_id == loop_id,
            StoredScorecard.block == block,
            StoredScorecard.interviewer_id == interviewer_id,
        )
        return self.session.scalar(stmt)

    def add_scorecard(self, card: StoredScorecard) -> StoredScorecard:
        self.session.add(card)
        self.session.flush()
        return card

    def add_version(self, version: ScorecardVersion) -> ScorecardVersion:
        self.session.add(version)
        self.session.flush()
        return version

    def versions(self, scorecard_id: int) -> list[ScorecardVersion]:
        stmt = (
            select(ScorecardVersion)
            .where(ScorecardVersion.scorecard_id == scorecard_id)
            .order_by(ScorecardVersion.version)
        )
        return list(self.session.scalars(stmt))
