"""Shared fixtures: a database built by running the migrations, rolled back after each test.

The suite runs on SQLite always, and on PostgreSQL too when HIRELOOP_TEST_POSTGRES_URL is set.
With HIRELOOP_REQUIRE_FULL_SUITE=1 (as in CI) a leg or browser that is missing fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from hireloop.app import create_app
from hireloop.db import make_engine
from hireloop.migrate import upgrade
from hireloop.runtime import Runtime
from hireloop.settings import Settings

POSTGRES_URL = os.environ.get("HIRELOOP_TEST_POSTGRES_URL")
REQUIRE_FULL = os.environ.get("HIRELOOP_REQUIRE_FULL_SUITE") == "1"


def skip_or_fail(reason: str) -> None:
    if REQUIRE_FULL:
        pytest.fail(f"required part of the suite is unavailable: {reason}")
    pytest.skip(reason)


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if POSTGRES_URL or REQUIRE_FULL else ["sqlite"]


@pytest.fixture(scope="session", params=_backends())
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "test.db"
        url = f"sqlite:///{path}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url
        return
    if not POSTGRES_URL:
        skip_or_fail("HIRELOOP_TEST_POSTGRES_URL is not set")
    assert POSTGRES_URL is not None
    server = make_url(POSTGRES_URL)
    name = f"hireloop_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    eng = make_engine(database_url)
    yield eng
    eng.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """A connection whose outer transaction is rolled back when the test ends."""
    conn = engine.connect()
    outer = conn.begin()
    yield conn
    outer.rollback()
    conn.close()


@pytest.fixture
def runtime(database_url: str, connection: Connection, tmp_path: Path) -> Iterator[Runtime]:
    settings = Settings(home=tmp_path / "home", database_url=database_url, secret_key="x" * 32)
    rt = Runtime(settings)
    rt.sessions = sessionmaker(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )
    yield rt
    rt.close()


@pytest.fixture
def db(runtime: Runtime) -> Iterator[Session]:
    session = runtime.sessions()
    yield session
    session.close()


@pytest.fixture
def client(runtime: Runtime) -> Iterator[TestClient]:
    with TestClient(create_app(runtime=runtime), follow_redirects=False) as test_client:
        yield test_client
