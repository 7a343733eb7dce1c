"""screen(): CV text in, a verdict with its evidence and arithmetic out. Pure and deterministic."""

from __future__ import annotations

from datetime import date

from hireloop.reference.taxonomy import Taxonomy, load_taxonomy
from hireloop.screening.analysis import Reading, read_cv
from hireloop.screening.dates import merged_years
from hireloop.screening.evidence import report
from hireloop.screening.models import VERDICT_BY_LEVEL, ScreeningResult
from hireloop.screening.scoring import area_scores, missing_items, overall_score, red_flags
from hireloop.screening.verdict import BlockSignals, Ref, first_term, ml_profile, signals_for

RULES_VERSION = "2"


def screening_version(taxonomy: Taxonomy) -> str:
    """Changes whenever the rules or the taxonomy change: stored results older than it are stale."""
    return f"rules-{RULES_VERSION}+taxonomy-{taxonomy.version}"


SCREENING_VERSION = screening_version(load_taxonomy())


def screen(text: str, as_of: date, taxonomy: Taxonomy | None = None) -> ScreeningResult:
    """Screen one CV's text for production ML evidence as of the given date."""
    taxonomy = taxonomy or load_taxonomy()
    reading = read_cv(text, as_of, taxonomy)
    signals = signals_for(reading)
    profile = ml_profile(reading, signals)
    explanation = [
        f"ML profile signal = {profile.ml_lines} work line(s) describing ML work + 0.5 x "
        f"{profile.ml_mentions} line(s) only naming the field + 2 x "
        f"{len(profile.ml_titles)} ML role title(s) + {1 if profile.headline_title else 0} for an "
        f"ML headline + {profile.research_lines} ML research line(s) (at most 2) = "
        f"{profile.signal:g} (an ML profile needs >= 2)"
    ]
    level: int | None = None
    if profile.is_ml:
        level, decisive = _profile_level(signals)
        explanation.append(_level_note(reading, level, decisive))
    else:
        explanation.append("verdict not_ml: too little ML work described to judge production")
    years = merged_years(reading.work_ranges)
    explanation.append(
        f"years of experience = {years} from {len(reading.work_ranges)} dated range(s) outside "
        "education, overlaps counted once"
        if years is not None
        else "years of experience unknown: no dated roles found"
    )
    score, score_notes = overall_score(reading, signals, level)
    areas, area_notes = area_scores(reading, signals, level)
    skills = taxonomy.skills
    # One validation in pydantic's core builds the evidence models from plain dicts.
    return ScreeningResult(
        verdict="not_ml" if level is None else VERDICT_BY_LEVEL[level],
        production_level=level,
        score=score,
        areas=areas,
        evidence=report(reading),
        missing=missing_items(signals, years, profile.is_ml),
        years_experience=years,
        red_flags=red_flags(reading, signals, level),
        skills=sorted({skills[index].name for read in reading.units for index in read.skills}),
        explanation=explanation + score_notes + area_notes,
        sections=reading.sections,
        experience=reading.entries,
        screening_version=screening_version(taxonomy),
    )


def _profile_level(signals: list[BlockSignals]) -> tuple[int, BlockSignals | None]:
    best: BlockSignals | None = None
    for sig in signals:
        if sig.is_ml and (best is None or sig.level > best.level):
            best = sig
    if best is None:
        return 0, None
    return max(0, best.level), best


def _level_note(reading: Reading, level: int, sig: BlockSignals | None) -> str:
    if sig is None:
        return "level 0: ML titles held but no ML work described in any role"
    where = sig.block.header.replace("\n", " / ")[:80] or sig.block.section.kind
    stack = sorted({reading.taxonomy.skills[index].name for _position, index in sig.stack})

    def first(refs: list[Ref]) -> str:
        return first_term(reading, refs)

    return (
        f"level {level} ({VERDICT_BY_LEVEL[level]}) from [{where}]: rule '{sig.rule}'; "
        f"deployment {first(sig.deployment)}, vague deployment {first(sig.vague_deployment)}, "
        f"system deployment {first(sig.system_deployment)}, "
        f"stack {', '.join(stack) or 'none'}, "
        f"figures {first(sig.figures)}, ownership {first(sig.ownership)}, "
        f"impact {first(sig.impact)}"
    )
