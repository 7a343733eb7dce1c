"""Request-scoped pieces every route shares: the unit of work, the user, roles and CSRF."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.permissions import Permission, allows
from hireloop.auth.repository import UserRepository
from hireloop.kit.errors import Forbidden, NotAuthenticated
from hireloop.runtime import Runtime


@dataclass(frozen=True)
class Viewer:
    """The logged-in user as pages see them, safe to use after the transaction ends."""

    id: int
    email: str
    name: str
    role: str


UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def runtime_of(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def get_db(request: Request) -> Iterator[Session]:
    """One transaction per request: committed when the handler returns, else rolled back."""
    with runtime_of(request).transaction() as session:
        yield session


DbSession = Annotated[Session, Depends(get_db, scope="function")]


def csrf_token(request: Request) -> str:
    token = request.session.get(CSRF_FIELD)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[CSRF_FIELD] = token
    return token


async def csrf_protect(request: Request) -> None:
    """Every state-changing request carries the session's token, in a form field or header."""
    if request.method not in UNSAFE_METHODS:
        return
    expected = request.session.get(CSRF_FIELD)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not isinstance(expected, str) or sent is None or not secrets.compare_digest(expected, sent):
        raise Forbidden("the form's security token is missing or out of date; reload and retry")


def current_user(request: Request, db: DbSession) -> User:
    user_id = request.session.get("uid")
    user = UserRepository(db).get(user_id) if isinstance(user_id, int) else None
    if user is None or not user.active:
        raise NotAuthenticated("please log in")
    request.state.user = Viewer(user.id, user.email, user.name, user.role)
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def require(permission: Permission) -> Callable[[User], User]:
    def check(user: CurrentUser) -> User:
        if not allows(user.role, permission):
            raise Forbidden(f"your role ({user.role}) does not allow this")
        return user

    return check
