"""What every command shares: the runtime, one transaction, JSON and table output."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy.orm import Session

from hireloop.kit.errors import InvalidInput
from hireloop.runtime import Runtime
from hireloop.settings import Settings

console = Console()


def make_runtime() -> Runtime:
    return Runtime(Settings())


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """One transaction for the whole command: committed only if the command succeeds."""
    runtime = make_runtime()
    try:
        with runtime.transaction() as session:
            yield session
    finally:
        runtime.close()


def print_json_lines(rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        print(json.dumps(row, ensure_ascii=False, default=str), flush=False)


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


def parse_date_option(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(f"{option} must be a date like 2026-11-25, not {value!r}") from exc
