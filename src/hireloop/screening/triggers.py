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


_MAX_LITERALS = 64
_WORD = re.compile(r"\w")


def word_list(pattern: re.Pattern[str]) -> tuple[frozenset[str], dict[str, int]] | None:
    """For a pattern `\\b(?:a|b|...)\\b`: the trigger prefixes of its alternatives that are not
    plain literals, and every literal spelling of the others with its rank, the order in which
    the regex tries it (alternatives in order, an optional part taken before left out). At one
    start the regex returns the first spelling, in that order, that matches. None for other
    patterns."""
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if len(items) < 3 or any(
        str(op) != "AT" or str(value) != "AT_BOUNDARY" for op, value in (items[0], items[-1])
    ):
        return None
    middle = items[1:-1]
    if any(str(op) == "AT" for op, _value in middle):
        return None
    single = len(middle) == 1 and str(middle[0][0]) == "BRANCH"
    alternatives = [list(a) for a in middle[0][1][1]] if single else [middle]
    prefixes: set[str] = set()
    ranks: dict[str, int] = {}
    for alternative in alternatives:
        spellings = _literals(list(alternative))
        if spellings is not None and all(
            s and _WORD.match(s[0]) and _WORD.match(s[-1]) for s in spellings
        ):
            for spelling in spellings:
                ranks.setdefault(spelling, len(ranks))
            continue
        found, _complete = _sequence(list(alternative))
        if found is None or "" in found:
            return None
        prefixes |= found
    return frozenset(prefixes), ranks


def _literals(items: list[tuple[Any, Any]]) -> list[str] | None:
    """Every string a literal sequence can match, in the order the regex tries them; None
    when the sequence is not a plain literal."""
    spellings = [""]
    for op, value in items:
        name = str(op)
        heads: list[str] | None
        if name == "LITERAL":
            heads = [chr(value)]
        elif name == "IN" and all(str(o) == "LITERAL" for o, _v in value):
            heads = [chr(v) for _o, v in value]  # one character: at most one of them matches
        elif name == "MAX_REPEAT" and value[0] == 0 and value[1] == 1:
            part = _literals(list(value[2]))
            heads = None if part is None or "" in part else [*part, ""]
        elif name == "BRANCH":
            heads = []
            for alternative in value[1]:
                part = _literals(list(alternative))
                if part is None:
                    return None
                heads += part
        elif name == "SUBPATTERN" and value[1] == 0 and value[2] == 0:
            heads = _literals(list(value[-1]))
        else:
            return None
        if heads is None:
            return None
        spellings = [s + h for s in spellings for h in heads]
        if len(spellings) > _MAX_LITERALS:
            return None
    return spellings
