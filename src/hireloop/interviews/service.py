"""A brief's loop plan and each candidate's loop: planning, scheduling and the calendar.

Scorecards, independence and the decision live in `scorecard_service`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.permissions import allows
from hireloop.auth.repository import UserRepository
from hireloop.briefs.models import Brief
from hireloop.briefs.profile import derive_profile
from hireloop.briefs.service import brief_in_of, get_brief
from hireloop.candidates.repository import CandidateRepository
from hireloop.compliance.service import record
from hireloop.db import utcnow
from hireloop.interviews.errors import InvalidSchedule, InvalidWeights, UnknownBlock
from hireloop.interviews.ics import loop_ics
from hireloop.interviews.models import BriefLoopPlan, Loop
from hireloop.interviews.plan import LoopPlan, plan_loop, validate_weights
from hireloop.interviews.repository import LoopRepository
from hireloop.kit.errors import Conflict, Forbidden, HireloopError, InvalidInput, NotFound
from hireloop.pipeline.repository import PipelineRepository
from hireloop.pipeline.service import move
from hireloop.reference.loop import BLOCK_IDS, load_loop_template

EARLY_STAGES = frozenset({"sourced", "screened", "shortlisted"})


class Person(Protocol):
    """Who is looking: a logged-in user or the page's viewer."""

    @property
    def id(self) -> int: ...

    @property
    def role(self) -> str: ...


@dataclass(frozen=True)
class PlanView:
    """The brief's loop plan, whether stored yet or derived from the brief."""

    brief_id: int
    plan: LoopPlan
    saved: bool
    weights: dict[str, int]
    interviewer_ids: dict[str, int]

    def interviewer_of(self, block: str) -> int | None:
        planned = self.plan.block(block)
        return self.interviewer_ids.get(block) if planned is not None else None

    def blocks_of(self, user_id: int) -> list[str]:
        return [b.block for b in self.plan.blocks if self.interviewer_ids.get(b.block) == user_id]


def involves_llm(brief: Brief) -> bool:
    """True when the brief reads as an LLM / GenAI role (LLM, RAG, embeddings, vector stores)."""
    try:
        return derive_profile(brief_in_of(brief)).shape == "llm_genai"
    except (HireloopError, ValueError):
        text = " ".join([brief.title, brief.outcome, *brief.stack, *brief.must_haves]).lower()
        return any(word in text for word in ("llm", "rag", "embedding", "vector"))


def plan_view(session: Session, brief: Brief) -> PlanView:
    row = LoopRepository(session).plan_for(brief.id)
    template = load_loop_template()
    if row is None:
        weights, ids = dict(template.weights), {}
        stack, llm = list(brief.stack), involves_llm(brief)
    else:
        weights, ids = dict(row.weights), {b: int(u) for b, u in row.interviewers.items()}
        stack, llm = list(row.stack), row.involves_llm
    users = UserRepository(session)
    names = {b: u.name for b, uid in ids.items() if (u := users.get(uid)) is not None}
    plan = plan_loop(
        stack,
        involves_llm=llm,
        weights=None if weights == template.weights else weights,
        interviewers=names,
    )
    return PlanView(brief.id, plan, row is not None, weights, ids)


def brief_plan(session: Session, brief_id: int) -> PlanView:
    return plan_view(session, get_brief(session, brief_id))


def readable_plan(session: Session, brief_id: int, viewer: Person) -> PlanView:
    """The plan for those who run or debrief the loop, and for the brief's own interviewers."""
    view = brief_plan(session, brief_id)
    if not allows(viewer.role, "loop:debrief") and not view.blocks_of(viewer.id):
        raise Forbidden(f"you are not on the interview panel of brief {brief_id}")
    return view


def save_plan(
    session: Session,
    brief: Brief,
    actor: User,
    weights: Mapping[str, object] | None = None,
    interviewers: Mapping[str, object] | None = None,
) -> PlanView:
    """Store the brief's weights (totalling 100) and interviewers; refreshes the stack snapshot."""
    current = plan_view(session, brief)
    chosen = _checked_weights(weights) if weights is not None else current.weights
    assigned = (
        _checked_interviewers(session, interviewers)
        if interviewers is not None
        else current.interviewer_ids
    )
    repo = LoopRepository(session)
    row = repo.plan_for(brief.id) or repo.add_plan(BriefLoopPlan(brief_id=brief.id))
    row.weights = chosen
    row.interviewers = assigned
    row.stack = list(brief.stack)
    row.involves_llm = involves_llm(brief)
    row.updated_by_id = actor.id
    row.updated_at = utcnow()
    repo.flush()
    record(
        session,
        actor,
        "loop.plan",
        "brief",
        brief.id,
        {"weights": chosen, "interviewers": assigned},
    )
    return plan_view(session, brief)


def _checked_weights(raw: Mapping[str, object]) -> dict[str, int]:
    problems = [
        {"field": f"weights.{block}", "error": f"the weight of {block} must be a whole number"}
        for block, value in raw.items()
        if isinstance(value, bool) or not isinstance(value, int)
    ]
    if problems:
        raise InvalidWeights(problems[0]["error"], detail=problems)
    ints = {block: int(value) for block, value in raw.items() if isinstance(value, int)}
    try:
        return {str(block): weight for block, weight in validate_weights(ints).items()}
    except InvalidWeights as exc:
        raise InvalidWeights(
            exc.message, detail=[{"field": "weights", "error": exc.message}]
        ) from exc


