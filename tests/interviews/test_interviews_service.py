"""The stored loop: plan, scheduling, independent scorecards, versions, decision and calibration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.models import Brief
from hireloop.briefs.repository import BriefRepository
from hireloop.candidates.models import Candidate
from hireloop.candidates.repository import CandidateRepository
from hireloop.compliance.models import AuditEntry
from hireloop.interviews import scorecard_service as cards
from hireloop.interviews import service
from hireloop.interviews.errors import InvalidSchedule, InvalidWeights, RatingOutOfRange
from hireloop.interviews.models import Loop, ScorecardVersion, StoredScorecard
from hireloop.interviews.repository import LoopRepository
from hireloop.kit.errors import Conflict, Forbidden, InvalidInput, NotFound
from hireloop.pipeline.models import Application
from hireloop.pipeline.service import add_to_brief
from hireloop.reference.loop import BLOCK_IDS
from support import add_user

START = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


@dataclass
class Setup:
    brief: Brief
    candidate: Candidate
    application: Application
    manager: User
    panel: dict[str, User]


def _setup(db: Session, *, stack: list[str] | None = None) -> Setup:
    brief = BriefRepository(db).add(
        Brief(title="Ship the ranking service", stack=stack or ["PyTorch", "Kubernetes"])
    )
    candidate = CandidateRepository(db).add(Candidate(name="Ada Example"))
    application = add_to_brief(db, brief, candidate, actor=None, stage="shortlisted")
    manager = add_user(db, "hiring_manager", "hm@example.com")
    panel = {b: add_user(db, "interviewer", f"{b}@example.com") for b in BLOCK_IDS}
    service.save_plan(db, brief, manager, interviewers={b: u.id for b, u in panel.items()})
    return Setup(brief, candidate, application, manager, panel)


def _loop(db: Session, s: Setup) -> Loop:
    return service.schedule_loop(db, s.brief, s.candidate.id, START, s.manager)


def _questions(db: Session, s: Setup, block: str) -> list[str]:
    planned = service.plan_view(db, s.brief).plan.block(block)
    assert planned is not None
    return [q.id for q in planned.questions]


def _submit(
    db: Session, s: Setup, loop: Loop, block: str, rating: int = 3, **extra: object
) -> StoredScorecard:
    data = {
        "ratings": {q: rating for q in _questions(db, s, block)},
        "recommendation": "hire",
        **extra,
    }
    return cards.submit_scorecard(db, loop.id, block, data, s.panel[block])


def _cards_in(db: Session, loop: Loop) -> list[StoredScorecard]:
    return list(db.scalars(select(StoredScorecard).where(StoredScorecard.loop_id == loop.id)))


def test_the_plan_is_derived_from_the_brief_until_saved(db: Session) -> None:
    llm = BriefRepository(db).add(
        Brief(title="Support assistant", stack=["Python", "pgvector"], must_haves=["RAG"])
    )
    plain = BriefRepository(db).add(Brief(title="Forecasting", stack=["XGBoost", "Airflow"]))

    llm_view, plain_view = service.plan_view(db, llm), service.plan_view(db, plain)

    assert not llm_view.saved and llm_view.plan.involves_llm
    assert not plain_view.plan.involves_llm
    design = llm_view.plan.block("system_design")
    assert design is not None and "rag_design_100k_docs" in [q.id for q in design.questions]
    assert [(b.block, b.minutes, b.weight) for b in plain_view.plan.blocks] == [
        ("system_design", 96, 40),
        ("deep_dive", 72, 30),
        ("behavioural", 48, 20),
        ("coding", 24, 10),
    ]


def test_weights_not_totalling_100_are_refused_and_the_plan_is_kept(db: Session) -> None:
    s = _setup(db)
    with pytest.raises(InvalidWeights, match="total 100; these total 110") as caught:
        service.save_plan(
            db,
            s.brief,
            s.manager,
            weights={"system_design": 50, "deep_dive": 30, "behavioural": 20, "coding": 10},
        )
    assert caught.value.detail == [{"field": "weights", "error": caught.value.message}]
    row = LoopRepository(db).plan_for(s.brief.id)
    assert row is not None and row.weights == {
        "system_design": 40,
        "deep_dive": 30,
        "behavioural": 20,
        "coding": 10,
    }


def test_custom_weights_change_minutes_and_an_unknown_interviewer_is_refused(db: Session) -> None:
    s = _setup(db)
    weights = {"system_design": 50, "deep_dive": 30, "behavioural": 20, "coding": 0}
    view = service.save_plan(db, s.brief, s.manager, weights=weights)
    assert [(b.block, b.minutes) for b in view.plan.blocks] == [
        ("system_design", 120),
        ("deep_dive", 72),
        ("behavioural", 48),
    ]
    with pytest.raises(InvalidInput, match="not an active user"):
        service.save_plan(db, s.brief, s.manager, interviewers={"coding": 999999})


def test_scheduling_moves_the_candidate_to_interviewing_once(db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    assert loop.starts_at == START and loop.status == "scheduled"
    assert s.application.stage == "interviewing"
    with pytest.raises(Conflict, match="already has a loop"):
        _loop(db, s)
    with pytest.raises(InvalidSchedule, match="time zone"):
        service.schedule_loop(db, s.brief, s.candidate.id, datetime(2026, 12, 1), s.manager)
    stranger = CandidateRepository(db).add(Candidate(name="Not On Brief"))
    with pytest.raises(NotFound, match="not on the pipeline"):
        service.schedule_loop(db, s.brief, stranger.id, START, s.manager)


def test_a_rating_outside_1_to_4_names_the_question_and_saves_nothing(db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    first, *rest = _questions(db, s, "coding")
    data = {"ratings": {first: 5, **{q: 3 for q in rest}}, "recommendation": "hire"}
    with pytest.raises(RatingOutOfRange, match=f"rating 5 for question {first}") as caught:
        cards.submit_scorecard(db, loop.id, "coding", data, s.panel["coding"])
    assert caught.value.status == 422
    assert caught.value.detail[0]["field"] == f"ratings.{first}"
    assert _cards_in(db, loop) == []


def test_a_scorecard_for_a_block_one_is_not_on_is_forbidden(db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    data = {"ratings": {q: 3 for q in _questions(db, s, "coding")}, "recommendation": "hire"}
    with pytest.raises(Forbidden, match="not the interviewer for the coding block"):
        cards.submit_scorecard(db, loop.id, "coding", data, s.panel["deep_dive"])
    assert _cards_in(db, loop) == []


def test_a_second_submission_conflicts_and_an_edit_keeps_the_old_version(db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    card = _submit(db, s, loop, "coding", 2, notes="first take")
    with pytest.raises(Conflict, match="already submitted"):
        _submit(db, s, loop, "coding", 4, notes="second take")
    assert card.version == 1 and set(card.ratings.values()) == {2} and card.notes == "first take"

    data = {
        "ratings": {q: 4 for q in _questions(db, s, "coding")},
        "recommendation": "strong_hire",
        "notes": "after reflection",
    }
    edited = cards.submit_scorecard(db, loop.id, "coding", data, s.panel["coding"], edit=True)

    assert edited.id == card.id and edited.version == 2 and edited.notes == "after reflection"
    old = db.scalars(select(ScorecardVersion).where(ScorecardVersion.scorecard_id == card.id)).all()
    assert [(v.version, v.notes, set(v.ratings.values())) for v in old] == [(1, "first take", {2})]


def test_ticks_are_stored_as_indices_and_an_unknown_tick_is_refused(db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    question = _questions(db, s, "coding")[0]
    flags = service.plan_view(db, s.brief).plan.block("coding")
    assert flags is not None
    flag_text = flags.questions[0].red_flags[0].text
    with pytest.raises(InvalidInput, match="no red flag"):
        _submit(db, s, loop, "coding", red_flag_ticks={question: [99]})
    card = _submit(db, s, loop, "coding", red_flag_ticks={question: [flag_text]})
    assert card.red_flag_ticks == {question: [0]}


def test_independence_a_panel_member_sees_others_only_after_their_own(db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    _submit(db, s, loop, "system_design")

    before = cards.loop_cards(db, loop.id, s.panel["coding"])
    assert before.on_panel and not before.sees_all and before.cards == []
    with pytest.raises(Forbidden, match="submit your own"):
        cards.loop_decision(db, loop.id, s.panel["coding"])

    _submit(db, s, loop, "coding")
    after = cards.loop_cards(db, loop.id, s.panel["coding"])
    assert after.sees_all and {c.block for c in after.cards} == {"system_design", "coding"}

    recruiter = add_user(db, "recruiter")
    assert len(cards.loop_cards(db, loop.id, recruiter).cards) == 2
    outsider = add_user(db, "interviewer", "outsider@example.com")
    with pytest.raises(Forbidden, match="not on this loop's panel"):
        cards.loop_cards(db, loop.id, outsider)


def test_confirming_a_hire_moves_the_candidate_to_offer_and_is_logged(db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    for block in BLOCK_IDS:
        _submit(db, s, loop, block, 4)
    assert loop.status == "ready"
    _, decision = cards.loop_decision(db, loop.id, s.manager)
    assert decision.decision == "strong_hire" and decision.score == 4.0

    cards.confirm_decision(db, loop.id, "", "", s.manager)

    assert (loop.decision, loop.status, s.application.stage) == ("strong_hire", "decided", "offer")
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "loop.decide")).one()
    assert entry.actor_id == s.manager.id and entry.detail["computed"] == "strong_hire"
    with pytest.raises(Conflict, match="already confirmed"):
        cards.confirm_decision(db, loop.id, "hire", "", s.manager)
    with pytest.raises(Conflict, match="closed"):
        _submit(db, s, loop, "coding", edit=True)


def test_no_hire_moves_to_rejected_and_an_override_needs_a_reason(db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    with pytest.raises(Conflict, match="cannot be decided yet"):
        cards.confirm_decision(db, loop.id, "", "", s.manager)
    for block in BLOCK_IDS:
        _submit(db, s, loop, block, 2)
    with pytest.raises(InvalidInput, match="say why") as caught:
        cards.confirm_decision(db, loop.id, "hire", "", s.manager)
    assert caught.value.detail == [{"field": "note", "error": caught.value.message}]
    assert loop.decision is None

    cards.confirm_decision(db, loop.id, "no_hire", "", s.manager)
    assert s.application.stage == "rejected"


def test_calibration_and_pass_rate_come_from_the_briefs_loops(db: Session) -> None:
    s = _setup(db)
    loop = _loop(db, s)
    _submit(db, s, loop, "system_design", 4)
    for block in ("deep_dive", "behavioural", "coding"):
        _submit(db, s, loop, block, 3)

    overview = cards.brief_loops(db, s.brief, s.manager)

    assert [row.computed for row in overview.rows] == ["hire"]
    assert overview.pass_rate.pass_rate == 1.0 and overview.pass_rate.meets_target
    by_name = {c.interviewer: c for c in overview.calibration}
    lenient = by_name[
        cards.label(s.panel["system_design"].id, {s.panel["system_design"].id: "Interviewer"})
    ]
    assert lenient.mean_rating == 4.0 and lenient.panel_mean == 3.0 and lenient.difference == 1.0
