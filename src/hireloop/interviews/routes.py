"""The interview loop's JSON API: plan, loops, scorecards (independence applies), decision."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict

from hireloop.auth.models import User
from hireloop.briefs.service import get_brief
from hireloop.interviews import scorecard_service as cards
from hireloop.interviews import service
from hireloop.interviews.models import Loop, StoredScorecard
from hireloop.interviews.service import PlanView
from hireloop.web.deps import DbSession, require

router = APIRouter(prefix="/api/v1", tags=["interviews"])
Manager = Annotated[User, Depends(require("loop:manage"))]
Scorer = Annotated[User, Depends(require("loop:score"))]
Debriefer = Annotated[User, Depends(require("loop:debrief"))]
Decider = Annotated[User, Depends(require("loop:decide"))]


class PlanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weights: dict[str, Any] | None = None
    interviewers: dict[str, Any] | None = None


class LoopIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    candidate_id: int
    start: datetime | None = None


class ScorecardIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    block: str
    ratings: dict[str, Any]
    good_answer_ticks: dict[str, list[int | str]] = {}
    red_flag_ticks: dict[str, list[int | str]] = {}
    notes: str = ""
    recommendation: str


class ScorecardEditIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ratings: dict[str, Any]
    good_answer_ticks: dict[str, list[int | str]] = {}
    red_flag_ticks: dict[str, list[int | str]] = {}
    notes: str = ""
    recommendation: str


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: str = ""
    note: str = ""


def plan_json(view: PlanView) -> dict[str, Any]:
    return {
        **view.plan.to_json(),
        "brief_id": view.brief_id,
        "saved": view.saved,
        "weights": view.weights,
        "interviewer_ids": view.interviewer_ids,
    }


def loop_json(loop: Loop) -> dict[str, Any]:
    return {
        "id": loop.id,
        "brief_id": loop.brief_id,
        "candidate_id": loop.candidate_id,
        "application_id": loop.application_id,
        "start": loop.starts_at.isoformat() if loop.starts_at else None,
        "status": loop.status,
        "decision": loop.decision,
        "computed_decision": loop.computed_decision,
        "decided_by_id": loop.decided_by_id,
        "decided_at": loop.decided_at.isoformat() if loop.decided_at else None,
        "decision_note": loop.decision_note,
    }


def card_json(card: StoredScorecard) -> dict[str, Any]:
    return {
        "id": card.id,
        "loop_id": card.loop_id,
        "block": card.block,
        "interviewer_id": card.interviewer_id,
        "version": card.version,
        "submitted_at": card.submitted_at.isoformat(),
        **card.content(),
    }


@router.get("/briefs/{brief_id}/loop")
def get_plan(brief_id: int, db: DbSession, user: Scorer) -> dict[str, Any]:
    return plan_json(service.readable_plan(db, brief_id, user))


@router.put("/briefs/{brief_id}/loop")
def put_plan(brief_id: int, body: PlanIn, db: DbSession, user: Manager) -> dict[str, Any]:
    brief = get_brief(db, brief_id)
    return plan_json(service.save_plan(db, brief, user, body.weights, body.interviewers))


@router.post("/briefs/{brief_id}/loops", status_code=201)
def create_loop(brief_id: int, body: LoopIn, db: DbSession, user: Manager) -> dict[str, Any]:
    brief = get_brief(db, brief_id)
    return loop_json(service.schedule_loop(db, brief, body.candidate_id, body.start, user))


@router.get("/briefs/{brief_id}/loops")
def list_loops(brief_id: int, db: DbSession, user: Debriefer) -> list[dict[str, Any]]:
    overview = cards.brief_loops(db, get_brief(db, brief_id), user)
    return [
        {**loop_json(row.loop), "candidate": row.candidate_name, "scorecards": row.cards}
        for row in overview.rows
    ]


@router.post("/loops/{loop_id}/scorecards", status_code=201)
def submit(loop_id: int, body: ScorecardIn, db: DbSession, user: Scorer) -> dict[str, Any]:
    data = body.model_dump(exclude={"block"})
    return card_json(cards.submit_scorecard(db, loop_id, body.block, data, user))


@router.put("/loops/{loop_id}/scorecards/{block}")
def edit(
    loop_id: int, block: str, body: ScorecardEditIn, db: DbSession, user: Scorer
) -> dict[str, Any]:
    card = cards.submit_scorecard(db, loop_id, block, body.model_dump(), user, edit=True)
    return card_json(card)


@router.get("/loops/{loop_id}/scorecards")
def list_scorecards(loop_id: int, db: DbSession, user: Scorer) -> dict[str, Any]:
    seen = cards.loop_cards(db, loop_id, user)
    return {
        "loop_id": seen.loop.id,
        "complete_view": seen.sees_all,
        "scorecards": [card_json(c) for c in seen.cards],
    }


@router.get("/loops/{loop_id}/decision")
def get_decision(loop_id: int, db: DbSession, user: Debriefer) -> dict[str, Any]:
    seen, decision = cards.loop_decision(db, loop_id, user)
    return {"loop": loop_json(seen.loop), **decision.model_dump(mode="json")}


@router.post("/loops/{loop_id}/decision")
def post_decision(loop_id: int, body: DecisionIn, db: DbSession, user: Decider) -> dict[str, Any]:
    return loop_json(cards.confirm_decision(db, loop_id, body.decision, body.note, user))
