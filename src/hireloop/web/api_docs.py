"""The OpenAPI description and a readable page of it, both behind login (no CDN assets)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, Response

from hireloop.web.deps import CurrentUser
from hireloop.web.templating import render

router = APIRouter(include_in_schema=False)


def openapi_spec(request: Request) -> dict[str, Any]:
    """The API's OpenAPI description: only the JSON routes under /api/v1, not the pages."""
    app = request.app
    if app.openapi_schema is None:
        spec = get_openapi(title=app.title, version=app.version, routes=app.routes)
        spec["paths"] = {p: ops for p, ops in spec["paths"].items() if p.startswith("/api/v1/")}
        app.openapi_schema = spec
    result: dict[str, Any] = app.openapi_schema
    return result


@router.get("/api/openapi.json")
def openapi_json(request: Request, user: CurrentUser) -> dict[str, Any]:
    return openapi_spec(request)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request, user: CurrentUser) -> Response:
    spec = openapi_spec(request)
    operations = [
        {"method": method.upper(), "path": path, **op}
        for path, methods in sorted(spec.get("paths", {}).items())
        for method, op in methods.items()
    ]
    return render(request, "api_docs.html", {"operations": operations})
