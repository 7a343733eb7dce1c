"""Independent scorecards, the weighted decision a person confirms, and calibration.

Independence: a panel member (assigned to a block, or holding a card in the loop) sees only
their own cards until every block they are assigned to has their card; then they see all.
Someone with `loop:debrief` who is not on the panel sees everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.repository import UserRepository
from hireloop.briefs.models import Brief
from hireloop.briefs.service import get_brief
from hireloop.compliance.service import record
from hireloop.db import utcnow
from hireloop.interviews.calibration import (
    BriefPassRate,
    InterviewerCalibration,
    LoopRecord,
    interviewer_calibration,
    pass_rates,
)
from hireloop.interviews.cards import check_card
from hireloop.interviews.errors import BlockNotInPlan, UnknownBlock
from hireloop.interviews.models import Loop, ScorecardVersion, StoredScorecard
from hireloop.interviews.repository import LoopRepository
from hireloop.interviews.scoring import LoopDecision, Scorecard, decide
from hireloop.interviews.service import Person, PlanView, get_loop, panel_access, plan_view
from hireloop.kit.errors import Conflict, Forbidden, InvalidInput, NotFound
from hireloop.pipeline.service import move
from hireloop.reference.loop import BLOCK_IDS, load_loop_template

DECISIONS: tuple[str, ...] = ("strong_hire", "hire", "no_hire")
STAGE_FOR = {"strong_hire": "offer", "hire": "offer", "no_hire": "rejected"}


@dataclass(frozen=True)
class LoopCards:
    """The cards a viewer may see on one loop, and why."""

    loop: Loop
    brief: Brief
    view: PlanView
    cards: list[StoredScorecard]
    on_panel: bool
    sees_all: bool
    names: dict[int, str]


def submit_scorecard(
    session: Session,
    loop_id: int,
    block: str,
    data: Mapping[str, Any],
    actor: User,
    *,
    edit: bool = False,
) -> StoredScorecard:
    """A new card (a second one for the same block is a Conflict), or an edit of one's own."""
    loop = get_loop(session, loop_id)
    if loop.decision is not None:
        raise Conflict(f"the decision for loop {loop.id} is confirmed; its scorecards are closed")
    view = plan_view(session, get_brief(session, loop.brief_id))
    if block not in BLOCK_IDS:
        raise UnknownBlock(f"there is no {block} block; blocks are {', '.join(BLOCK_IDS)}")
    if view.plan.block(block) is None:
        raise BlockNotInPlan(f"the loop plan has no {block} block (its weight is 0)")
    repo = LoopRepository(session)
    existing = repo.scorecard(loop.id, block, actor.id)
    if not edit and view.interviewer_of(block) != actor.id:
        raise Forbidden(f"you are not the interviewer for the {block} block of this loop")
    if not edit and existing is not None:
        raise Conflict(
            f"you already submitted the {block} scorecard (version {existing.version});"
            " edit it to change it"
        )
    if edit and existing is None:
        raise NotFound(f"you have no {block} scorecard on loop {loop.id} to edit; submit it first")
    checked = check_card(view.plan, block, str(actor.id), data)
    content = {
        "ratings": checked.ratings,
        "good_ticks": checked.good_ticks,
        "red_flag_ticks": checked.red_flag_ticks,
        "notes": checked.notes,
        "recommendation": checked.recommendation,
        "submitted_at": utcnow(),
    }
    if existing is None:
        card = repo.add_scorecard(
            StoredScorecard(
                loop_id=loop.id, block=block, interviewer_id=actor.id, version=1, **content
            )
        )
    else:
        card = existing
        repo.add_version(
            ScorecardVersion(
                scorecard_id=card.id,
                version=card.version,
                submitted_at=card.submitted_at,
                **card.content(),
            )
        )
        for name, value in content.items():
            setattr(card, name, value)
        card.version += 1
    repo.flush()
    scored = {c.block for c in repo.scorecards(loop.id)}
    loop.status = "ready" if all(b.block in scored for b in view.plan.blocks) else "in_progress"
    repo.flush()
    action = "scorecard.edit" if edit else "scorecard.submit"
    record(session, actor, action, "loop", loop.id, {"block": block, "version": card.version})
    return card


def loop_cards(session: Session, loop_id: int, viewer: Person) -> LoopCards:
    """The cards this viewer may see; Forbidden for someone neither on the panel nor debriefing."""
    loop = get_loop(session, loop_id)
    brief = get_brief(session, loop.brief_id)
    view = plan_view(session, brief)
    on_panel, sees_all = panel_access(session, loop, view, viewer)
    if not on_panel and not sees_all:
        raise Forbidden("you are not on this loop's panel")
    cards = LoopRepository(session).scorecards(loop.id)
    shown = cards if sees_all else [c for c in cards if c.interviewer_id == viewer.id]
    users = UserRepository(session)
    names = {c.interviewer_id: _name(users.get(c.interviewer_id)) for c in cards}
    return LoopCards(loop, brief, view, shown, on_panel, sees_all, names)


def own_card(session: Session, loop_id: int, block: str, user_id: int) -> StoredScorecard | None:
    return LoopRepository(session).scorecard(loop_id, block, user_id)


