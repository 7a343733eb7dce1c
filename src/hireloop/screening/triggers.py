"""Literal prefixes that every match of a phrase pattern starts with.

They let one Aho-Corasick pass find where a pattern can match, so each regex runs only
anchored at those places instead of over the whole text.
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Any

# The standard library's own regex parser (private, but stable across 3.11+).
sre_parse: Any = import_module("re._parser")

_DIGITS = frozenset("0123456789")
_MAX_PREFIXES = 400
# Greedy, lazy and possessive repeats start the same way.
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def trigger_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The prefixes, or None when a match could start with anything we cannot list."""
    found, _complete = _sequence(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    if found is None or "" in found or len(found) > _MAX_PREFIXES:
        return None
    return frozenset(found)


def _sequence(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """Prefixes of a sequence, and whether they spell the whole sequence (all literal)."""
    prefixes = {""}
    for op, value in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT") and prefixes == {""}:
            continue
        if name == "LITERAL":
            prefixes = {p + chr(value) for p in prefixes}
            continue
        if name in _REPEATS and value[0] == 0 and value[1] == 1:
            # An optional part ("models?", "(?:a |the )?"): the prefixes go on with and without
            # it, as long as it is all literal.
            found, complete = _sequence(list(value[2]))
            if found is None or not complete or "" in found:
                return prefixes, False
            prefixes = {p + h for p in prefixes for h in found | {""}}
            if len(prefixes) > _MAX_PREFIXES:
                return prefixes, False
            continue
        heads, complete = _head(name, value)
        if heads is None:
            return (None if prefixes == {""} else prefixes), False
        prefixes = {p + h for p in prefixes for h in heads}
        if len(prefixes) > _MAX_PREFIXES or not complete:
            return prefixes, False
    return prefixes, True


def _head(name: str, value: Any) -> tuple[set[str] | None, bool]:
    """Possible starts of one element (None when unknown), and whether they are all of it."""
    if name == "IN":
        chars: set[str] = set()
        for op, item in value:
            if str(op) == "LITERAL":
                chars.add(chr(item))
            elif str(op) == "CATEGORY" and str(item) == "CATEGORY_DIGIT":
                chars |= _DIGITS
            else:
                return None, False
        return chars, True
    if name == "BRANCH":
        heads: set[str] = set()
        all_complete = True
        for alternative in value[1]:
            found, complete = _sequence(list(alternative))
            if found is None or "" in found:
                return None, False
            heads |= found
            all_complete = all_complete and complete
        return heads, all_complete
    if name == "SUBPATTERN":
        found, complete = _sequence(list(value[-1]))
        return (None, False) if found is None or "" in found else (found, complete)
    if name in _REPEATS and value[0] >= 1:
        found, _complete = _sequence(list(value[2]))
        return (None, False) if found is None or "" in found else (found, False)
    return None, False
