"""Production-evidence screening: CV text -> verdict, scores, quoted evidence, explanation."""

from importlib.machinery import EXTENSION_SUFFIXES

from hireloop.screening import engine as _engine
from hireloop.screening.engine import SCREENING_VERSION, screen
from hireloop.screening.models import Evidence, ExperienceEntry, ScreeningResult, Section

# Whether the engine runs compiled (the default build) or from its Python sources.
COMPILED = (_engine.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))

__all__ = [
    "COMPILED",
    "SCREENING_VERSION",
    "Evidence",
    "ExperienceEntry",
    "ScreeningResult",
    "Section",
    "screen",
]
