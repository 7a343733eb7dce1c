"""Log in, log out, and the admin's user page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hireloop.auth.models import ROLES, User
from hireloop.auth.repository import UserRepository
from hireloop.auth.service import authenticate, create_user
from hireloop.kit.errors import HireloopError
from hireloop.web.deps import DbSession, require
from hireloop.web.templating import render

router = APIRouter()


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": _safe_next(next), "email": "", "error": None})


@router.post("/login", response_model=None)
def login(
    request: Request,
    db: DbSession,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    try:
        user = authenticate(db, email, password)
    except HireloopError as exc:
        context = {"next": _safe_next(next), "email": email, "error": exc.message}
        return render(request, "login.html", context, status_code=401)
    request.session.clear()
    request.session["uid"] = user.id
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request) -> RedirectResponse:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


AdminUser = Annotated[User, Depends(require("users:admin"))]


@router.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request, db: DbSession, user: AdminUser) -> Response:
    users = UserRepository(db).all()
    return render(
        request, "users.html", {"users": users, "roles": ROLES, "form": {}, "error": None}
    )


@router.post("/admin/users", response_model=None)
def users_create(
    request: Request,
    db: DbSession,
    user: AdminUser,
    email: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "recruiter",
    password: Annotated[str, Form()] = "",
) -> Response:
    try:
        create_user(db, email=email, name=name, password=password, role=role, actor=user)
    except HireloopError as exc:
        db.rollback()
        users = UserRepository(db).all()
        form = {"email": email, "name": name, "role": role}
        context = {"users": users, "roles": ROLES, "form": form, "error": exc.message}
        return render(request, "users.html", context, status_code=exc.status)
    return RedirectResponse("/admin/users", status_code=303)
