"""The production level of each role, and of the profile: the rubric turned into rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hireloop.reference.taxonomy import Taxonomy
from hireloop.screening.analysis import WORK_SECTIONS, Block, Reading
from hireloop.screening.evidence_patterns import ML_TITLE, SERVING_HINT
from hireloop.screening.models import EvidenceKind

# Kinds of tool that name a serving stack or an ML platform (not just a library).
STACK_KINDS = frozenset(
    {
        "serving",
        "orchestration",
        "cloud_ml_platform",
        "vector_database",
        "monitoring",
        "embedding_model",
        "gpu_parallelism",
    }
)
ML_TOOL_KINDS = frozenset({"framework", "llm", "embedding_model", "vector_database"})
ML_SIGNAL_NEEDED = 2.0
RESEARCH_LINES_CAP = 2
MENTION_VALUE = 0.5
_MODEL_WORD = re.compile(
    r"\b(?:models?|ml|ai|machine learning|ranking|recommend\w*|predict\w*|classif\w*|"
    r"personali[sz]\w*|detection)\b",
    re.IGNORECASE,
)
_STUDY_WORDS = re.compile(
    r"\b(?:intern|internship|ph\.? ?d|student|research assistant|teaching assistant|postdoc\w*|"
    r"thesis|coursework|course project|capstone|bootcamp)\b",
    re.IGNORECASE,
)
_LIVE_EXPERIMENT = re.compile(r"a/b|ab test|online|experiment", re.IGNORECASE)


# A claim of a reading: (position of its unit in `Reading.units`, its kind).
Ref = tuple[int, EvidenceKind]


@dataclass(slots=True, init=False)  # `__init__` written out, as for `analysis.Block`
class BlockSignals:
    """What one role shows: each signal keeps the claims that prove it."""

    block: Block
    ml_lines: list[Ref]
    ml_mentions: list[Ref]
    deployment: list[Ref]
    system_deployment: list[Ref]
    vague_deployment: list[Ref]
    # (unit position, skill index) of each serving-stack or platform skill, first use only
    stack: list[tuple[int, int]]
    figures: list[Ref]
    ownership: list[Ref]
    impact: list[Ref]
    notebook: list[Ref]
    level: int
    rule: str
    is_industry_role: bool

    def __init__(self, block: Block) -> None:
        self.block = block
        self.ml_lines = []
        self.ml_mentions = []
        self.deployment = []
        self.system_deployment = []
        self.vague_deployment = []
        self.stack = []
        self.figures = []
        self.ownership = []
        self.impact = []
        self.notebook = []
        self.level = -1
        self.rule = ""
        self.is_industry_role = False

    @property
    def is_ml(self) -> bool:
        return bool(self.ml_lines or self.ml_mentions) or self.block.has_ml_title


def _industry(sig: BlockSignals, reading: Reading) -> bool:
    kind = sig.block.section.kind
    if sig.block.is_academic:
        return False
    if sig.block.dates is not None:
        return kind in ("experience", "other", "summary")
    # An undated role reads as industry work unless its own lines speak of study or research.
    return kind == "experience" and not any(
        _STUDY_WORDS.search(reading.quote(reading.units[position]))
        for position, _kind in sig.notebook + sig.ml_lines
    )


_STACK_SKILLS: dict[int, tuple[Taxonomy, frozenset[int]]] = {}


def _stack_skills(taxonomy: Taxonomy) -> frozenset[int]:
    """Indexes of the skills that name a serving stack or platform (cached per taxonomy)."""
    cached = _STACK_SKILLS.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    found = frozenset(i for i, skill in enumerate(taxonomy.skills) if skill.kind in STACK_KINDS)
    if len(_STACK_SKILLS) > 8:
        _STACK_SKILLS.clear()
    _STACK_SKILLS[id(taxonomy)] = (taxonomy, found)
    return found


def signals_for(reading: Reading) -> list[BlockSignals]:
    """Signals per block, read only from work sections; list lines only name a stack."""
    stack_skills = _stack_skills(reading.taxonomy)
    signals = [BlockSignals(block) for block in reading.blocks]
    seen: set[tuple[int, int]] = set()
    live_experiment = _LIVE_EXPERIMENT.search
    model_word = _MODEL_WORD.search
    text = reading.text
    for position, read in enumerate(reading.units):
        if read.section not in WORK_SECTIONS:
            continue
        sig = signals[read.block]
        for skill in read.skills:
            if skill in stack_skills and (read.block, skill) not in seen:
                seen.add((read.block, skill))
                sig.stack.append((position, skill))
        claims = read.claims
        if read.is_list or not claims:
            continue
        if "ml_work" in claims:
            speaks_of_model = True
        elif "deployment" in claims or "reliability" in claims:  # only these ask
            speaks_of_model = model_word(text[read.start : read.end]) is not None
        else:
            speaks_of_model = False
        for kind in reversed(claims):
            strength, start, end = claims[kind]
            ref = (position, kind)
            if kind == "ml_work":
                (sig.ml_lines if strength >= 1.0 else sig.ml_mentions).append(ref)
            elif kind == "deployment":
                if strength >= 1.0:
                    (sig.deployment if speaks_of_model else sig.system_deployment).append(ref)
                elif strength == SERVING_HINT:
                    if speaks_of_model:
                        sig.deployment.append(ref)
                else:
                    sig.vague_deployment.append(ref)
            elif (
                kind == "reliability"
                and speaks_of_model
                and live_experiment(reading.term(read, start, end))
            ):
                sig.deployment.append(ref)  # a model tested on live traffic was deployed
            elif kind in _OPERATIONS:
                if strength >= 1.0:
                    (sig.figures if kind in _FIGURES else sig.ownership).append(ref)
            elif kind == "impact":
                sig.impact.append(ref)
            elif kind == "notebook":
                sig.notebook.append(ref)
    for sig in signals:
        sig.is_industry_role = _industry(sig, reading)
        sig.level, sig.rule = _level(sig)
    return signals


_OPERATIONS = frozenset({"scale", "latency", "reliability", "monitoring", "pipeline"})
_FIGURES = frozenset({"scale", "latency"})


def first_term(reading: Reading, refs: list[Ref]) -> str:
    """The phrase of the first claim, quoted, or "none"."""
    if not refs:
        return "none"
    position, kind = refs[0]
    read = reading.units[position]
    _strength, start, end = read.claims[kind]
    return repr(reading.term(read, start, end))


def _level(sig: BlockSignals) -> tuple[int, str]:
    if not sig.is_ml:
        return -1, "no ML work described"
    specifics = bool(sig.figures or sig.ownership)
    if sig.deployment and sig.stack and specifics:
        return 3, "model deployment + named stack + (figures or ownership of operations)"
    if sig.deployment and (sig.stack or specifics or sig.impact):
        return 2, "model deployment + one specific (stack, figures, ownership or impact)"
    if sig.system_deployment and sig.stack and specifics:
        return 2, "a system deployed in an ML role + named stack + (figures or ownership)"
    if sig.deployment or sig.system_deployment or sig.vague_deployment:
        return 1, "deployment claimed without specifics"
    if sig.is_industry_role and sig.ml_lines:
        return 1, "ML work in an industry role, no deployment described"
    return 0, "ML work in research, study, analysis or undated notes only"


@dataclass(slots=True)
class MlProfile:
    signal: float
    ml_lines: int
    ml_mentions: int
    ml_titles: list[str]
    headline_title: bool
    research_lines: int

    @property
    def is_ml(self) -> bool:
        return self.signal >= ML_SIGNAL_NEEDED


def ml_profile(reading: Reading, signals: list[BlockSignals]) -> MlProfile:
    """Is this an ML profile at all: ML work described, ML role titles held, ML research."""
    lines = sum(len(s.ml_lines) for s in signals)
    mentions = sum(len(s.ml_mentions) for s in signals)
    titles = [
        s.block.header.split("\n")[-1][:60]
        for s in signals
        if s.block.dates is not None and s.block.has_ml_title
    ]
    headline = bool(ML_TITLE.search(reading.headline.lower()))
    research = 0
    for read in reading.units:
        in_papers = read.section == "publications" and "ml_work" in read.claims
        if in_papers or read.venue:
            research += 1
    research = min(RESEARCH_LINES_CAP, research)
    signal = lines + MENTION_VALUE * mentions + 2 * len(titles) + (1 if headline else 0) + research
    return MlProfile(signal, lines, mentions, titles, headline, research)
