"""Jinja2 templates with autoescaping and the helpers every page uses."""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from hireloop.auth.permissions import allows
from hireloop.pipeline.models import STAGES
from hireloop.web.deps import csrf_token

templates = Jinja2Templates(directory=str(resources.files("hireloop.web").joinpath("templates")))
templates.env.globals["csrf_token"] = csrf_token
templates.env.globals["allows"] = allows
templates.env.globals["STAGES"] = STAGES


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    data = {"user": getattr(request.state, "user", None), **(context or {})}
    return templates.TemplateResponse(request, template, data, status_code=status_code)
