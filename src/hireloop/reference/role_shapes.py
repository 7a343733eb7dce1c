"""Markets, role shapes with their keywords, and base area weights used to read a brief."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hireloop.reference.loader import load_model
from hireloop.reference.skills import AREA_IDS, AreaId, RoleShape

_SEPARATORS = re.compile(r"[\s\-_]+")


def normalise_term(text: str) -> str:
    """Lower-case, with hyphens, underscores and runs of spaces folded into one space."""
    return _SEPARATORS.sub(" ", text.lower()).strip()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Strict):
    name: str
    as_of: date


class MinWindow(_Strict):
    weeks: int = Field(gt=0)
    source: str
    as_of: date


class Market(_Strict):
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    github_location: str | None = None


class Shape(_Strict):
    id: RoleShape
    name: str
    summary: str
    keywords: tuple[str, ...]
    github_terms: tuple[str, ...] = Field(min_length=1)
    base_weights: dict[AreaId, int]

    @field_validator("base_weights")
    @classmethod
    def _five_areas_summing_to_100(cls, value: dict[AreaId, int]) -> dict[AreaId, int]:
        if sorted(value) != sorted(AREA_IDS):
            raise ValueError(f"base_weights must give all five areas {AREA_IDS}")
        if sum(value.values()) != 100 or min(value.values()) < 0:
            raise ValueError("base_weights must be non-negative and sum to 100")
        return value


class StackBoost(_Strict):
    points_per_term: int = Field(ge=0)
    cap_per_area: int = Field(ge=0)


class RoleShapesReference(_Strict):
    version: int
    sources: tuple[SourceRef, ...]
    min_window: MinWindow
    markets: tuple[Market, ...]
    search_exclusions: tuple[str, ...]
    default_shape: RoleShape
    shapes: tuple[Shape, ...]
    stack_boost: StackBoost

    @model_validator(mode="after")
    def _every_shape_once(self) -> RoleShapesReference:
        ids = [shape.id for shape in self.shapes]
        if len(set(ids)) != len(ids) or len(ids) != 4:
            raise ValueError("shapes must list each of the four role shapes exactly once")
        if self.default_shape not in ids:
            raise ValueError("default_shape must be one of the listed shapes")
        return self

    @property
    def market_ids(self) -> tuple[str, ...]:
        return tuple(market.id for market in self.markets)

    def market(self, market_id: str) -> Market:
        for market in self.markets:
            if market.id == market_id:
                return market
        raise KeyError(market_id)

    def resolve_market(self, text: str) -> str | None:
        """The market id a location names (by id or alias), or None when it names none."""
        wanted = normalise_term(text)
        for market in self.markets:
            names = (market.id, *market.aliases)
            if wanted in {normalise_term(name) for name in names}:
                return market.id
        return None

    def shape(self, shape_id: str) -> Shape:
        for shape in self.shapes:
            if shape.id == shape_id:
                return shape
        raise KeyError(shape_id)


@lru_cache(maxsize=4)
def load_role_shapes(override: Path | None = None) -> RoleShapesReference:
    return load_model(RoleShapesReference, "role_shapes.yaml", override)
