"""Area scores, the overall score, what is missing and the red flags, each with its arithmetic."""

from __future__ import annotations

from hireloop.reference.skills import AREA_IDS, AreaId
from hireloop.screening.analysis import WORK_SECTIONS, Reading
from hireloop.screening.verdict import BlockSignals
from hireloop.screening.weights import BASE_WEIGHT, recency, round3

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
# A work line that deploys a model and gives a production specific (figures or ownership of
# operations) shows MLOps work, whatever tools it names.
AREA_POINTS_MODEL_OPERATIONS = 15.0
OPERATIONS_KINDS = frozenset({"scale", "latency", "reliability", "monitoring", "pipeline"})
# A listed skill of an area the CV shows work in names the stack of that work: it counts as
# on a stack line (capped), not as a bare word in a list.
AREA_POINTS_LISTED_BACKED = 8.0
AREA_LISTED_BACKED_CAP = 24.0
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
    reading: Reading, signals: list[BlockSignals], level: int | None
) -> tuple[dict[AreaId, int], list[str]]:
    """Points per area from tools: used in a work line (more with production in the same line),
    named on a role's stack line, or only listed (capped). One skill counts once per role.
    Model work in an industry role counts for the Python stack, a model deployed and operated
    for MLOps; listed skills of an area with such work name its stack (more, still capped)."""
    skills = reading.taxonomy.skills
    deployed = {position for sig in signals for position, _kind in sig.deployment}
    decays = [recency(block.age, AREA_HALF_LIFE_YEARS) for block in reading.blocks]
    # (area, what, role or line) -> (points, how); a tool counts once per role, model work
    # and model operations once per line. Notes are written only for what is shown.
    best: dict[tuple[AreaId, str, int], tuple[float, str, float]] = {}
    listed: dict[AreaId, set[str]] = {area: set() for area in AREA_IDS}
    is_ml = [sig.is_ml for sig in signals]
    for position, read in enumerate(reading.units):
        sig = signals[read.block]
        in_work = is_ml[read.block] and read.section in WORK_SECTIONS
        claims = read.claims
        decay = decays[read.block]
        if in_work and not read.is_list and claims:
            if position in deployed and any(
                claims[kind][0] >= 1.0 for kind in OPERATIONS_KINDS if kind in claims
            ):
                best[("mlops", "model operations", read.start)] = (
                    AREA_POINTS_MODEL_OPERATIONS * decay,
                    "model deployed and operated in a work line",
                    decay,
                )
            if "ml_work" in claims and sig.is_industry_role:
                # Model work in an industry role is done on the Python ML stack.
                best[("python_stack", "model work", read.start)] = (
                    AREA_POINTS_MODEL_WORK * decay,
                    "model work line",
                    decay,
                )
        if not read.skills:
            continue
        if not in_work:
            for index in read.skills:
                skill = skills[index]
                for area in skill.areas:
                    listed[area].add(skill.name)
            continue
        if read.is_list:
            points, how = AREA_POINTS_ROLE_STACK_LINE, "on a role's stack line"
        elif any(
            strength >= 1.0 and kind in PRODUCTION_KINDS
            for kind, (strength, _s, _e) in claims.items()
        ):
            points = AREA_POINTS_WORK_LINE + AREA_POINTS_WITH_PRODUCTION
            how = "in a work line with production evidence"
        elif sig.deployment:
            points = AREA_POINTS_WORK_LINE + AREA_POINTS_IN_DEPLOYED_ROLE
            how = "in a work line of a role that deployed models"
        else:
            points, how = AREA_POINTS_WORK_LINE, "in a work line"
        points *= decay
        for index in read.skills:
            skill = skills[index]
            for area in skill.areas:
                if area == "pytorch_production" and not sig.deployment:
                    continue
                key = (area, skill.name, read.block)
                known = best.get(key)
                if known is None or points > known[0]:
                    best[key] = (points, how, decay)
    scores: dict[AreaId, int] = {}
    notes: list[str] = []
    by_area: dict[AreaId, list[tuple[tuple[AreaId, str, int], tuple[float, str, float]]]] = {
        area: [] for area in AREA_IDS
    }
    for key in sorted(best):
        by_area[key[0]].append((key, best[key]))
    cap = 100 if level is not None and level >= 1 else NO_REAL_WORK_AREA_CAP
    for area in AREA_IDS:
        parts = by_area[area]
        backed = " (backed)" if parts else ""
        each = AREA_POINTS_LISTED_BACKED if parts else AREA_POINTS_LISTED
        listed_cap = AREA_LISTED_BACKED_CAP if parts else AREA_LISTED_CAP
        listed_points = min(listed_cap, each * len(listed[area]))
        total = sum(points for _key, (points, _how, _decay) in parts) + listed_points
        scores[area] = min(cap, round(total))
        shown = "; ".join(_part_note(key, value) for key, value in parts[:8]) or "no work lines"
        more = f" (+{len(parts) - 8} more)" if len(parts) > 8 else ""
        notes.append(
            f"area {area} = {scores[area]}: {shown}{more}; listed only{backed}: "
            f"{len(listed[area])} skill(s) x{each:g}, capped at "
            f"{listed_cap:g} = {listed_points:g}; total {total:.1f}, capped at {cap}"
        )
    return scores, notes


