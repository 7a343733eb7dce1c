"""Logging in and out, and who may see what."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from hireloop.compliance.models import AuditEntry
from support import PASSWORD, add_user, csrf_from, login


def test_health_needs_no_login(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_pages_send_an_anonymous_visitor_to_the_login_page(client: TestClient) -> None:
    response = client.get("/candidates")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/candidates"


def test_api_refuses_an_anonymous_caller_with_json(client: TestClient) -> None:
    response = client.get("/api/v1/briefs")
    assert response.status_code == 401
    assert response.json()["error"] == "please log in"


def test_wrong_password_shows_the_error_and_keeps_the_email(
    client: TestClient, db: Session
) -> None:
    user = add_user(db, "recruiter")
    token = csrf_from(client)
    response = client.post(
        "/login", data={"email": user.email, "password": "not it at all", "csrf_token": token}
    )
    assert response.status_code == 401
    assert "do not match" in response.text
    assert f'value="{user.email}"' in response.text
    assert client.get("/").status_code == 303
    failed = db.scalars(select(AuditEntry).where(AuditEntry.action == "login.failed")).all()
    assert [e.detail["email"] for e in failed] == [user.email]


def test_login_sets_an_httponly_samesite_cookie_and_opens_the_dashboard(
    client: TestClient, db: Session
) -> None:
    user = add_user(db, "recruiter")
    token = csrf_from(client)
    response = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 303
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "<h1>Dashboard</h1>" in client.get("/").text


def test_a_form_posted_without_its_csrf_token_is_refused(client: TestClient, db: Session) -> None:
    user = add_user(db, "recruiter")
    csrf_from(client)
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "security token" in response.text


def test_an_api_change_without_the_csrf_header_is_refused(client: TestClient, db: Session) -> None:
    login(client, add_user(db, "recruiter"))
    response = client.post("/api/v1/applications/1/move", json={"stage": "screened"})
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_an_interviewer_may_not_open_the_admin_page(client: TestClient, db: Session) -> None:
    login(client, add_user(db, "interviewer"))
    response = client.get("/admin/users")
    assert response.status_code == 403
    assert "does not allow" in response.text


def test_an_admin_adds_a_user_and_a_bad_one_keeps_what_was_typed(
    client: TestClient, db: Session
) -> None:
    token = login(client, add_user(db, "admin"))
    ok = client.post(
        "/admin/users",
        data={
            "email": "hm@example.com",
            "name": "Hiring Manager",
            "role": "hiring_manager",
            "password": "long enough pass",
            "csrf_token": token,
        },
    )
    assert ok.status_code == 303
    assert "hm@example.com" in client.get("/admin/users").text
    short = client.post(
        "/admin/users",
        data={
            "email": "short@example.com",
            "name": "Short Pass",
            "role": "interviewer",
            "password": "short",
            "csrf_token": token,
        },
    )
    assert short.status_code == 422
    assert "at least 10 characters" in short.text
    assert 'value="short@example.com"' in short.text


def test_logout_ends_the_session(client: TestClient, db: Session) -> None:
    token = login(client, add_user(db, "recruiter"))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get("/").status_code == 303


def test_login_only_returns_to_pages_of_this_site(client: TestClient, db: Session) -> None:
    user = add_user(db, "recruiter")
    for target, expected in [
        ("/candidates", "/candidates"),
        ("//evil.example/", "/"),
        ("/\\evil.example/", "/"),
        ("https://evil.example/", "/"),
    ]:
        client.cookies.clear()
        token = csrf_from(client)
        response = client.post(
            "/login",
            data={"email": user.email, "password": PASSWORD, "csrf_token": token, "next": target},
        )
        assert response.headers["location"] == expected, target
