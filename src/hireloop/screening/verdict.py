"""The production level of each role, and of the profile: the rubric turned into rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hireloop.screening.analysis import WORK_SECTIONS, Block, Reading
from hireloop.screening.evidence_patterns import ML_TITLE, ML_VENUE, SERVING_HINT
from hireloop.screening.models import Evidence

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


@dataclass(slots=True)
class BlockSignals:
    """What one role shows: each signal keeps the evidence that proves it."""

    block: Block
    ml_lines: list[Evidence] = field(default_factory=list)
    ml_mentions: list[Evidence] = field(default_factory=list)
    deployment: list[Evidence] = field(default_factory=list)
    system_deployment: list[Evidence] = field(default_factory=list)
    vague_deployment: list[Evidence] = field(default_factory=list)
    stack: list[Evidence] = field(default_factory=list)
    figures: list[Evidence] = field(default_factory=list)
    ownership: list[Evidence] = field(default_factory=list)
    impact: list[Evidence] = field(default_factory=list)
    notebook: list[Evidence] = field(default_factory=list)
    level: int = -1
    rule: str = ""

    @property
    def is_ml(self) -> bool:
        return bool(self.ml_lines or self.ml_mentions) or self.block.has_ml_title

    @property
    def is_industry_role(self) -> bool:
        kind = self.block.section.kind
        if self.block.is_academic:
            return False
        if self.block.dates is not None:
            return kind in ("experience", "other", "summary")
        # An undated role reads as industry work unless its own lines speak of study or research.
        return kind == "experience" and not any(
            _STUDY_WORDS.search(ev.quote) for ev in self.notebook + self.ml_lines
        )


def signals_for(
    reading: Reading,
    per_unit: list[list[Evidence]],
    strengths: list[dict[str, float]],
    skill_kinds: dict[str, str],
) -> list[BlockSignals]:
    """Signals per block, read only from work sections; list lines only name a stack."""
    signals = [BlockSignals(block) for block in reading.blocks]
    for read, items, strength in zip(reading.units, per_unit, strengths, strict=True):
        if read.section.kind not in WORK_SECTIONS:
            continue
        sig = signals[read.block]
        quote = reading.text[read.unit.start : read.unit.end]
        speaks_of_model = "ml_work" in strength or bool(_MODEL_WORD.search(quote))
        for ev in items:
            if ev.kind == "tool":
                kind = skill_kinds.get(ev.skill or "", "")
                if kind in STACK_KINDS and all(s.skill != ev.skill for s in sig.stack):
                    sig.stack.append(ev)
                continue
            if read.unit.is_list:
                continue
            _classify(sig, ev, strength.get(ev.kind, 0.0), speaks_of_model)
    for sig in signals:
        sig.level, sig.rule = _level(sig)
    return signals


def _classify(sig: BlockSignals, ev: Evidence, strength: float, speaks_of_model: bool) -> None:
    if ev.kind == "ml_work":
        (sig.ml_lines if strength >= 1.0 else sig.ml_mentions).append(ev)
    elif ev.kind == "deployment":
        if strength >= 1.0:
            (sig.deployment if speaks_of_model else sig.system_deployment).append(ev)
        elif strength == SERVING_HINT:
            if speaks_of_model:
                sig.deployment.append(ev)
        else:
            sig.vague_deployment.append(ev)
    elif ev.kind == "reliability" and speaks_of_model and _LIVE_EXPERIMENT.search(ev.term):
        sig.deployment.append(ev)  # a model tested on live traffic was deployed
    elif ev.kind in ("scale", "latency", "reliability", "monitoring", "pipeline"):
        if strength >= 1.0:
            (sig.figures if ev.kind in ("scale", "latency") else sig.ownership).append(ev)
    elif ev.kind == "impact":
        sig.impact.append(ev)
    elif ev.kind == "notebook":
        sig.notebook.append(ev)


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


def ml_profile(
    reading: Reading, per_unit: list[list[Evidence]], signals: list[BlockSignals]
) -> MlProfile:
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
    for read, items in zip(reading.units, per_unit, strict=True):
        quote = reading.text[read.unit.start : read.unit.end].lower()
        in_papers = read.section.kind == "publications" and any(e.kind == "ml_work" for e in items)
        if in_papers or ML_VENUE.search(quote):
            research += 1
    research = min(RESEARCH_LINES_CAP, research)
    signal = lines + MENTION_VALUE * mentions + 2 * len(titles) + (1 if headline else 0) + research
    return MlProfile(signal, lines, mentions, titles, headline, research)
