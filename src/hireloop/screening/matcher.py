"""One-pass taxonomy matching with Aho-Corasick over normalised text, with context rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import ahocorasick

from hireloop.reference.taxonomy import Alias, Skill, Taxonomy
from hireloop.screening.evidence_patterns import PATTERNS, Pattern
from hireloop.screening.text import Normalised
from hireloop.screening.triggers import trigger_prefixes

_CONTEXT_WINDOW = 80
_JOINERS = "+#"


@dataclass(frozen=True, slots=True)
class SkillMatch:
    skill: Skill
    start: int
    end: int
    alias: str


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    pattern: Pattern
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    skill: Skill
    alias: Alias


class Matcher:
    """One automaton per taxonomy, built once: skill aliases and the literal starts of every
    evidence phrase. `find` runs it over one normalised text in a single pass."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        candidates: dict[str, list[_Candidate]] = {}
        for skill in taxonomy.skills:
            for alias in skill.aliases:
                candidates.setdefault(alias.key, []).append(_Candidate(skill, alias))
        triggers: dict[str, list[int]] = {}
        self._full_scan: list[Pattern] = []
        for index, pattern in enumerate(PATTERNS):
            prefixes = trigger_prefixes(pattern.regex)
            if prefixes is None:
                self._full_scan.append(pattern)
                continue
            for prefix in prefixes:
                triggers.setdefault(prefix, []).append(index)
        self._automaton: Any = ahocorasick.Automaton()
        for key in candidates.keys() | triggers.keys():
            # Within one key, aliases with context rules are tried before plain ones.
            options = sorted(candidates.get(key, []), key=lambda c: not c.alias.context)
            self._automaton.add_word(key, (len(key), tuple(options), tuple(triggers.get(key, ()))))
        self._automaton.make_automaton()

    def find(self, raw: str, normalised: Normalised) -> tuple[list[SkillMatch], list[PhraseMatch]]:
        """Skills: longest non-overlapping matches at word boundaries whose rules hold.
        Phrases: every pattern match that starts where one of its triggers does."""
        text = normalised.text
        skills: list[SkillMatch] = []
        phrases: list[PhraseMatch] = []
        tried: set[tuple[int, int]] = set()
        for end_index, (length, options, pattern_indexes) in self._automaton.iter(text):
            start = end_index - length + 1
            end = end_index + 1
            if pattern_indexes and _starts_word(text, start):
                for index in pattern_indexes:
                    if (index, start) in tried:
                        continue
                    tried.add((index, start))
                    pattern = PATTERNS[index]
                    match = pattern.regex.match(text, start)
                    if match is not None:
                        phrases.append(PhraseMatch(pattern, start, match.end()))
            if not options or not _at_boundary(text, start, end):
                continue
            for option in options:
                if _rules_hold(option.alias, raw, normalised, start, end):
                    skills.append(SkillMatch(option.skill, start, end, option.alias.key))
                    break
        for pattern in self._full_scan:
            for match in pattern.regex.finditer(text):
                phrases.append(PhraseMatch(pattern, match.start(), match.end()))
        return _longest_first(skills), phrases


def _starts_word(text: str, start: int) -> bool:
    """A trigger starting with a letter or digit must start a word; `$` or `%` need not."""
    if start == 0 or not text[start].isalnum():
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_")


def _at_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before == "_" or after.isalnum() or after == "_":
        return False
    return not (text[end - 1].isalnum() and after in _JOINERS)


def _rules_hold(alias: Alias, raw: str, normalised: Normalised, start: int, end: int) -> bool:
    if not alias.ambiguous:
        return True
    text = normalised.text
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if (before in "-&/." and alias.case_sensitive) or after in "-&'":
        return False
    if alias.case_sensitive:
        raw_start, raw_end = normalised.raw_span(start, end)
        if " ".join(raw[raw_start:raw_end].split()) != alias.text:
            return False
    around = text[max(0, start - _CONTEXT_WINDOW) : start] + " " + text[end : end + _CONTEXT_WINDOW]
    if any(word in around for word in alias.avoid):
        return False
    return not alias.context or any(word in around for word in alias.context)


def _longest_first(matches: list[SkillMatch]) -> list[SkillMatch]:
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[SkillMatch] = []
    last_end = -1
    for match in ordered:
        if match.start >= last_end:
            kept.append(match)
            last_end = match.end
    return kept


_CACHE: dict[int, tuple[Taxonomy, Matcher]] = {}


def matcher_for(taxonomy: Taxonomy) -> Matcher:
    """The cached matcher of a taxonomy (built on first use)."""
    cached = _CACHE.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    matcher = Matcher(taxonomy)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(taxonomy)] = (taxonomy, matcher)
    return matcher
