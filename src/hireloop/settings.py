"""Typed settings, read from HIRELOOP_* environment variables."""

from __future__ import annotations

import secrets
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from hireloop.kit.errors import HireloopError

PLACEHOLDER_SECRETS = frozenset({"", "changeme", "change-me", "secret", "dev", "placeholder"})


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HIRELOOP_", extra="ignore")

    home: Path = Field(default=Path("var"), description="Folder for the database and documents")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; SQLite in home")
    secret_key: str | None = Field(default=None, description="Signs session cookies")
    environment: Literal["development", "production"] = "development"
    host: str = "127.0.0.1"
    port: int = 8000
    secure_cookies: bool = False
    session_max_age_seconds: int = 8 * 60 * 60

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'hireloop.db').resolve()}"

    @property
    def documents_dir(self) -> Path:
        return self.home / "documents"

    @cached_property
    def session_secret(self) -> str:
        """The configured secret, or one generated on first run and kept in the home folder."""
        if self.secret_key is not None:
            if self.secret_key.strip().lower() in PLACEHOLDER_SECRETS or len(self.secret_key) < 16:
                raise HireloopError(
                    "HIRELOOP_SECRET_KEY is a placeholder or shorter than 16 characters; "
                    "set a long random value or unset it to let hireloop generate one"
                )
            return self.secret_key
        if self.environment == "production":
            raise HireloopError("HIRELOOP_SECRET_KEY must be set in production")
        path = self.home / "secret_key"
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        self.home.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.touch(mode=0o600)
        path.write_text(key, encoding="utf-8")
        return key
