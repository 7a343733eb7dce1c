"""Area scores, the overall score, what is missing and the red flags, each with its arithmetic."""

from __future__ import annotations

from hireloop.reference.skills import AREA_IDS, AreaId
from hireloop.screening.analysis import WORK_SECTIONS, Reading
from hireloop.screening.evidence import recency
from hireloop.screening.models import Evidence
from hireloop.screening.verdict import BlockSignals

AREA_POINTS_WORK_LINE = 20.0
AREA_POINTS_WITH_PRODUCTION = 15.0
AREA_POINTS_IN_DEPLOYED_ROLE = 15.0
AREA_HALF_LIFE_YEARS = 10.0
# Notebook-only and non-ML profiles show no real work in any area: kept below the 50 mark.
NO_REAL_WORK_AREA_CAP = 40
AREA_POINTS_ROLE_STACK_LINE = 8.0
AREA_POINTS_LISTED = 2.0
AREA_LISTED_CAP = 10.0
AREA_POINTS_MODEL_WORK = 12.0
PRODUCTION_KINDS = frozenset({"deployment", "scale", "latency", "reliability", "monitoring"})
LEVEL_BANDS: dict[int, tuple[int, int]] = {3: (60, 100), 2: (40, 79), 1: (15, 49), 0: (0, 24)}
NOT_ML_BAND = (0, 10)
SCORE_CAPS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("deployment", ("deployment",), 30.0),
    ("figures", ("scale", "latency"), 20.0),
    ("ownership", ("reliability", "monitoring", "pipeline"), 20.0),
    ("impact", ("impact",), 10.0),
    ("ML work", ("ml_work",), 5.0),
)
STACK_CAP = 15.0
NOTEBOOK_CAP = 15.0


def area_scores(
    reading: Reading,
    per_unit: list[list[Evidence]],
    strengths: list[dict[str, float]],
    signals: list[BlockSignals],
    level: int | None,
) -> tuple[dict[AreaId, int], list[str]]:
    """Points per area from tools: used in a work line (more with production in the same line),
    named on a role's stack line, or only listed (capped). One skill counts once per role."""
    best: dict[tuple[AreaId, str, int], tuple[float, str]] = {}
    # A tool counts once per role; model-work lines count once per line.
    listed: dict[AreaId, dict[str, float]] = {area: {} for area in AREA_IDS}
    for read, items, strength in zip(reading.units, per_unit, strengths, strict=True):
        production = any(strength.get(k, 0.0) >= 1.0 for k in PRODUCTION_KINDS)
        sig = signals[read.block]
        decay = recency(sig.block.age, AREA_HALF_LIFE_YEARS)
        for ev in items:
            in_work = read.section.kind in WORK_SECTIONS and sig.is_ml
            if ev.kind == "ml_work" and in_work and sig.is_industry_role and not read.unit.is_list:
                # Model work in an industry role is done on the Python ML stack.
                points = AREA_POINTS_MODEL_WORK * decay
                key_ml: tuple[AreaId, str, int] = ("python_stack", "model work", read.unit.start)
                best[key_ml] = (points, f"model work line x{decay:.2f} = {points:.1f}")
                continue
            if ev.kind != "tool" or ev.area is None or ev.skill is None:
                continue
            if not in_work:
                listed[ev.area][ev.skill] = AREA_POINTS_LISTED
                continue
            if ev.area == "pytorch_production" and not sig.deployment:
                continue
            if read.unit.is_list:
                points, how = AREA_POINTS_ROLE_STACK_LINE, "on a role's stack line"
            elif production:
                points = AREA_POINTS_WORK_LINE + AREA_POINTS_WITH_PRODUCTION
                how = "in a work line with production evidence"
            elif sig.deployment:
                points = AREA_POINTS_WORK_LINE + AREA_POINTS_IN_DEPLOYED_ROLE
                how = "in a work line of a role that deployed models"
            else:
                points, how = AREA_POINTS_WORK_LINE, "in a work line"
            points *= decay
            key = (ev.area, ev.skill, read.block)
            if points > best.get(key, (0.0, ""))[0]:
                best[key] = (points, f"{ev.skill} {how} x{decay:.2f} = {points:.1f}")
    scores: dict[AreaId, int] = {}
    notes: list[str] = []
    for area in AREA_IDS:
        parts = [(p, how) for (a, _s, _b), (p, how) in sorted(best.items()) if a == area]
        listed_points = min(AREA_LISTED_CAP, sum(listed[area].values()))
        total = sum(p for p, _ in parts) + listed_points
        cap = 100 if level is not None and level >= 1 else NO_REAL_WORK_AREA_CAP
        scores[area] = min(cap, round(total))
        shown = "; ".join(how for _, how in parts[:8]) or "no work lines"
        more = f" (+{len(parts) - 8} more)" if len(parts) > 8 else ""
        notes.append(
            f"area {area} = {scores[area]}: {shown}{more}; listed only: "
            f"{len(listed[area])} skill(s) x{AREA_POINTS_LISTED:g}, capped at "
            f"{AREA_LISTED_CAP:g} = {listed_points:g}; total {total:.1f}, capped at {cap}"
        )
    return scores, notes


