"""Production-evidence screening: CV text -> verdict, scores, quoted evidence, explanation."""

from hireloop.screening.engine import SCREENING_VERSION, screen
from hireloop.screening.models import Evidence, ExperienceEntry, ScreeningResult, Section

__all__ = [
    "SCREENING_VERSION",
    "Evidence",
    "ExperienceEntry",
    "ScreeningResult",
    "Section",
    "screen",
]
