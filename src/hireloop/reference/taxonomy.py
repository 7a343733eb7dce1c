"""hireloop's own taxonomy of ML tools and skills: aliases, kinds and the areas they evidence."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from hireloop.reference.loader import load_model
from hireloop.reference.skills import AreaId

SkillKind = Literal[
    "framework",
    "serving",
    "orchestration",
    "vector_database",
    "embedding_model",
    "monitoring",
    "cloud_ml_platform",
    "gpu_parallelism",
    "data",
    "language",
    "llm",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Alias(_Strict):
    """One way a skill is written. Rules apply to aliases that are also ordinary words."""

    text: str
    case_sensitive: bool = False
    context: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("alias text must not be blank")
        return value.strip()

    @property
    def key(self) -> str:
        """The lower-cased form the matcher searches for."""
        return " ".join(self.text.lower().split())

    @property
    def ambiguous(self) -> bool:
        return self.case_sensitive or bool(self.context)


class Skill(_Strict):
    name: str
    kind: SkillKind
    areas: tuple[AreaId, ...] = ()
    aliases: tuple[Alias, ...]

    @field_validator("aliases", mode="before")
    @classmethod
    def _plain_strings(cls, value: object) -> object:
        if isinstance(value, list | tuple):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value


class Taxonomy(_Strict):
    version: int
    source: str
    as_of: date
    skills: tuple[Skill, ...]

    @model_validator(mode="after")
    def _unique_names(self) -> Taxonomy:
        names = [skill.name for skill in self.skills]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"skill names must be unique: {duplicates}")
        return self

    def skill(self, name: str) -> Skill:
        for skill in self.skills:
            if skill.name == name:
                return skill
        raise KeyError(name)


@lru_cache(maxsize=4)
def load_taxonomy(override: Path | None = None) -> Taxonomy:
    return load_model(Taxonomy, "taxonomy.yaml", override)