def overall_score(
    per_unit: list[list[Evidence]], signals: list[BlockSignals], level: int | None
) -> tuple[int, list[str]]:
    """Capped sums of evidence weights from ML roles, minus notebook signals, placed inside
    the band of the verdict so that a higher level always ranks higher."""
    ml_blocks = {index for index, sig in enumerate(signals) if sig.is_ml}
    sums: dict[str, float] = {}
    stack_weight = 0.0
    notebook = 0.0
    for sig_index, sig in enumerate(signals):
        if sig_index not in ml_blocks:
            continue
        for group in (sig.deployment, sig.vague_deployment, sig.figures, sig.ownership):
            for ev in group:
                sums[ev.kind] = sums.get(ev.kind, 0.0) + ev.weight
        for ev in sig.impact + sig.ml_lines:
            if ev.kind != "tool":
                sums[ev.kind] = sums.get(ev.kind, 0.0) + ev.weight
        stack_weight += sum(ev.weight for ev in sig.stack)
        notebook += sum(ev.weight for ev in sig.notebook)
    parts: list[str] = []
    raw = 0.0
    for label, kinds, cap in SCORE_CAPS:
        value = min(cap, sum(sums.get(k, 0.0) for k in kinds))
        raw += value
        parts.append(f"{label} {value:.1f} (cap {cap:g})")
    stack = min(STACK_CAP, stack_weight)
    penalty = min(NOTEBOOK_CAP, notebook)
    raw += stack - penalty
    parts.append(f"stack {stack:.1f} (cap {STACK_CAP:g})")
    parts.append(f"minus notebook {penalty:.1f} (cap {NOTEBOOK_CAP:g})")
    low, high = NOT_ML_BAND if level is None else LEVEL_BANDS[level]
    strength = max(0.0, min(1.0, raw / 100.0))
    score = round(low + (high - low) * strength)
    note = (
        f"evidence strength = {' + '.join(parts)} = {raw:.1f} of 100; score = band of the "
        f"verdict {low}-{high}: {low} + {high - low} x {strength:.2f} = {score}"
    )
    return score, [note]


def missing_items(signals: list[BlockSignals], years: float | None, is_ml: bool) -> list[str]:
    """Plain-words gaps a hiring manager would ask about."""
    if not is_ml:
        return ["no machine-learning work described in experience or projects"]
    ml = [s for s in signals if s.is_ml]
    missing: list[str] = []
    if not any(s.deployment for s in ml):
        missing.append("no deployment of a model described")
    if not any(s.stack for s in ml):
        missing.append("no serving stack or ML platform named in work")
    if not any(ev.kind in ("scale", "latency") for s in ml for ev in s.figures):
        missing.append("no traffic, scale or latency figures")
    kinds = {ev.kind for s in ml for ev in s.ownership}
    if "monitoring" not in kinds:
        missing.append("no monitoring named")
    if "reliability" not in kinds:
        missing.append("no on-call, rollback, incident or A/B rollout story")
    if "pipeline" not in kinds:
        missing.append("no CI/CD, model registry or training pipeline ownership")
    if years is None:
        missing.append("no dated roles, so no years of experience")
    return missing


def red_flags(
    reading: Reading, per_unit: list[list[Evidence]], signals: list[BlockSignals], level: int | None
) -> list[str]:
    flags: list[str] = []
    used: set[str] = set()
    listed: list[str] = []
    for read, items in zip(reading.units, per_unit, strict=True):
        for ev in items:
            if ev.kind != "tool" or ev.skill is None:
                continue
            if read.section.kind in WORK_SECTIONS and not read.unit.is_list:
                used.add(ev.skill)
            elif ev.skill not in listed:
                listed.append(ev.skill)
    unbacked = [s for s in listed if s not in used]
    if len(unbacked) >= 5 and len(unbacked) >= 0.6 * len(listed):
        flags.append(
            f"{len(unbacked)} of {len(listed)} listed skills never appear in described work "
            f"(e.g. {', '.join(unbacked[:5])})"
        )
    for sig in signals:
        if (
            sig.is_ml
            and len(sig.stack) >= 3
            and not (sig.deployment or sig.figures or sig.ownership)
        ):
            names = ", ".join(sorted({ev.skill or "" for ev in sig.stack})[:5])
            flags.append(f"a stack is named ({names}) with nothing specific done with it")
            break
    ml = [s for s in signals if s.is_ml]
    if any(s.vague_deployment or s.deployment for s in ml) and level is not None and level <= 1:
        flags.append("deployment is claimed without a stack, figures or ownership to back it")
    best = [s for s in ml if level is not None and s.level == level and level >= 2]
    ages = [s.block.age for s in best if s.block.age is not None]
    if best and ages and min(ages) >= 5:
        flags.append(f"the most recent production evidence ended {min(ages):g} years ago")
    return flags
