"""Helpers the tests share: users, logging in, reading the CSRF token like a browser."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.service import create_user

PASSWORD = "correct horse battery"


def add_user(db: Session, role: str, email: str | None = None) -> User:
    user = create_user(
        db, email=email or f"{role}@example.com", name=role.title(), password=PASSWORD, role=role
    )
    db.commit()
    return user


def csrf_from(client: TestClient) -> str:
    """The CSRF token of the client's session, read from the login form like a browser."""
    page = client.get("/login").text
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, "login page has no CSRF field"
    return match.group(1)


def login(client: TestClient, user: User) -> str:
    """Log in through the form; returns the new session's CSRF token."""
    token = csrf_from(client)
    response = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 303, response.text
    page = client.get("/").text
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, "a logged-in page carries the CSRF token in its logout form"
    return match.group(1)