def _part_note(key: tuple[AreaId, str, int], value: tuple[float, str, float]) -> str:
    what = key[1]
    points, how, decay = value
    label = how if what in ("model work", "model operations") else f"{what} {how}"
    return f"{label} x{decay:.2f} = {points:.1f}"


def overall_score(
    reading: Reading, signals: list[BlockSignals], level: int | None
) -> tuple[int, list[str]]:
    """Capped sums of evidence weights from ML roles, minus notebook signals, placed inside
    the band of the verdict so that a higher level always ranks higher."""
    units = reading.units
    base = BASE_WEIGHT
    # claim_weight and tool_weight, inlined: the same arithmetic in the same order.
    sums: dict[str, float] = {}
    stack_weight = 0.0
    notebook = 0.0
    for sig in signals:
        if not sig.is_ml:
            continue
        for group in (
            sig.deployment,
            sig.vague_deployment,
            sig.figures,
            sig.ownership,
            sig.impact,
            sig.ml_lines,
        ):
            for position, kind in group:
                read = units[position]
                value = round3(base[kind] * read.claims[kind][0] * read.factor)
                sums[kind] = sums.get(kind, 0.0) + value
        tool = base["tool"]
        stack_weight += sum(
            [round3(tool * units[position].factor) for position, _skill in sig.stack]
        )
        notebook += sum(
            [
                round3(base[kind] * units[position].claims[kind][0] * units[position].factor)
                for position, kind in sig.notebook
            ]
        )
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
    if not any(kind in ("scale", "latency") for s in ml for _position, kind in s.figures):
        missing.append("no traffic, scale or latency figures")
    kinds = {kind for s in ml for _position, kind in s.ownership}
    if "monitoring" not in kinds:
        missing.append("no monitoring named")
    if "reliability" not in kinds:
        missing.append("no on-call, rollback, incident or A/B rollout story")
    if "pipeline" not in kinds:
        missing.append("no CI/CD, model registry or training pipeline ownership")
    if years is None:
        missing.append("no dated roles, so no years of experience")
    return missing


def red_flags(reading: Reading, signals: list[BlockSignals], level: int | None) -> list[str]:
    flags: list[str] = []
    skills = reading.taxonomy.skills
    used: set[str] = set()
    listed: list[str] = []
    for read in reading.units:
        in_work = read.section in WORK_SECTIONS and not read.is_list
        for index in read.skills:
            name = skills[index].name
            if in_work:
                used.add(name)
            elif name not in listed:
                listed.append(name)
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
            names = ", ".join(sorted({skills[index].name for _p, index in sig.stack})[:5])
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
