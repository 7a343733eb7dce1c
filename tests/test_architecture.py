"""The import direction of ARCHITECTURE.md, checked on the source itself.

pages/routes/cli -> service -> repository -> models; pure engines import no database, web or CLI
library; no domain imports FastAPI or Typer outside its routes, pages and cli files.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "hireloop"
WEB_OR_CLI = ("fastapi", "starlette", "typer", "click", "uvicorn")
DATABASE = ("sqlalchemy", "alembic", "hireloop.db", "hireloop.runtime")
PURE_ENGINES = ("documents", "screening", "kit", "reference")
EDGE_SUFFIXES = ("routes.py", "pages.py", "cli.py")
LAYER = {"models.py": 0, "repository.py": 1, "service.py": 2}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def _hits(names: list[str], prefixes: tuple[str, ...]) -> list[str]:
    return [n for n in names if any(n == p or n.startswith(p + ".") for p in prefixes)]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_web_and_cli_libraries_stay_at_the_edges(path: Path) -> None:
    if (
        path.name.endswith(EDGE_SUFFIXES)
        or path.parent.name == "web"
        or path.name
        in {
            "app.py",
            "cli.py",
            "cli_support.py",
            "system_cli.py",
        }
    ):
        return
    assert _hits(_imports(path), WEB_OR_CLI) == [], f"{path.name} imports a web/CLI library"


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if p.relative_to(SRC).parts[0] in PURE_ENGINES],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_pure_engines_touch_no_database(path: Path) -> None:
    assert _hits(_imports(path), DATABASE) == [], f"{path.name} reaches for the database"


@pytest.mark.parametrize(
    "path", [p for p in _modules() if p.name in LAYER], ids=lambda p: str(p.relative_to(SRC))
)
def test_layers_only_import_downwards(path: Path) -> None:
    mine = LAYER[path.name]
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] != "hireloop" or len(parts) < 3:
            continue
        theirs = LAYER.get(parts[-1] + ".py")
        if theirs is not None:
            assert theirs <= mine, f"{path.name} imports {name}, a layer above it"
        assert parts[-1] not in {"routes", "pages", "cli"}, f"{path.name} imports {name}"
