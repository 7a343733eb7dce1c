"""Panels other domains add to shared pages (the brief page, the dashboard).

Each entry names a function `(db, subject, viewer) -> Panel | None` in a domain's pages.py;
a domain adds its own line here, so the shared pages never import the domains themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any

BRIEF_PANELS: tuple[str, ...] = (
    "hireloop.rates.pages:brief_panel",
    "hireloop.interviews.pages:brief_panel",
    "hireloop.briefs.pages:brief_panel",
    "hireloop.shortlists.pages:brief_panel",
)
DASHBOARD_PANELS: tuple[str, ...] = ("hireloop.engagements.pages:due_panel",)


@dataclass(frozen=True)
class Panel:
    """A template to include, with its own context, and an order on the page."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


PanelProvider = Callable[..., Panel | None]


@cache
def resolve(dotted: str) -> PanelProvider:
    module, _, name = dotted.partition(":")
    provider: PanelProvider = getattr(import_module(module), name)
    return provider


def collect(names: tuple[str, ...], *args: Any) -> list[Panel]:
    panels = [p for p in (resolve(n)(*args) for n in names) if p is not None]
    return sorted(panels, key=lambda p: p.order)
