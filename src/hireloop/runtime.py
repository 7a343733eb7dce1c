"""What a running hireloop holds: its settings, engine and unit-of-work factory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hireloop.db import make_engine, make_sessionmaker, transaction
from hireloop.migrate import ensure_migrated
from hireloop.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    engine: Engine = field(init=False)
    sessions: sessionmaker[Session] = field(init=False)
    _schema_checked: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.settings.home.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(self.settings.resolved_database_url)
        self.sessions = make_sessionmaker(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work on a migrated database; commits only if the block succeeds."""
        if not self._schema_checked:
            ensure_migrated(self.engine)
            self._schema_checked = True
        with transaction(self.sessions) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
