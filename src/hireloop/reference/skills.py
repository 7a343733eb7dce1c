"""The skill areas, soft skills and title variants every domain speaks of."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from hireloop.reference.loader import load_model

AreaId = Literal["pytorch_production", "llm_rag", "mlops", "python_stack", "distributed_gpu"]
AREA_IDS: tuple[AreaId, ...] = (
    "pytorch_production",
    "llm_rag",
    "mlops",
    "python_stack",
    "distributed_gpu",
)
RoleShape = Literal["ml_engineer_mlops", "mlops_platform", "llm_genai", "gpu_distributed"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HardSkill(_Strict):
    id: AreaId
    name: str
    summary: str
    premium_note: str
    source: str
    as_of: date


class SoftSkill(_Strict):
    id: str
    name: str
    summary: str
    source: str
    as_of: date


class TitleVariant(_Strict):
    id: str
    title: str
    note: str
    shapes: list[RoleShape]


class SourceRef(_Strict):
    name: str
    as_of: date


class SkillsReference(_Strict):
    version: int
    hard_skills: list[HardSkill]
    soft_skills: list[SoftSkill]
    title_variants: list[TitleVariant]
    sources: list[SourceRef]

    @field_validator("hard_skills")
    @classmethod
    def _all_five_areas(cls, value: list[HardSkill]) -> list[HardSkill]:
        if sorted(s.id for s in value) != sorted(AREA_IDS):
            raise ValueError(f"hard_skills must list exactly the five areas {AREA_IDS}")
        return value

    @field_validator("title_variants")
    @classmethod
    def _eight_titles(cls, value: list[TitleVariant]) -> list[TitleVariant]:
        if len(value) != 8:
            raise ValueError("title_variants must list the eight title variants")
        return value


@lru_cache(maxsize=4)
def load_skills(override: Path | None = None) -> SkillsReference:
    return load_model(SkillsReference, "skills.yaml", override)
