"""Turn the hits of a reading into weighted evidence items, one per claim kind per unit."""

from __future__ import annotations

from hireloop.screening.analysis import Block, Reading, ReadUnit
from hireloop.screening.evidence_patterns import SERVING_HINT
from hireloop.screening.models import Evidence, EvidenceKind, SectionKind

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


def unit_factor(read: ReadUnit) -> float:
    factor = SECTION_FACTOR[read.section.kind]
    return factor * LIST_FACTOR if read.unit.is_list else factor


def build_evidence(reading: Reading) -> tuple[list[list[Evidence]], list[dict[str, float]]]:
    """Evidence per unit, in unit order: the strongest phrase of each kind, each skill once.

    Also returns, per unit, the strength of each phrase kind (1.0 specific, below 1 vague).
    """
    text = reading.text
    per_unit: list[list[Evidence]] = []
    strengths: list[dict[str, float]] = []
    for read in reading.units:
        block: Block = reading.blocks[read.block]
        quote = text[read.unit.start : read.unit.end]
        common = {
            "quote": quote,
            "start": read.unit.start,
            "end": read.unit.end,
            "section": read.section.kind,
            "age_years": block.age,
        }
        factor = unit_factor(read) * recency(block.age)
        items: list[Evidence] = []
        best: dict[EvidenceKind, tuple[float, str]] = {}
        seen_skills: set[str] = set()
        for hit in read.hits:
            term = text[hit.start : hit.end]
            if hit.skill is None:
                if hit.strength > best.get(hit.kind, (0.0, ""))[0]:
                    best[hit.kind] = (hit.strength, term)
                continue
            if hit.skill.name in seen_skills:
                continue
            seen_skills.add(hit.skill.name)
            weight = round(BASE_WEIGHT["tool"] * factor, 3)
            for area in hit.skill.areas or (None,):
                items.append(
                    Evidence(
                        **common,
                        kind="tool",
                        term=term,
                        area=area,
                        skill=hit.skill.name,
                        weight=weight,
                    )
                )
        if best.get("deployment", (0.0, ""))[0] == SERVING_HINT and "ml_work" not in best:
            del best["deployment"]  # an API or microservice with no model in sight
        for kind, (strength, term) in best.items():
            weight = round(BASE_WEIGHT[kind] * strength * factor, 3)
            items.insert(0, Evidence(**common, kind=kind, term=term, weight=weight))
        per_unit.append(items)
        strengths.append({kind: strength for kind, (strength, _term) in best.items()})
    return per_unit, strengths
