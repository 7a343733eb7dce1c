"""Load packaged YAML reference files (or a user's override) into validated pydantic models."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from hireloop.kit.errors import InvalidInput

ModelT = TypeVar("ModelT", bound=BaseModel)


class Sourced(BaseModel):
    """Where a figure or fact comes from, and as of when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    as_of: date


def read_yaml(name: str, override: Path | None = None) -> object:
    """Read a packaged YAML file by name, or the user's own file when one is given."""
    if override is not None:
        try:
            text = override.read_text(encoding="utf-8")
        except OSError as exc:
            raise InvalidInput(f"cannot read {override}: {exc.strerror}") from exc
    else:
        text = resources.files("hireloop.reference").joinpath(name).read_text(encoding="utf-8")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InvalidInput(f"{override or name} is not valid YAML: {exc}") from exc


def load_model(model: type[ModelT], name: str, override: Path | None = None) -> ModelT:
    """Validate a YAML reference file against its model; errors name the field that is wrong."""
    data = read_yaml(name, override)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        fields = [
            {"field": ".".join(str(p) for p in err["loc"]), "error": err["msg"]}
            for err in exc.errors()
        ]
        raise InvalidInput(f"{override or name} does not match its schema", detail=fields) from exc
