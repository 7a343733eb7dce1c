"""The screening engine is compiled at install (setup.py): the suite tests what runs."""

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import hireloop.screening
from conftest import skip_or_fail
from hireloop.screening import COMPILED

PACKAGE = Path(hireloop.screening.__file__).parent


def _built(source: Path) -> Path | None:
    for suffix in EXTENSION_SUFFIXES:
        candidate = source.with_suffix(suffix)
        if candidate.exists():
            return candidate
    return None


def test_the_engine_runs_compiled_by_default() -> None:
    if not COMPILED:
        skip_or_fail("the screening engine was installed from its Python sources")
    assert _built(PACKAGE / "engine.py") is not None


def test_no_compiled_module_is_older_than_its_source() -> None:
    stale = [
        source.name
        for source in sorted(PACKAGE.glob("*.py"))
        if (built := _built(source)) is not None and source.stat().st_mtime > built.stat().st_mtime
    ]
    assert stale == [], f"compiled before their sources last changed: {stale}; run `make install`"
