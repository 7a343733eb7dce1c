"""Build hook: the screening engine's modules are compiled to C with mypyc.

Screening is the hot path of an import (hundreds of CVs a minute); compiled, the same typed code
runs about a quarter faster with the same results. Set HIRELOOP_PURE_PYTHON=1 when installing
to skip the compiler: everything then runs from the Python sources, more slowly.
Everything else about the package lives in pyproject.toml.
"""

import os

from setuptools import setup

# Every module of hireloop.screening but the package, its CLI, its errors and its pydantic
# models (models that subclass pydantic's classes stay Python).
COMPILED_MODULES = (
    "analysis", "dates", "engine", "evidence", "evidence_patterns", "found", "matcher", "scoring",
    "sections", "text", "triggers", "verdict", "weights",
)  # fmt: skip

ext_modules = []
if os.environ.get("HIRELOOP_PURE_PYTHON", "") != "1":
    from mypyc.build import mypycify

    ext_modules = mypycify(
        [f"src/hireloop/screening/{name}.py" for name in COMPILED_MODULES], opt_level="3"
    )

setup(ext_modules=ext_modules)
