"""Rate validation over JSON: the signal pool, imports, and a brief's rate check."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

from hireloop.auth.models import User
from hireloop.briefs.service import get_brief
from hireloop.kit.errors import InvalidInput, NotFound
from hireloop.rates.overrides import override_latest
from hireloop.rates.service import (
    add_signal,
    check_payload,
    import_signals,
    latest_check,
    list_signals,
    run_check,
)
from hireloop.web.deps import DbSession, require

router = APIRouter(prefix="/api/v1", tags=["rates"])
Reader = Annotated[User, Depends(require("rates:read"))]
Writer = Annotated[User, Depends(require("rates:write"))]


def today() -> date:
    """The check date: today in UTC, decided here at the edge."""
    return datetime.now(UTC).date()


class CheckIn(BaseModel):
    """A rate check request; the rate defaults to the brief's budget, the market to its location."""

    rate: float | None = None
    basis: str = "1099"
    specialisms: list[str] = []
    market: str | None = None


@router.get("/rates/signals")
def signals(
    db: DbSession,
    user: Reader,
    market: str | None = None,
    specialism: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """The pool, newest first; `specialism=generalist` lists generalist figures only."""
    wanted = "" if specialism == "generalist" else specialism
    return [s.as_dict() for s in list_signals(db, market=market, specialism=wanted, limit=limit)]


@router.post("/rates/signals", status_code=201)
def signal_add(body: dict[str, Any], db: DbSession, user: Writer) -> dict[str, Any]:
    """Add one signal: the fields of a row of the signals CSV, as JSON."""
    return add_signal(db, body, actor=user, origin="api").as_dict()


async def upload_text(request: Request) -> str:
    """The CSV sent as the request body, or as the `file` part of a multipart form."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()
        part = form.get("file")
        if part is None or isinstance(part, str):
            text = part or ""
        else:
            content = await part.read()
            try:
                text = content.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = None
    else:
        try:
            text = (await request.body()).decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
    if text is None:
        raise InvalidInput(
            "the file is not UTF-8 text; save it as CSV (UTF-8) and try again",
            detail=[{"field": "file", "error": "not UTF-8 text"}],
        )
    return text


@router.post("/rates/signals/import", status_code=201)
def signals_import(
    db: DbSession,
    user: Writer,
    text: Annotated[str, Depends(upload_text)],
    fmt: Annotated[str, Query(alias="format")] = "signals",
    as_of: date | None = None,
    market: str = "us",
) -> dict[str, Any]:
    """Import a file whole or not at all; `format` is signals, oews or lca."""
    rows = import_signals(db, text, actor=user, fmt=fmt, as_of=as_of or today(), market=market)
    return {"imported": len(rows), "ids": [r.id for r in rows]}


@router.post("/briefs/{brief_id}/rate-check", status_code=201)
def rate_check(brief_id: int, body: CheckIn, db: DbSession, user: Writer) -> dict[str, Any]:
    view = run_check(
        db,
        get_brief(db, brief_id),
        today=today(),
        actor=user,
        rate=body.rate,
        basis=body.basis,
        specialisms=body.specialisms,
        market=body.market,
    )
    return check_payload(view)


@router.get("/briefs/{brief_id}/rate-check")
def latest_rate_check(brief_id: int, db: DbSession, user: Reader) -> dict[str, Any]:
    view = latest_check(db, get_brief(db, brief_id), today())
    if view is None:
        raise NotFound(f"brief {brief_id} has no rate check yet")
    return check_payload(view)


class OverrideIn(BaseModel):
    verdict: str | None = None
    reason: str = ""


@router.post("/briefs/{brief_id}/rate-check/override")
def rate_check_override(
    brief_id: int, body: OverrideIn, db: DbSession, user: Writer
) -> dict[str, Any]:
    """Set or clear a person's verdict on the brief's latest check, with the reason."""
    brief = get_brief(db, brief_id)
    override_latest(db, brief, body.verdict or None, body.reason, user)
    view = latest_check(db, brief, today())
    assert view is not None
    return check_payload(view)
