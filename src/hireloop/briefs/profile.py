"""Turn an outcome brief into a role profile: shape, weights, titles, searches, with reasons."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from hireloop.briefs.intake import BriefIn, brief_warnings
from hireloop.reference.role_shapes import RoleShapesReference, load_role_shapes, normalise_term
from hireloop.reference.skills import AREA_IDS, AreaId, RoleShape, TitleVariant, load_skills
from hireloop.reference.taxonomy import Skill, load_taxonomy

Platform = Literal["linkedin", "dice", "github", "github_users"]
_MAX_SEARCH_PHRASE_WORDS = 4
_GITHUB_TERMS = 2
_GITHUB_RECENT_DAYS = 365


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TitleChoice(_Frozen):
    title: str
    fits_shape: bool
    reason: str


class SearchString(_Frozen):
    platform: Platform
    query: str
    note: str


class RoleProfile(_Frozen):
    shape: RoleShape
    shape_name: str
    shape_hits: dict[RoleShape, int]
    shape_reasons: list[str]
    area_weights: dict[AreaId, int]
    weight_reasons: list[str]
    main_area: AreaId
    titles: list[TitleChoice]
    searches: list[SearchString]
    reasons: list[str]


@lru_cache(maxsize=1024)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){re.escape(normalise_term(keyword))}(?![a-z0-9])")


def _keywords_in(text: str, keywords: tuple[str, ...]) -> list[str]:
    """Keywords found in text, leaving out any that only occur inside a longer keyword found."""
    plain = normalise_term(text)
    found = [k for k in keywords if _keyword_pattern(k).search(plain)]
    normal = {k: f" {normalise_term(k)} " for k in found}
    return [k for k in found if not any(normal[k] in normal[o] for o in found if o != k)]


def _brief_fields(brief: BriefIn) -> list[tuple[str, str]]:
    return [
        ("title", brief.title),
        ("outcome", brief.outcome),
        ("stack", " | ".join(brief.stack)),
        ("must-haves", " | ".join(brief.must_haves)),
    ]


def _decide_shape(
    brief: BriefIn, ref: RoleShapesReference
) -> tuple[RoleShape, dict[RoleShape, int], list[str]]:
    hits: dict[RoleShape, int] = {shape.id: 0 for shape in ref.shapes}
    reasons: list[str] = []
    for field, text in _brief_fields(brief):
        for shape in ref.shapes:
            for keyword in _keywords_in(text, shape.keywords):
                hits[shape.id] += 1
                reasons.append(f'{field}: "{keyword}" points to {shape.name}')
    best = max(ref.shapes, key=lambda s: hits[s.id])  # max keeps the first listed on a tie
    if hits[best.id] == 0:
        chosen = ref.shape(ref.default_shape)
        reasons.append(f"No shape keyword found, so the default applies: {chosen.name}")
        return chosen.id, hits, reasons
    tally = ", ".join(f"{shape_id} {count}" for shape_id, count in hits.items())
    reasons.append(f"{best.name} has the most keyword hits ({tally})")
    return best.id, hits, reasons


@lru_cache(maxsize=4)
def _skills_by_term() -> dict[str, Skill]:
    """Every skill name and alias in the taxonomy, normalised, mapped to its skill."""
    by_term: dict[str, Skill] = {}
    for skill in load_taxonomy().skills:
        for term in (skill.name, *(alias.text for alias in skill.aliases)):
            by_term.setdefault(normalise_term(term), skill)
    return by_term


def _scale_to_100(raw: dict[AreaId, int], tie_order: dict[AreaId, int]) -> dict[AreaId, int]:
    """Integer weights proportional to raw that sum to exactly 100 (largest remainder)."""
    total = sum(raw.values())
    exact = {area: raw[area] * 100 / total for area in AREA_IDS}
    weights = {area: int(exact[area]) for area in AREA_IDS}
    leftover = 100 - sum(weights.values())
    by_remainder = sorted(AREA_IDS, key=lambda a: (-(exact[a] - weights[a]), -tie_order[a]))
    for area in by_remainder[:leftover]:
        weights[area] += 1
    return weights


def _area_weights(
    brief: BriefIn, shape_id: RoleShape, ref: RoleShapesReference
) -> tuple[dict[AreaId, int], list[str]]:
    base = ref.shape(shape_id).base_weights
    boost = ref.stack_boost
    reasons = [
        "Starting weights for this shape: " + ", ".join(f"{area} {base[area]}" for area in AREA_IDS)
    ]
    added: dict[AreaId, int] = dict.fromkeys(AREA_IDS, 0)
    for term in dict.fromkeys([*brief.stack, *brief.must_haves]):
        skill = _skills_by_term().get(normalise_term(term))
        if skill is None:
            reasons.append(f'"{term}" is not in the skill taxonomy, so it leaves the weights alone')
            continue
        raised = [a for a in skill.areas if added[a] + boost.points_per_term <= boost.cap_per_area]
        for area in raised:
            added[area] += boost.points_per_term
        if raised:
            areas = ", ".join(f"+{boost.points_per_term} {area}" for area in raised)
            reasons.append(f'"{term}" ({skill.name}) raises {areas}')
        elif skill.areas:
            reasons.append(f'"{term}" ({skill.name}) adds nothing: its areas are at their cap')
    if not any(added.values()):
        return dict(base), reasons
    weights = _scale_to_100({a: base[a] + added[a] for a in AREA_IDS}, base)
    reasons.append("Weights scaled back to a total of 100: " + _format_weights(weights))
    return weights, reasons


def _format_weights(weights: dict[AreaId, int]) -> str:
    return ", ".join(f"{area} {weights[area]}" for area in AREA_IDS)


def _order_titles(shape_id: RoleShape, shape_name: str) -> list[TitleChoice]:
    variants = load_skills().title_variants

    def fit(item: tuple[int, TitleVariant]) -> tuple[int, int]:
        position, variant = item
        rank = variant.shapes.index(shape_id) if shape_id in variant.shapes else 99
        return rank, position

    choices: list[TitleChoice] = []
    for _, variant in sorted(enumerate(variants), key=fit):
        if variant.shapes and variant.shapes[0] == shape_id:
            reason = f"Made for {shape_name}. {variant.note}"
        elif shape_id in variant.shapes:
            reason = f"Also used for {shape_name}. {variant.note}"
        else:
            reason = f"Casts a wider net beyond this shape. {variant.note}"
        choices.append(
            TitleChoice(title=variant.title, fits_shape=shape_id in variant.shapes, reason=reason)
        )
    return choices


def _search_title(title: str) -> list[str]:
    """The forms a title takes on a profile: no "(Contract)" tag, one entry per "/" variant."""
    plain = title.replace("(Contract)", "").strip().removeprefix("Contract ").strip()
    return [part.strip() for part in plain.split(" / ") if part.strip()]


def _clean(term: str) -> str:
    return " ".join(re.sub(r'["()]', " ", term).split())


def _quoted(term: str) -> str:
    return f'"{_clean(term)}"'


def _any_of(terms: list[str]) -> str:
    return "(" + " OR ".join(_quoted(t) for t in terms) + ")"


def _with_skill_name(term: str) -> list[str]:
    """A term and, when the taxonomy knows it by another name, that name too (k8s, Kubernetes)."""
    skill = _skills_by_term().get(normalise_term(term))
    if skill is None or normalise_term(skill.name) == normalise_term(term):
        return [term]
    return [_clean(skill.name), term]


def _search_terms(brief: BriefIn) -> tuple[list[str], list[list[str]]]:
    """Stack terms (Python left out: every profile has it), and the must-haves short enough
    to be searched for as a phrase, each with its other names."""
    cleaned = [t for t in (_clean(s) for s in brief.stack) if t and t.lower() != "python"]
    stack = list(dict.fromkeys(form for term in cleaned for form in _with_skill_name(term)))
    musts = [
        _with_skill_name(t)
        for t in (_clean(m) for m in brief.must_haves)
        if t and len(t.split()) <= _MAX_SEARCH_PHRASE_WORDS
    ]
    return stack, musts


def _boolean(
    titles: list[str], stack: list[str], musts: list[list[str]], exclude: list[str]
) -> str:
    parts = [_any_of(titles)]
    if stack:
        parts.append(_any_of(stack))
    parts.extend(_any_of(forms) if len(forms) > 1 else _quoted(forms[0]) for forms in musts)
    return " AND ".join(parts) + " NOT " + _any_of(exclude)


def _github_terms(brief: BriefIn, main_area: AreaId, fallback: tuple[str, ...]) -> list[str]:
    def in_main_area(term: str) -> bool:
        skill = _skills_by_term().get(normalise_term(term))
        return skill is not None and main_area in skill.areas

    stack = [t for t in (_clean(s) for s in brief.stack) if t and t.lower() != "python"]
    ordered = sorted(stack, key=lambda t: not in_main_area(t))
    chosen = ordered[:_GITHUB_TERMS] or list(fallback)
    return [f'"{t}"' if " " in t else t for t in chosen]


def _searches(
    brief: BriefIn,
    profile_titles: list[TitleChoice],
    main_area: AreaId,
    shape_id: RoleShape,
    ref: RoleShapesReference,
    as_of: date | None,
) -> list[SearchString]:
    fitting = [c.title for c in profile_titles if c.fits_shape]
    titles = list(dict.fromkeys(form for title in fitting for form in _search_title(title)))
    stack, musts = _search_terms(brief)
    exclude = list(ref.search_exclusions)
    skipped = len(brief.must_haves) - len(musts)
    skipped_note = f" {skipped} long must-have(s) left for the screen." if skipped else ""
    terms = _github_terms(brief, main_area, ref.shape(shape_id).github_terms)
    github_not = " ".join(f"NOT {_quoted(e) if ' ' in e else e}" for e in exclude)
    recent = f" pushed:>{as_of - timedelta(days=_GITHUB_RECENT_DAYS)}" if as_of else ""
    searches = [
        SearchString(
            platform="linkedin",
            query=_boolean(titles, stack, musts, exclude),
            note="Paste into LinkedIn Recruiter keywords; set the location filter separately."
            + skipped_note,
        ),
        SearchString(
            platform="dice",
            query=_boolean(titles[:4], stack, musts, exclude),
            note="Dice talent search, limited to the four closest titles." + skipped_note,
        ),
        SearchString(
            platform="github",
            query=f"{' '.join(terms)} language:Python in:name,description,readme{recent} "
            + github_not,
            note="GitHub repository search: the owners of matching Python projects.",
        ),
    ]
    location = ref.market(brief.location).github_location if brief.location else None
    user_location = f' location:"{location}"' if location else ""
    searches.append(
        SearchString(
            platform="github_users",
            query=f'"machine learning" language:Python repos:>5{user_location} ' + github_not,
            note="GitHub people search by profile, language and location.",
        )
    )
    return searches


def derive_profile(brief: BriefIn, as_of: date | None = None) -> RoleProfile:
    """Derive the role profile; `as_of` (optional) limits GitHub results to recent activity."""
    ref = load_role_shapes()
    shape_id, hits, shape_reasons = _decide_shape(brief, ref)
    shape = ref.shape(shape_id)
    weights, weight_reasons = _area_weights(brief, shape_id, ref)
    main_area = max(AREA_IDS, key=lambda a: (weights[a], shape.base_weights[a]))
    titles = _order_titles(shape_id, shape.name)
    searches = _searches(brief, titles, main_area, shape_id, ref, as_of)
    reasons = [
        f"Shape: {shape.name}.",
        *shape_reasons,
        *weight_reasons,
        f"Main area: {main_area} carries the highest weight ({weights[main_area]}).",
    ]
    return RoleProfile(
        shape=shape_id,
        shape_name=shape.name,
        shape_hits=hits,
        shape_reasons=shape_reasons,
        area_weights=weights,
        weight_reasons=weight_reasons,
        main_area=main_area,
        titles=titles,
        searches=searches,
        reasons=reasons,
    )


def _bullets(items: list[str], empty: str) -> list[str]:
    return [f"- {item}" for item in items] if items else [f"- {empty}"]


def profile_markdown(brief: BriefIn, profile: RoleProfile) -> str:
    """A one-page role profile in Markdown for the recruiter and the hiring manager."""
    area_names = {skill.id: skill.name for skill in load_skills().hard_skills}
    window = f"{brief.window_weeks} weeks" if brief.window_weeks else "not given"
    lines = [
        f"# {brief.title}",
        "",
        f"**Outcome:** {brief.outcome or 'not given'}",
        "",
        f"**Success metric:** {brief.success_metric or 'not given'}",
        "",
        f"**Window:** {window} · **Location:** {brief.location or 'not given'} · "
        f"**Start:** {brief.start_date or 'not given'} · **Budget:** "
        + (f"${brief.budget_day_rate:,.0f}/day" if brief.budget_day_rate else "not given"),
        "",
        f"## Role shape: {profile.shape_name}",
        "",
        *_bullets(profile.shape_reasons, "no reasons recorded"),
        "",
        "## Hard-skill weights",
        "",
        "| area | weight |",
        "| --- | ---: |",
        *(
            f"| {area_names.get(area, area)}{' (main)' if area == profile.main_area else ''} "
            f"| {profile.area_weights[area]} |"
            for area in AREA_IDS
        ),
        "",
        *_bullets(profile.weight_reasons, "base weights for the shape"),
        "",
        "## Titles to source under",
        "",
        *(f"{n}. **{c.title}**: {c.reason}" for n, c in enumerate(profile.titles, start=1)),
        "",
        "## Search strings",
        "",
    ]
    for search in profile.searches:
        lines += [f"**{search.platform}**: {search.note}", "", "```", search.query, "```", ""]
    lines += [
        "## Must-haves",
        "",
        *_bullets(brief.must_haves, "none given"),
        "",
        "## Nice-to-haves",
        "",
        *_bullets(brief.nice_to_haves, "none given"),
        "",
        "## Warnings",
        "",
        *_bullets(brief_warnings(brief), "none"),
    ]
    return "\n".join(lines) + "\n"
