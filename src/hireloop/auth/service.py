"""Accounts: create users and check their credentials."""

from __future__ import annotations

from sqlalchemy.orm import Session

from hireloop.auth.errors import UserExists, WeakPassword, WrongCredentials
from hireloop.auth.models import ROLES, User
from hireloop.auth.passwords import MIN_PASSWORD_LENGTH, hash_password, verify_password
from hireloop.auth.repository import UserRepository
from hireloop.compliance.service import record
from hireloop.kit.errors import InvalidInput


def create_user(
    session: Session,
    *,
    email: str,
    name: str,
    password: str,
    role: str,
    actor: User | None = None,
) -> User:
    email = email.strip().lower()
    if "@" not in email or len(email) > 320:
        raise InvalidInput(f"{email!r} is not an e-mail address", detail=[{"field": "email"}])
    if role not in ROLES:
        raise InvalidInput(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"the password must be at least {MIN_PASSWORD_LENGTH} characters long")
    users = UserRepository(session)
    if users.by_email(email) is not None:
        raise UserExists(f"a user with e-mail {email} already exists")
    user = users.add(
        User(
            email=email,
            name=name.strip() or email,
            password_hash=hash_password(password),
            role=role,
        )
    )
    record(session, actor, "user.create", "user", user.id, {"email": email, "role": role})
    return user


def authenticate(session: Session, email: str, password: str) -> User:
    user = UserRepository(session).by_email(email)
    if user is None or not user.active or not verify_password(user.password_hash, password):
        record(session, None, "login.failed", "user", None, {"email": email.strip().lower()[:320]})
        raise WrongCredentials()
    record(session, user, "login", "user", user.id, {})
    return user
