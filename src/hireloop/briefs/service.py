"""Outcome briefs: create (from a form, the API or YAML), read, list, and profile them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.briefs.intake import BriefIn, brief_warnings, parse_brief_yaml, validate_brief
from hireloop.briefs.models import Brief
from hireloop.briefs.profile import RoleProfile, derive_profile, profile_markdown
from hireloop.briefs.repository import BriefRepository
from hireloop.compliance.service import record
from hireloop.kit.errors import NotFound


def get_brief(session: Session, brief_id: int) -> Brief:
    brief = BriefRepository(session).get(brief_id)
    if brief is None:
        raise NotFound(f"no brief with id {brief_id}")
    return brief


def list_briefs(session: Session, status: str | None = None) -> list[Brief]:
    return BriefRepository(session).all(status=status)


def create_brief(session: Session, brief_in: BriefIn, actor: User | None) -> Brief:
    """Store a validated outcome brief: its fields are the table's columns, one for one."""
    brief = BriefRepository(session).add(
        Brief(**brief_in.model_dump(), created_by_id=actor.id if actor else None)
    )
    record(session, actor, "brief.create", "brief", brief.id, {"title": brief.title})
    return brief


def brief_in_of(brief: Brief) -> BriefIn:
    """The stored brief as the intake model, for deriving its role profile."""
    return BriefIn.model_validate({name: getattr(brief, name) for name in BriefIn.model_fields})


def create_brief_from(
    session: Session, data: Mapping[str, Any] | str, actor: User | None
) -> tuple[Brief, list[str]]:
    """Check a brief given as a mapping (form, API) or YAML text, store it, and return it with
    its warnings; raise BriefInvalid naming every field that is wrong."""
    brief_in = parse_brief_yaml(data) if isinstance(data, str) else validate_brief(data)
    return create_brief(session, brief_in, actor), brief_warnings(brief_in)


def warnings_of(brief: Brief) -> list[str]:
    return brief_warnings(brief_in_of(brief))


@dataclass(frozen=True)
class BriefProfile:
    brief: Brief
    brief_in: BriefIn
    profile: RoleProfile
    warnings: list[str]

    def markdown(self) -> str:
        return profile_markdown(self.brief_in, self.profile)


def brief_profile(session: Session, brief_id: int, as_of: date | None = None) -> BriefProfile:
    """The brief's role profile: shape, weights, titles and search strings, each with why."""
    brief = get_brief(session, brief_id)
    brief_in = brief_in_of(brief)
    profile = derive_profile(brief_in, as_of)
    return BriefProfile(brief, brief_in, profile, brief_warnings(brief_in))
