from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from hireloop.auth.models import User
from hireloop.engagements import service
from hireloop.web.deps import DbSession, require

router = APIRouter(prefix="/api/v1", tags=["engagements"])
Reader = Annotated[User, Depends(require("engagement:read"))]
Writer = Annotated[User, Depends(require("engagement:write"))]


class EngagementIn(BaseModel):
    term_sheet_id: int
    allocation_percent: int = 100


class DeliveryIn(BaseModel):
    date: date
    shipped: str
    metric: str


class OutcomeIn(BaseModel):
    kind: str
    reason: str
    decided_on: date | None = None


class HandoverIn(BaseModel):
    done: bool = True


class SalaryIn(BaseModel):
    amount: Decimal = Field(gt=0)


def _answer(db: DbSession, engagement_id: int) -> dict[str, Any]:
    return service.engagement_dict(service.view_engagement(db, engagement_id))


@router.get("/engagements/due")
def due(
    db: DbSession, user: Reader, within: int = 30, today: date | None = None
) -> list[dict[str, Any]]:
    """Checkpoints of active engagements due from today to `within` days ahead."""
    items = service.due_checkpoints(db, today or date.today(), within)
    return [service.due_dict(item) for item in items]


@router.post("/engagements", status_code=201)
def create(body: EngagementIn, db: DbSession, user: Writer) -> dict[str, Any]:
    engagement = service.create_engagement(db, body.term_sheet_id, user, body.allocation_percent)
    return _answer(db, engagement.id)


@router.get("/engagements/{engagement_id}")
def get(engagement_id: int, db: DbSession, user: Reader) -> dict[str, Any]:
    return _answer(db, engagement_id)


@router.get("/engagements/{engagement_id}/deliveries")
def deliveries(engagement_id: int, db: DbSession, user: Reader) -> list[dict[str, Any]]:
    view = service.view_engagement(db, engagement_id)
    return [service.delivery_dict(d) for d in view.deliveries]


@router.post("/engagements/{engagement_id}/deliveries", status_code=201)
def log_delivery(
    engagement_id: int, body: DeliveryIn, db: DbSession, user: Writer
) -> dict[str, Any]:
    entry = service.log_delivery(db, engagement_id, body.date, body.shipped, body.metric, user)
    return service.delivery_dict(entry)


@router.post("/engagements/{engagement_id}/outcome")
def outcome(engagement_id: int, body: OutcomeIn, db: DbSession, user: Writer) -> dict[str, Any]:
    decided = body.decided_on or date.today()
    service.set_outcome(db, engagement_id, body.kind, body.reason, decided, user)
    return _answer(db, engagement_id)


@router.post("/engagements/{engagement_id}/handover/{item_id}")
def handover(
    engagement_id: int, item_id: str, body: HandoverIn, db: DbSession, user: Writer
) -> dict[str, Any]:
    service.set_handover_item(db, engagement_id, item_id, body.done, user)
    return _answer(db, engagement_id)


@router.put("/engagements/{engagement_id}/perm-salary")
def perm_salary(engagement_id: int, body: SalaryIn, db: DbSession, user: Writer) -> dict[str, Any]:
    service.set_perm_salary(db, engagement_id, body.amount, user)
    return _answer(db, engagement_id)


@router.get("/engagements/{engagement_id}/conversion")
def conversion(
    engagement_id: int,
    db: DbSession,
    user: Reader,
    as_of: date | None = None,
    salary: Decimal | None = None,
) -> dict[str, Any]:
    """Fee owed, salary against the annualised contract cost, deliveries, and the arithmetic."""
    economics = service.conversion(db, engagement_id, as_of or date.today(), salary)
    return economics.model_dump(mode="json")
