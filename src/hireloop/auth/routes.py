from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from hireloop.auth.permissions import GRANTS
from hireloop.web.deps import CurrentUser

router = APIRouter(prefix="/api/v1", tags=["auth"])


@router.get("/me")
def me(user: CurrentUser) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "permissions": sorted(GRANTS.get(user.role, frozenset())),
    }
