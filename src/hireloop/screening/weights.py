"""How much a claim weighs: its kind, its section, list line or not, and its age."""

from __future__ import annotations

import math

from hireloop.screening.models import EvidenceKind, SectionKind

BASE_WEIGHT: dict[EvidenceKind, float] = {
    "deployment": 10.0,
    "scale": 8.0,
    "latency": 8.0,
    "reliability": 7.0,
    "monitoring": 6.0,
    "pipeline": 6.0,
    "impact": 4.0,
    "notebook": 4.0,
    "ml_work": 2.0,
    "tool": 3.0,
}
SECTION_FACTOR: dict[SectionKind, float] = {
    "experience": 1.0,
    "projects": 0.7,
    "summary": 0.6,
    "other": 0.5,
    "publications": 0.3,
    "education": 0.3,
    "certifications": 0.2,
    "skills": 0.1,
}
LIST_FACTOR = 0.3
HALF_LIFE_YEARS = 5.0


def recency(age: float | None, half_life: float = HALF_LIFE_YEARS) -> float:
    """Evidence loses half its weight every `half_life` years; undated evidence keeps it all."""
    return 1.0 if age is None else 0.5 ** (age / half_life)


def unit_factor(section: SectionKind, is_list: bool, age: float | None) -> float:
    """A unit's factor: its section's, less on a list line, less with age."""
    factor = SECTION_FACTOR[section]
    if is_list:
        factor *= LIST_FACTOR
    return factor * recency(age)


def claim_weight(kind: EvidenceKind, strength: float, factor: float) -> float:
    return round3(BASE_WEIGHT[kind] * strength * factor)


def tool_weight(factor: float) -> float:
    return round3(BASE_WEIGHT["tool"] * factor)


def round3(value: float) -> float:
    """`round(value, 3)`, the same float, mostly without the decimal conversion behind it.

    round() rounds the exact value x 1,000 to the nearest whole number (an exact tie, such
    as 0.0625 = 62.5 thousandths, to the even one) and returns the float nearest that number
    / 1,000, which is what dividing it by 1000.0 gives. Below a million the product computed
    here is within 1e-10 of the exact one, so its fraction decides the rounding unless it
    lies within 1e-6 of one half; those (ties included), and anything else, go through
    round()."""
    scaled = value * 1000.0
    if 0.0 < scaled < 1e6:
        whole = math.floor(scaled)
        fraction = scaled - whole
        if fraction < 0.499999:
            return float(whole) / 1000.0
        if fraction > 0.500001:
            return float(whole + 1) / 1000.0
    return round(value, 3)
