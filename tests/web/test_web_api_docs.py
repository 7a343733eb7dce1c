"""The API description is behind login and lists the JSON routes, not the pages."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from support import add_user, login


def test_the_openapi_description_needs_a_login(client: TestClient) -> None:
    assert client.get("/api/openapi.json").status_code == 401
    assert client.get("/api/docs").status_code == 303


def test_the_openapi_description_lists_only_api_routes(client: TestClient, db: Session) -> None:
    login(client, add_user(db, "recruiter"))
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/briefs/{brief_id}" in paths
    assert all(path.startswith("/api/v1/") for path in paths)
    page = client.get("/api/docs").text
    assert "/api/v1/applications/{application_id}/move" in page
