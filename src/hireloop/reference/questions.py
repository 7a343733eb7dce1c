"""The interview question bank: each question with its signal, good-answer and red-flag lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from string import Formatter
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from hireloop.reference.loader import load_model
from hireloop.reference.loop import BLOCK_IDS, BlockId

STACK_PLACEHOLDER = "{stack}"
LlmFit = Literal["any", "only", "never"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RedFlag(_Strict):
    text: str = Field(min_length=1)
    disqualifying: bool


class Fits(_Strict):
    """When a question suits a brief: by LLM involvement and by words in the brief's stack."""

    llm: LlmFit = "any"
    stack_any: list[str] = Field(default_factory=list)

    def matches(self, stack: Sequence[str], *, involves_llm: bool) -> bool:
        if self.llm == "only" and not involves_llm:
            return False
        if self.llm == "never" and involves_llm:
            return False
        return not self.stack_any or self.names_stack(stack)

    def names_stack(self, stack: Sequence[str]) -> bool:
        """True when one of `stack_any` appears in one of the brief's stack entries."""
        entries = [entry.casefold() for entry in stack]
        return any(term.casefold() in entry for term in self.stack_any for entry in entries)


class Question(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    block: BlockId
    core: bool
    text: str = Field(min_length=1)
    signal: str = Field(min_length=1)
    good_answer: list[str] = Field(min_length=1)
    red_flags: list[RedFlag] = Field(min_length=1)
    fits: Fits = Field(default_factory=Fits)
    source: str
    as_of: date

    @field_validator("text")
    @classmethod
    def _only_the_stack_placeholder(cls, value: str) -> str:
        fields = {name for _, name, _, _ in Formatter().parse(value) if name is not None}
        if fields - {"stack"}:
            raise ValueError(f"the only placeholder allowed is {STACK_PLACEHOLDER}")
        return value

    @property
    def takes_stack(self) -> bool:
        return STACK_PLACEHOLDER in self.text

    def text_for(self, stack: Sequence[str]) -> str:
        """The question text with `{stack}` filled from the brief's stack."""
        named = ", ".join(s.strip() for s in stack if s.strip()) or "the tools you know best"
        return self.text.replace(STACK_PLACEHOLDER, named)


class QuestionBank(_Strict):
    version: int
    questions: list[Question]

    @field_validator("questions")
    @classmethod
    def _unique_ids_and_every_block_covered(cls, value: list[Question]) -> list[Question]:
        ids = [q.id for q in value]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"question ids must be unique; repeated: {', '.join(duplicates)}")
        empty = [b for b in BLOCK_IDS if not any(q.block == b for q in value)]
        if empty:
            raise ValueError(f"every block needs questions; none for: {', '.join(empty)}")
        return value

    def for_block(self, block: BlockId) -> list[Question]:
        return [q for q in self.questions if q.block == block]

    def get(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@lru_cache(maxsize=4)
def load_question_bank(override: Path | None = None) -> QuestionBank:
    return load_model(QuestionBank, "questions.yaml", override)
