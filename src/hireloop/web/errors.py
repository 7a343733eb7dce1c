"""One error handler: an HTML page for pages, `{"error", "detail"}` JSON for the API."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from hireloop.kit.errors import HireloopError, NotAuthenticated
from hireloop.web.templating import render

log = logging.getLogger("hireloop")


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/v1/") or path in {"/healthz", "/api/openapi.json"}


def error_response(request: Request, status: int, message: str, code: str, detail: Any) -> Response:
    if wants_json(request):
        return JSONResponse({"error": message, "code": code, "detail": detail}, status_code=status)
    context = {"status": status, "message": message, "code": code, "detail": detail}
    return render(request, "error.html", context, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HireloopError)
    async def _hireloop_error(request: Request, exc: HireloopError) -> Response:
        if (
            isinstance(exc, NotAuthenticated)
            and not wants_json(request)
            and request.method == "GET"
        ):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
        return error_response(request, exc.status, exc.message, exc.code, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "page not found" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, exc.status_code, message, "http_error", None)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        fields = [
            {"field": ".".join(str(p) for p in err["loc"][1:]), "error": err["msg"]}
            for err in exc.errors()
        ]
        return error_response(request, 422, "the request is not valid", "invalid_input", fields)

    @app.exception_handler(IntegrityError)
    async def _integrity_error(request: Request, exc: IntegrityError) -> Response:
        message = "someone else changed this at the same moment; reload the page and try again"
        return error_response(request, 409, message, "conflict", None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "something went wrong on our side", "internal", None)