def _checked_interviewers(session: Session, raw: Mapping[str, object]) -> dict[str, int]:
    users = UserRepository(session)
    chosen: dict[str, int] = {}
    for block, value in raw.items():
        field = f"interviewers.{block}"
        if block not in BLOCK_IDS:
            message = f"there is no {block} block; blocks are {', '.join(BLOCK_IDS)}"
            raise UnknownBlock(message, detail=[{"field": field, "error": message}])
        if value is None or value == "" or value == 0:
            continue
        user = users.get(value) if isinstance(value, int) and not isinstance(value, bool) else None
        if user is None or not user.active or not allows(user.role, "loop:score"):
            message = f"{value!r} is not an active user who can interview ({block})"
            raise InvalidInput(message, detail=[{"field": field, "error": message}])
        chosen[block] = user.id
    return chosen


# ---------------------------------------------------------------- loops


def get_loop(session: Session, loop_id: int) -> Loop:
    loop = LoopRepository(session).get(loop_id)
    if loop is None:
        raise NotFound(f"no loop with id {loop_id}")
    return loop


def loop_on_brief(session: Session, brief_id: int, loop_id: int) -> Loop:
    loop = get_loop(session, loop_id)
    if loop.brief_id != brief_id:
        raise NotFound(f"no loop {loop_id} on brief {brief_id}")
    return loop


def schedule_loop(
    session: Session, brief: Brief, candidate_id: int, starts_at: datetime | None, actor: User
) -> Loop:
    """Open the candidate's loop on this brief; the plan is stored so cards check against it."""
    if starts_at is not None and (starts_at.tzinfo is None or starts_at.utcoffset() is None):
        message = "the start needs a time zone, e.g. 2026-12-01T14:00:00+00:00"
        raise InvalidSchedule(message, detail=[{"field": "start", "error": message}])
    application = PipelineRepository(session).find(brief.id, candidate_id)
    if application is None:
        message = f"candidate {candidate_id} is not on the pipeline of brief {brief.id}"
        raise NotFound(message, detail=[{"field": "candidate_id", "error": message}])
    repo = LoopRepository(session)
    if repo.for_application(application.id) is not None:
        raise Conflict(f"candidate {candidate_id} already has a loop for brief {brief.id}")
    if repo.plan_for(brief.id) is None:
        save_plan(session, brief, actor)
    loop = repo.add(
        Loop(
            application_id=application.id,
            brief_id=brief.id,
            candidate_id=candidate_id,
            starts_at=starts_at.astimezone(UTC) if starts_at else None,
            status="scheduled",
            decision_note="",
            created_by_id=actor.id,
        )
    )
    if application.stage in EARLY_STAGES:
        move(session, application.id, "interviewing", actor, "interview loop scheduled")
    record(
        session,
        actor,
        "loop.schedule",
        "loop",
        loop.id,
        {"brief_id": brief.id, "candidate_id": candidate_id, "start": _iso(loop.starts_at)},
    )
    return loop


def panel_access(session: Session, loop: Loop, view: PlanView, viewer: Person) -> tuple[bool, bool]:
    """(on the panel, may see every card): panel members see all once their own are in."""
    cards = LoopRepository(session).scorecards(loop.id)
    own = {c.block for c in cards if c.interviewer_id == viewer.id}
    assigned = view.blocks_of(viewer.id)
    if assigned or own:
        return True, all(block in own for block in assigned)
    return False, allows(viewer.role, "loop:debrief")


def loop_calendar(session: Session, loop_id: int, viewer: Person) -> str:
    """The loop as an .ics file, for the panel and for those who run the loop."""
    loop = get_loop(session, loop_id)
    brief = get_brief(session, loop.brief_id)
    view = plan_view(session, brief)
    on_panel, _ = panel_access(session, loop, view, viewer)
    if not on_panel and not allows(viewer.role, "loop:debrief"):
        raise Forbidden("you are not on this loop's panel")
    if loop.starts_at is None:
        raise InvalidSchedule("the loop has no start time yet; schedule it first")
    candidate = _candidate_name(session, loop)
    return loop_ics(candidate, brief.title, loop.starts_at, view.plan.blocks, f"loop-{loop.id}")


def _candidate_name(session: Session, loop: Loop) -> str:
    candidate = CandidateRepository(session).get(loop.candidate_id)
    return candidate.name if candidate else f"candidate {loop.candidate_id}"


def assigned_plans(session: Session, user_id: int) -> list[tuple[Brief, PlanView]]:
    """Briefs whose loop plan names this person as an interviewer."""
    found: list[tuple[Brief, PlanView]] = []
    for row in LoopRepository(session).plans():
        if user_id not in row.interviewers.values():
            continue
        brief = get_brief(session, row.brief_id)
        view = plan_view(session, brief)
        if view.blocks_of(user_id):
            found.append((brief, view))
    return found


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