def card_versions(session: Session, card: StoredScorecard) -> list[ScorecardVersion]:
    return LoopRepository(session).versions(card.id)


def loop_decision(session: Session, loop_id: int, viewer: Person) -> tuple[LoopCards, LoopDecision]:
    """The weighted decision; a panel member sees it only once their own cards are in."""
    seen = loop_cards(session, loop_id, viewer)
    if not seen.sees_all:
        raise Forbidden("submit your own scorecards for this loop before seeing the decision")
    return seen, _decide(seen.view, seen.cards, seen.names)


def _decide(view: PlanView, cards: list[StoredScorecard], names: dict[int, str]) -> LoopDecision:
    planned = {b.block for b in view.plan.blocks}
    return decide(view.plan, [_engine_card(c, names) for c in cards if c.block in planned])


def _engine_card(card: StoredScorecard, names: Mapping[int, str]) -> Scorecard:
    return Scorecard(
        block=card.block,
        interviewer=label(card.interviewer_id, names),
        ratings=dict(card.ratings),
        good_answer_ticks={q: list(t) for q, t in card.good_ticks.items()},
        red_flag_ticks={q: list(t) for q, t in card.red_flag_ticks.items()},
        notes=card.notes,
        recommendation=card.recommendation,
    )


def label(user_id: int, names: Mapping[int, str]) -> str:
    return f"{names.get(user_id, 'user')} (#{user_id})"


def confirm_decision(session: Session, loop_id: int, decision: str, note: str, actor: User) -> Loop:
    """A person confirms (or, with a reason, overrides) the decision; the stage moves with it."""
    seen, computed = loop_decision(session, loop_id, actor)
    loop = seen.loop
    if loop.decision is not None:
        raise Conflict(f"the decision for loop {loop.id} was already confirmed: {loop.decision}")
    if computed.decision == "incomplete":
        raise Conflict(
            f"the loop cannot be decided yet: no scorecard for {', '.join(computed.missing_blocks)}"
        )
    chosen = decision.strip() or computed.decision
    note = note.strip()
    if chosen not in DECISIONS:
        message = f"the decision must be one of {', '.join(DECISIONS)}, not {chosen!r}"
        raise InvalidInput(message, detail=[{"field": "decision", "error": message}])
    if chosen != computed.decision and not note:
        message = f"say why you decide {chosen} when the scorecards give {computed.decision}"
        raise InvalidInput(message, detail=[{"field": "note", "error": message}])
    loop.decision = chosen
    loop.computed_decision = computed.decision
    loop.decided_by_id = actor.id
    loop.decided_at = utcnow()
    loop.decision_note = note
    loop.status = "decided"
    LoopRepository(session).flush()
    move(session, loop.application_id, STAGE_FOR[chosen], actor, f"loop decision: {chosen}")
    record(
        session,
        actor,
        "loop.decide",
        "loop",
        loop.id,
        {
            "decision": chosen,
            "computed": computed.decision,
            "score": computed.score,
            "overridden": chosen != computed.decision,
            "note": note,
        },
    )
    return loop


@dataclass(frozen=True)
class LoopRow:
    """One candidate's loop as the plan page lists it."""

    loop: Loop
    candidate_name: str
    cards: int
    computed: str | None  # None when the viewer may not see it yet


@dataclass(frozen=True)
class BriefLoops:
    view: PlanView
    rows: list[LoopRow]
    calibration: list[InterviewerCalibration]
    pass_rate: BriefPassRate


def brief_loops(session: Session, brief: Brief, viewer: Person) -> BriefLoops:
    """The brief's loops, calibration and pass rate, from the loops this viewer may see in full."""
    view = plan_view(session, brief)
    repo = LoopRepository(session)
    loops = repo.for_brief(brief.id)
    cards_by_loop = repo.scorecards_for_loops([loop.id for loop, _ in loops])
    users = UserRepository(session)
    names = {
        c.interviewer_id: _name(users.get(c.interviewer_id))
        for cards in cards_by_loop.values()
        for c in cards
    }
    rows: list[LoopRow] = []
    records: list[LoopRecord] = []
    for loop, candidate in loops:
        cards = cards_by_loop[loop.id]
        _, sees_all = panel_access(session, loop, view, viewer)
        computed = _decide(view, cards, names).decision if sees_all else None
        rows.append(LoopRow(loop, candidate.name, len(cards), computed))
        if sees_all and computed is not None:
            records.append(
                LoopRecord(
                    loop_id=str(loop.id),
                    brief_id=str(brief.id),
                    cards=[_engine_card(c, names) for c in cards if view.plan.block(c.block)],
                    decision=loop.decision or computed,
                )
            )
    rates = pass_rates(records)
    return BriefLoops(
        view=view,
        rows=rows,
        calibration=interviewer_calibration(records),
        pass_rate=rates[0] if rates else _no_pass_rate(brief.id),
    )


def _no_pass_rate(brief_id: int) -> BriefPassRate:
    target = load_loop_template().pass_rate_target
    return BriefPassRate(
        brief_id=str(brief_id),
        loops=0,
        decided=0,
        passed=0,
        pass_rate=None,
        target=target.value,
        target_source=target.source,
        target_as_of=target.as_of,
        meets_target=None,
    )


def _name(user: User | None) -> str:
    return user.name if user is not None else "former user"
