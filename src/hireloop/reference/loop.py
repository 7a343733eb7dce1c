"""The interview loop template: blocks, minutes, weights, rating scale and decision thresholds."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hireloop.reference.loader import load_model

BlockId = Literal["system_design", "deep_dive", "behavioural", "coding"]
BLOCK_IDS: tuple[BlockId, ...] = ("system_design", "deep_dive", "behavioural", "coding")
RATING_MIN = 1
RATING_MAX = 4


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BlockTemplate(_Strict):
    id: BlockId
    name: str = Field(min_length=1)
    minutes: int = Field(ge=0)
    weight: int = Field(ge=0, le=100)
    question_count: int = Field(ge=1)
    purpose: str = Field(min_length=1)


class RatingLevel(_Strict):
    value: int = Field(ge=RATING_MIN, le=RATING_MAX)
    label: str
    meaning: str


class DecisionThresholds(_Strict):
    """Loop scores at or above `strong_hire` / `hire` earn that decision; below is no hire."""

    strong_hire: float = Field(ge=RATING_MIN, le=RATING_MAX)
    hire: float = Field(ge=RATING_MIN, le=RATING_MAX)
    source: str = "hireloop"
    as_of: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> DecisionThresholds:
        if self.hire > self.strong_hire:
            raise ValueError("the hire threshold cannot be above the strong hire threshold")
        return self


class PassRateTarget(_Strict):
    value: float = Field(ge=0, le=1)
    source: str
    as_of: date


class LoopTemplate(_Strict):
    version: int
    total_minutes: int = Field(gt=0)
    weights_source: str
    weights_as_of: date
    blocks: list[BlockTemplate]
    rating_scale: list[RatingLevel]
    thresholds: DecisionThresholds
    pass_rate_target: PassRateTarget

    @field_validator("blocks")
    @classmethod
    def _the_four_blocks(cls, value: list[BlockTemplate]) -> list[BlockTemplate]:
        if [b.id for b in value] != list(BLOCK_IDS):
            raise ValueError(f"blocks must be exactly {BLOCK_IDS}, in that order")
        if sum(b.weight for b in value) != 100:
            raise ValueError("block weights must total 100")
        return value

    @field_validator("rating_scale")
    @classmethod
    def _every_rating_described(cls, value: list[RatingLevel]) -> list[RatingLevel]:
        if sorted(level.value for level in value) != list(range(RATING_MIN, RATING_MAX + 1)):
            raise ValueError(f"rating_scale must describe each value {RATING_MIN}-{RATING_MAX}")
        return value

    @model_validator(mode="after")
    def _minutes_fill_the_loop(self) -> LoopTemplate:
        if sum(b.minutes for b in self.blocks) != self.total_minutes:
            raise ValueError("block minutes must add up to total_minutes")
        return self

    def block(self, block_id: BlockId) -> BlockTemplate:
        return next(b for b in self.blocks if b.id == block_id)

    @property
    def weights(self) -> dict[str, int]:
        return {b.id: b.weight for b in self.blocks}


@lru_cache(maxsize=4)
def load_loop_template(override: Path | None = None) -> LoopTemplate:
    return load_model(LoopTemplate, "loop.yaml", override)
