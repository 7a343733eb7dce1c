"""The evidence items a result reports, chosen from every weighed claim of a reading.

Every claim is weighed (its kind, its strength, its section, list line or not, its age), but
only the heaviest few of each kind and the best use of each skill become evidence items.
"""

from __future__ import annotations

from typing import Any

from hireloop.screening.analysis import Reading, ReadUnit
from hireloop.screening.models import EvidenceKind
from hireloop.screening.weights import (
    BASE_WEIGHT,
    HALF_LIFE_YEARS,
    LIST_FACTOR,
    SECTION_FACTOR,
    claim_weight,
    recency,
    tool_weight,
)

__all__ = [
    "BASE_WEIGHT",
    "CLAIMS_PER_KIND",
    "HALF_LIFE_YEARS",
    "LIST_FACTOR",
    "SECTION_FACTOR",
    "SKILLS_REPORTED",
    "recency",
    "report",
]

# What a result reports: the heaviest claims of each kind, the heaviest use of each skill.
CLAIMS_PER_KIND = 3
SKILLS_REPORTED = 12
_KIND_ORDER = {kind: rank for rank, kind in enumerate(BASE_WEIGHT)}


def report(reading: Reading) -> list[dict[str, Any]]:
    """The evidence items of the result (as the fields of `Evidence`), in text order: for each
    claim kind the `CLAIMS_PER_KIND` heaviest, for each of the `SKILLS_REPORTED` heaviest skills
    its heaviest use (one item per area it evidences), and always one of the most recent."""
    claims: dict[EvidenceKind, list[tuple[float, int]]] = {kind: [] for kind in BASE_WEIGHT}
    best_use: dict[int, tuple[float, int]] = {}
    youngest: tuple[float, int] | None = None  # (age, unit position)
    blocks = reading.blocks
    tool_base = BASE_WEIGHT["tool"]
    for position, read in enumerate(reading.units):
        factor = read.factor
        for kind, claim in read.claims.items():
            claims[kind].append((-BASE_WEIGHT[kind] * claim[0] * factor, position))
        if read.skills:
            heft = -tool_base * factor
            for skill in read.skills:
                known = best_use.get(skill)
                if known is None or heft < known[0]:
                    best_use[skill] = (heft, position)
        age = blocks[read.block].age
        if (
            age is not None
            and (read.claims or read.skills)
            and (youngest is None or age < youngest[0])
        ):
            youngest = (age, position)
    chosen: set[tuple[int, int, EvidenceKind]] = set()
    for kind, items in claims.items():
        items.sort()
        chosen.update((position, 0, kind) for _heft, position in items[:CLAIMS_PER_KIND])
    heaviest = sorted((use, skill) for skill, use in best_use.items())[:SKILLS_REPORTED]
    chosen.update((position, skill, "tool") for (_heft, position), skill in heaviest)
    if youngest is not None:
        ages = {blocks[reading.units[p].block].age for p, _s, _k in chosen}
        if youngest[0] not in ages:
            read = reading.units[youngest[1]]
            if read.claims:
                kind = max(read.claims, key=lambda k: BASE_WEIGHT[k] * read.claims[k][0])
                chosen.add((youngest[1], 0, kind))
            else:
                chosen.add((youngest[1], next(iter(read.skills)), "tool"))
    evidence: list[dict[str, Any]] = []
    units = reading.units
    for position, skill, kind in sorted(
        chosen, key=lambda c: (units[c[0]].start, _KIND_ORDER[c[2]], c[1])
    ):
        read = units[position]
        if kind == "tool":
            evidence.extend(_tool_items(reading, read, skill))
        else:
            evidence.append(_claim_item(reading, read, kind))
    return evidence


def _claim_item(reading: Reading, read: ReadUnit, kind: EvidenceKind) -> dict[str, Any]:
    strength, start, end = read.claims[kind]
    return {
        "quote": reading.quote(read),
        "start": read.start,
        "end": read.end,
        "section": read.section,
        "kind": kind,
        "term": reading.term(read, start, end),
        "area": None,
        "skill": None,
        "weight": claim_weight(kind, strength, read.factor),
        "age_years": reading.blocks[read.block].age,
    }


def _tool_items(reading: Reading, read: ReadUnit, index: int) -> list[dict[str, Any]]:
    skill = reading.taxonomy.skills[index]
    start, end = read.skills[index]
    common = {
        "quote": reading.quote(read),
        "start": read.start,
        "end": read.end,
        "section": read.section,
        "kind": "tool",
        "term": reading.term(read, start, end),
        "skill": skill.name,
        "weight": tool_weight(read.factor),
        "age_years": reading.blocks[read.block].age,
    }
    return [{**common, "area": area} for area in skill.areas or (None,)]
