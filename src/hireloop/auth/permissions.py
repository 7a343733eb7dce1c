"""Which role may do what: the one place role checks live."""

from __future__ import annotations

from typing import Literal, get_args

Permission = Literal[
    "workspace:view",
    "brief:read",
    "brief:write",
    "candidate:read",
    "candidate:write",
    "candidate:export",
    "candidate:vet",
    "pipeline:move",
    "shortlist:read",
    "shortlist:write",
    "rates:read",
    "rates:write",
    "loop:manage",
    "loop:score",
    "loop:debrief",
    "loop:decide",
    "terms:read",
    "terms:write",
    "engagement:read",
    "engagement:write",
    "users:admin",
]

_READ_WORK = {
    "workspace:view",
    "brief:read",
    "candidate:read",
    "shortlist:read",
    "rates:read",
    "loop:score",
    "loop:debrief",
    "terms:read",
    "engagement:read",
}

GRANTS: dict[str, frozenset[str]] = {
    "admin": frozenset(get_args(Permission)),
    "recruiter": frozenset(
        _READ_WORK
        | {
            "brief:write",
            "candidate:write",
            "candidate:export",
            "candidate:vet",
            "pipeline:move",
            "shortlist:write",
            "rates:write",
            "loop:manage",
            "terms:write",
            "engagement:write",
        }
    ),
    "hiring_manager": frozenset(
        _READ_WORK
        | {"brief:write", "pipeline:move", "loop:manage", "loop:decide", "engagement:write"}
    ),
    "interviewer": frozenset({"workspace:view", "loop:score"}),
}


def allows(role: str, permission: Permission) -> bool:
    return permission in GRANTS.get(role, frozenset())
