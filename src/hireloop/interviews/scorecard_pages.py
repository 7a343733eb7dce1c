"""Scorecard and debrief pages: one interviewer's form, all cards side by side, the decision."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from hireloop.auth.models import User
from hireloop.briefs.service import get_brief
from hireloop.interviews import scorecard_service as cards
from hireloop.interviews.cards import RECOMMENDATIONS, question_items
from hireloop.interviews.models import StoredScorecard
from hireloop.interviews.pages import Form
from hireloop.interviews.service import get_loop, loop_on_brief, plan_view
from hireloop.kit.errors import Forbidden, HireloopError, NotFound
from hireloop.reference.loop import load_loop_template
from hireloop.web.deps import DbSession, require
from hireloop.web.templating import render

router = APIRouter()
Scorer = Annotated[User, Depends(require("loop:score"))]
Debriefer = Annotated[User, Depends(require("loop:debrief"))]
Decider = Annotated[User, Depends(require("loop:decide"))]


def _form_of(card: StoredScorecard | None) -> dict[str, Any]:
    if card is None:
        return {"ratings": {}, "good": {}, "red": {}, "notes": "", "recommendation": ""}
    return {
        "ratings": {q: str(r) for q, r in card.ratings.items()},
        "good": {q: [str(i) for i in t] for q, t in card.good_ticks.items()},
        "red": {q: [str(i) for i in t] for q, t in card.red_flag_ticks.items()},
        "notes": card.notes,
        "recommendation": card.recommendation,
    }


def _scorecard_context(db: Session, loop_id: int, block: str, user: User) -> dict[str, Any]:
    loop = get_loop(db, loop_id)
    brief = get_brief(db, loop.brief_id)
    view = plan_view(db, brief)
    planned = view.plan.block(block)
    if planned is None:
        raise NotFound(f"the loop plan of brief {brief.id} has no {block} block")
    existing = cards.own_card(db, loop.id, block, user.id)
    if existing is None and view.interviewer_of(block) != user.id:
        raise Forbidden(f"you are not the interviewer for the {block} block of this loop")
    return {
        "this_loop": loop,
        "brief": brief,
        "block": planned,
        "existing": existing,
        "versions": cards.card_versions(db, existing) if existing else [],
        "form": _form_of(existing),
        "scale": load_loop_template().rating_scale,
        "recommendations": RECOMMENDATIONS,
        "error": None,
    }


@router.get("/loops/{loop_id}/scorecard/{block}", response_class=HTMLResponse)
def scorecard_page(
    request: Request, loop_id: int, block: str, db: DbSession, user: Scorer
) -> Response:
    context = _scorecard_context(db, loop_id, block, user)
    return render(request, "interviews/scorecard.html", context)


@router.post("/loops/{loop_id}/scorecard/{block}", response_model=None)
def scorecard_submit(
    request: Request, loop_id: int, block: str, db: DbSession, user: Scorer, form: Form
) -> Response:
    context = _scorecard_context(db, loop_id, block, user)
    typed = _typed(form, [q.id for q in context["block"].questions])
    edit = form.get("mode") == "edit"
    try:
        cards.submit_scorecard(db, loop_id, block, _card_data(typed), user, edit=edit)
    except HireloopError as exc:
        db.rollback()
        context = _scorecard_context(db, loop_id, block, user)
        context["form"] = typed
        context["error"] = exc
        return render(request, "interviews/scorecard.html", context, status_code=exc.status)
    return RedirectResponse(f"/loops/{loop_id}/scorecard/{block}?saved=1", status_code=303)


def _typed(form: FormData, question_ids: list[str]) -> dict[str, Any]:
    """What the interviewer typed, as strings, so an error can show it again."""
    return {
        "ratings": {q: str(form.get(f"rating.{q}", "")) for q in question_ids},
        "good": {q: [str(v) for v in form.getlist(f"good.{q}")] for q in question_ids},
        "red": {q: [str(v) for v in form.getlist(f"red.{q}")] for q in question_ids},
        "notes": str(form.get("notes", "")),
        "recommendation": str(form.get("recommendation", "")),
    }


def _card_data(typed: dict[str, Any]) -> dict[str, Any]:
    def number(raw: str) -> int | str:
        return int(raw) if raw.strip().lstrip("-").isdigit() else raw

    return {
        "ratings": {q: number(r) for q, r in typed["ratings"].items() if r.strip()},
        "good_answer_ticks": {q: [number(v) for v in t] for q, t in typed["good"].items() if t},
        "red_flag_ticks": {q: [number(v) for v in t] for q, t in typed["red"].items() if t},
        "notes": typed["notes"],
        "recommendation": typed["recommendation"] or None,
    }


def _debrief_context(db: Session, brief_id: int, loop_id: int, user: User) -> dict[str, Any]:
    loop_on_brief(db, brief_id, loop_id)
    seen, decision = cards.loop_decision(db, loop_id, user)
    by_block = {
        b.block: [c for c in seen.cards if c.block == b.block] for b in seen.view.plan.blocks
    }
    items = {
        q.id: question_items(seen.view.plan, q.id)
        for b in seen.view.plan.blocks
        for q in b.questions
    }
    return {
        "brief": seen.brief,
        "this_loop": seen.loop,
        "plan": seen.view.plan,
        "by_block": by_block,
        "items": items,
        "names": seen.names,
        "decision": decision,
        "decisions": cards.DECISIONS,
        "decision_form": {"decision": decision.decision, "note": ""},
        "decision_error": None,
    }


@router.get("/briefs/{brief_id}/loops/{loop_id}/debrief", response_class=HTMLResponse)
def debrief_page(
    request: Request, brief_id: int, loop_id: int, db: DbSession, user: Debriefer
) -> Response:
    context = _debrief_context(db, brief_id, loop_id, user)
    return render(request, "interviews/debrief.html", context)


@router.post("/briefs/{brief_id}/loops/{loop_id}/decision", response_model=None)
def decision_confirm(
    request: Request, brief_id: int, loop_id: int, db: DbSession, user: Decider, form: Form
) -> Response:
    loop_on_brief(db, brief_id, loop_id)
    chosen, note = str(form.get("decision", "")), str(form.get("note", ""))
    try:
        cards.confirm_decision(db, loop_id, chosen, note, user)
    except HireloopError as exc:
        db.rollback()
        context = _debrief_context(db, brief_id, loop_id, user)
        context["decision_form"] = {"decision": chosen, "note": note}
        context["decision_error"] = exc
        return render(request, "interviews/debrief.html", context, status_code=exc.status)
    return RedirectResponse(f"/briefs/{brief_id}/loops/{loop_id}/debrief", status_code=303)
