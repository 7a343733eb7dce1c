"""Word-list phrases read as literal keys must end where the phrase's regex ends."""

from __future__ import annotations

import pytest

from hireloop.reference.taxonomy import load_taxonomy
from hireloop.screening.evidence_patterns import PATTERNS
from hireloop.screening.matcher import Matcher
from hireloop.screening.text import normalise
from hireloop.screening.triggers import word_list

_WORD_LISTS = [
    (index, found) for index, p in enumerate(PATTERNS) if (found := word_list(p.regex)) is not None
]


def test_the_word_lists_are_recognised() -> None:
    kinds = {PATTERNS[index].kind for index, _found in _WORD_LISTS}
    assert {"ml_work", "deployment", "notebook", "monitoring"} <= kinds


@pytest.mark.parametrize(("index", "found"), _WORD_LISTS)
def test_the_first_spelling_in_regex_order_wins_at_a_start(
    index: int, found: tuple[frozenset[str], dict[str, int]]
) -> None:
    prefixes, ranks = found
    regex = PATTERNS[index].regex
    spellings = list(ranks)
    for spelling in spellings:
        # Each spelling, alone and followed by every spelling that could extend it.
        for tail in ["", *(" " + other for other in spellings[:40])]:
            text = spelling + tail + "."
            if any(text.startswith(p) for p in prefixes):
                continue
            ends = [
                (ranks[s], len(s))
                for s in spellings
                if text.startswith(s) and not (text[len(s)].isalnum() or text[len(s)] == "_")
            ]
            match = regex.match(text)
            assert match is not None
            assert match.end() == min(ends)[1], text


def test_the_scan_keeps_the_regex_winner() -> None:
    text = "built recommender systems and ml models, then machine learning platforms"
    matcher = Matcher(load_taxonomy())
    _skills, phrases = matcher.find(text, normalise(text))
    by_kind = {p.kind: text[p.start : p.end] for p in phrases}
    assert by_kind["ml_work"] == "recommender systems"
