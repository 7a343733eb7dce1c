"""Helpers the tests share: users, logging in, reading the CSRF token like a browser."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from hireloop.auth.models import User
from hireloop.auth.service import create_user
from hireloop.candidates.models import Candidate, Document
from hireloop.candidates.repository import CandidateRepository
from hireloop.candidates.screening_service import screen_document

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


def add_cv(
    db: Session,
    name: str,
    template: str,
    as_of: date,
    location: str | None = None,
    filename: str | None = None,
) -> Candidate:
    """A candidate with one text CV (`template` with {name} filled in), screened as of `as_of`;
    the file is named after them (e.g. ada-shipped.txt) unless `filename` is given."""
    repo = CandidateRepository(db)
    candidate = repo.add(Candidate(name=name, location=location))
    text = template.format(name=name)
    document = repo.add_document(
        Document(
            candidate_id=candidate.id,
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            filename=filename or f"{name.lower().replace(' ', '-')}.txt",
            format="text",
            pages=1,
            size_bytes=len(text),
            text=text,
        )
    )
    screen_document(db, candidate, document, as_of)
    return candidate
