from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from hireloop.auth.models import User
from hireloop.pipeline import service
from hireloop.web.deps import DbSession, require

router = APIRouter(prefix="/api/v1", tags=["pipeline"])


class MoveIn(BaseModel):
    stage: str
    note: str = ""


@router.post("/applications/{application_id}/move")
def move(
    application_id: int,
    body: MoveIn,
    db: DbSession,
    user: Annotated[User, Depends(require("pipeline:move"))],
) -> dict[str, Any]:
    application = service.move(db, application_id, body.stage, user, body.note)
    return {"id": application.id, "brief_id": application.brief_id, "stage": application.stage}
