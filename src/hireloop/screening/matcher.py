"""One-pass taxonomy matching with Aho-Corasick over normalised text, with context rules.

One automaton per taxonomy (a DFA, built once) holds every skill alias, the literal starts of every
evidence phrase and the names of ML research venues. `scan` runs it once over a normalised text
and folds each phrase straight into its unit (the strongest of each kind); nothing per match is
an object. A phrase whose key is the whole phrase needs no regex at all; where several phrases
share a key, each runs only while it could still change the unit's claim of its kind.

Very short keys ("r", "c", digits) occur inside most words. They are stored with the
characters that may surround them ("(r," or " 5"), so the automaton reports only whole words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from ahocorasick_rs import AhoCorasick, Implementation

from hireloop.reference.taxonomy import Alias, Skill, Taxonomy
from hireloop.screening.evidence_patterns import PATTERNS
from hireloop.screening.models import EvidenceKind
from hireloop.screening.text import Normalised
from hireloop.screening.triggers import trigger_prefixes, word_list

_CONTEXT_WINDOW = 80
_JOINERS = "+#"
# Characters that end a word, as written around a short key: printable ASCII that is not a
# letter, digit or underscore, and a few common signs. Others next to a short key are rare
# enough to ignore (dashes, quotes and spaces are unified by normalisation).
_EDGES = tuple(
    [chr(c) for c in range(32, 127) if not chr(c).isalnum() and chr(c) != "_"]
    + list("\u20ac\u00a3\u2022\u00b7\u2248\u00d7\u2192\u2264\u2265")
)
_SHORT = 2  # keys this long or shorter are stored with their edges

# Marker words: names of ML research venues (a unit naming one is a research line).
VENUE = 1
_VENUES = (
    "neurips", "nips", "icml", "iclr", "cvpr", "iccv", "eccv", "acl", "emnlp", "naacl", "aaai",
    "ijcai", "kdd",
)  # fmt: skip

KINDS: tuple[EvidenceKind, ...] = tuple(p.kind for p in PATTERNS)
STRENGTHS: tuple[float, ...] = tuple(p.strength for p in PATTERNS)

# All offsets are normalised. (start, start - end, end, option, unit or -1) of a skill alias
# (ordered by start, then longest first); (strength, start, end) of the strongest phrase of a
# kind in a unit.
SkillHit = tuple[int, int, int, "Option", int]
Claim = tuple[float, int, int]
# A trigger: the (regex, kind, strength) of each pattern that may match at its key, in order;
# or, for a key that is a whole literal spelling (no regex), none of them, the kind and strength
# of its one pattern and the lengths of the shorter spellings at its start it replaces.
_Trigger = tuple[
    tuple[tuple[re.Pattern[str], EvidenceKind, float], ...],
    EvidenceKind,
    float,
    tuple[int, ...],
]
# What is kept per stored key: (characters of edge stored before the key proper, length of the
# key proper, how its start is known to start a word, the skill aliases it spells, its
# trigger, its markers (marker, must end a word)).
_Value = tuple[
    int,
    int,
    int,
    tuple["Option", ...] | None,
    _Trigger | None,
    tuple[tuple[int, bool], ...] | None,
]
# How a key's start is known to start a word.
_KNOWN_WORD_START = 0  # stored with the edge before it
_CHECK_START = 1  # starts with a letter or digit: the character before must not be one
_ANY_START = 2  # starts with a sign ("$", "%"): a phrase may start there anyway


@dataclass(frozen=True, slots=True)
class Option:
    """One alias of one skill, as the automaton stores it."""

    skill: Skill
    index: int  # the skill's position in the taxonomy
    alias: Alias
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class SkillMatch:
    skill: Skill
    start: int
    end: int
    alias: str


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    kind: EvidenceKind
    strength: float
    start: int
    end: int


@dataclass(slots=True)
class _Key:
    lead: int  # characters of edge before the key proper
    length: int  # length of the key proper
    edged: bool  # stored with its edges: it is known to be a whole word
    options: list[Option]
    patterns: list[int]
    markers: list[tuple[int, bool]]  # (marker, must end a word)
    literal: list[int] = field(default_factory=list)  # patterns that match just the key
    # Lengths of the shorter literal keys of its pattern that the regex tries after it.
    beats: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ScanResult:
    # unit -> kind -> (strength, start, end) of its strongest (then leftmost) phrase
    claims: dict[int, dict[EvidenceKind, Claim]]
    skills: list[SkillHit]  # longest non-overlapping, in text order
    markers: dict[int, int]  # unit -> the markers found in it, or-ed


class Matcher:
    """`scan` finds skills (longest non-overlapping matches at word boundaries whose rules hold),
    phrases (every pattern match that starts where one of its triggers does) and markers."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        keys: dict[str, _Key] = {}

        def key_for(word: str, edge_before: bool, edge_after: bool) -> list[_Key]:
            if len(word) > _SHORT or not word[0].isalnum():
                return [keys.setdefault(word, _Key(0, len(word), False, [], [], []))]
            befores = _EDGES if edge_before else ("",)
            afters = _EDGES if edge_after else ("",)
            made = []
            for before in befores:
                for after in afters:
                    stored = before + word + after
                    found = keys.setdefault(stored, _Key(len(before), len(word), True, [], [], []))
                    if (found.lead, found.length) == (len(before), len(word)):
                        made.append(found)
            return made

        for index, skill in enumerate(taxonomy.skills):
            for alias in skill.aliases:
                option = Option(skill, index, alias, alias.ambiguous)
                for key in key_for(alias.key, True, True):
                    key.options.append(option)
        self._full_scan: list[int] = []
        tiers = [(p.kind, p.strength) for p in PATTERNS]
        for index, pattern in enumerate(PATTERNS):
            words = word_list(pattern.regex) if tiers.count(tiers[index]) == 1 else None
            if words is not None:
                for spelled, whole, beats in _word_keys(*words):
                    for made in key_for(spelled, True, False):
                        made.patterns.append(index)
                        if whole:
                            made.literal.append(index)
                            made.beats = beats
                continue
            prefixes = trigger_prefixes(pattern.regex)
            if prefixes is None:
                self._full_scan.append(index)
                continue
            # A prefix that extends another of the same pattern adds nothing: drop it.
            minimal = [p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes)]
            for prefix in sorted(minimal):
                literal = _is_literal(pattern.regex, prefix, prefixes)
                for key in key_for(prefix, True, False):
                    key.patterns.append(index)
                    if literal:
                        key.literal.append(index)
        for word in _VENUES:
            for key in key_for(word, True, True):
                key.markers.append((VENUE, True))
        stored_keys: list[str] = []
        self._values: list[_Value] = []
        shared: dict[tuple[int, ...], _Trigger] = {}
        for stored, key in keys.items():
            # Within one key, aliases with context rules are tried before plain ones.
            options = tuple(sorted(key.options, key=lambda o: not o.alias.context))
            patterns = tuple(dict.fromkeys(key.patterns))
            trigger: _Trigger | None = None
            if len(patterns) == 1 and key.literal == list(patterns):
                first = PATTERNS[patterns[0]]
                trigger = ((), first.kind, first.strength, key.beats)
            elif patterns:
                if patterns not in shared:
                    first = PATTERNS[patterns[0]]
                    shared[patterns] = (_regexes(patterns), first.kind, first.strength, ())
                trigger = shared[patterns]
            if key.edged:
                mode = _KNOWN_WORD_START
            elif stored[0].isalnum():
                mode = _CHECK_START
            else:
                mode = _ANY_START
            stored_keys.append(stored)
            self._values.append(
                (key.lead, key.length, mode, options or None, trigger, tuple(key.markers) or None)
            )
        # Every match, overlapping ones included, ordered by where it ends, then longest first.
        self._automaton = AhoCorasick(stored_keys, implementation=Implementation.DFA)

    def scan(
        self, raw: str, normalised: Normalised, unit_starts: list[int], unit_ends: list[int]
    ) -> ScanResult:
        """One pass over the normalised text, folding each phrase into the unit it starts in
        (units given by their normalised starts and ends, in order)."""
        text = normalised.text
        claims: dict[int, dict[EvidenceKind, Claim]] = {}
        marked: dict[int, int] = {}
        skills: list[SkillHit] = []
        # The text between two spaces: the character before `start` is padded[start], the one
        # after `end` is padded[end + 1], with no bounds to check.
        padded = " " + text + " "
        unit = -1
        unit_start = unit_end = 0
        bisect = bisect_right
        known_word_start, any_start, joiners = _KNOWN_WORD_START, _ANY_START, _JOINERS
        values = self._values
        for key_index, stored_start, _stored_end in self._automaton.find_matches_as_indexes(
            padded, overlapping=True
        ):
            lead, length, mode, options, trigger, marks = values[key_index]
            start = stored_start + lead - 1  # padded starts with one extra space
            if not unit_start <= start < unit_end:
                unit = bisect(unit_starts, start) - 1
                if unit >= 0 and start < unit_ends[unit]:
                    unit_start, unit_end = unit_starts[unit], unit_ends[unit]
                else:
                    unit_start = unit_end = 0
                    if options is None:
                        continue  # between units: only a skill (which may hide another) matters
                    unit = -1
            if mode == known_word_start:
                starts_word = True
            else:
                before = padded[start]
                starts_word = not (before.isalnum() or before == "_")
            if trigger is not None and unit >= 0 and (starts_word or mode == any_start):
                regexes, kind, strength, beats = trigger
                found = claims.get(unit)
                if not regexes:
                    # The key is the whole phrase: it matches where it ends a word, and at a
                    # start where a shorter spelling that the regex tries later matched, it wins.
                    after = padded[start + length + 1]
                    if not (after.isalnum() or after == "_"):
                        best = found.get(kind) if found is not None else None
                        if (
                            best is None
                            or strength > best[0]
                            or (
                                strength == best[0]
                                and (
                                    start < best[1]
                                    or (start == best[1] and best[2] - start in beats)
                                )
                            )
                        ):
                            if found is None:
                                found = claims[unit] = {}
                            found[kind] = (strength, start, start + length)
                else:
                    # Each pattern runs only when it could still change the unit's claim.
                    for regex, kind, strength in regexes:
                        best = found.get(kind) if found is not None else None
                        if (
                            best is None
                            or strength > best[0]
                            or (strength == best[0] and start < best[1])
                        ):
                            match = regex.match(text, start)
                            if match is not None:
                                if found is None:
                                    found = claims[unit] = {}
                                found[kind] = (strength, start, match.end())
            if (options is None and marks is None) or not starts_word:
                continue
            end = start + length
            after = padded[end + 1]
            ends_word = not (after.isalnum() or after == "_")
            # "c++" or "c#" is not "c": a joiner after a letter continues the name.
            if (
                options is not None
                and ends_word
                and not (after in joiners and padded[end].isalnum())
            ):
                for option in options:
                    if not option.ambiguous or _rules_hold(
                        option.alias, raw, normalised, start, end
                    ):
                        skills.append((start, start - end, end, option, unit))
                        break
            if marks is not None and unit >= 0:
                for marker, whole in marks:
                    if ends_word or not whole:
                        marked[unit] = marked.get(unit, 0) | marker
        for index in self._full_scan:
            kind, strength = KINDS[index], STRENGTHS[index]
            for match in PATTERNS[index].regex.finditer(text):
                start = match.start()
                unit = bisect_right(unit_starts, start) - 1
                if unit < 0 or start >= unit_ends[unit]:
                    continue
                found = claims.setdefault(unit, {})
                best = found.get(kind)
                if best is None or strength > best[0] or (strength == best[0] and start < best[1]):
                    found[kind] = (strength, start, match.end())
        return ScanResult(claims, _longest_first(skills), marked)

    def find(self, raw: str, normalised: Normalised) -> tuple[list[SkillMatch], list[PhraseMatch]]:
        """The skills found, and the strongest phrase of each kind (the whole text taken as
        one unit); for inspection and tests, `scan` is the fast path."""
        result = self.scan(raw, normalised, [0], [len(normalised.text) + 1])
        skills = [SkillMatch(o.skill, s, e, o.alias.key) for s, _n, e, o, _u in result.skills]
        phrases = [
            PhraseMatch(kind, strength, start, end)
            for kind, (strength, start, end) in result.claims.get(0, {}).items()
        ]
        return skills, phrases


def _regexes(patterns: tuple[int, ...]) -> tuple[tuple[re.Pattern[str], EvidenceKind, float], ...]:
    """The (regex, kind, strength) of each pattern, run one by one: cheaper than one regex of
    lookahead groups, and a pattern that can no longer change the unit is not run at all."""
    return tuple((PATTERNS[p].regex, PATTERNS[p].kind, PATTERNS[p].strength) for p in patterns)


def _word_keys(
    prefixes: frozenset[str], ranks: dict[str, int]
) -> list[tuple[str, bool, tuple[int, ...]]]:
    """The keys of a word-list pattern: (key, whether it is a whole literal spelling, the
    lengths of the shorter spellings it beats). A spelling that starts a prefix of another
    alternative, and any key that extends a regex key, are read by the regex."""
    regex_keys = set(prefixes) | {s for s in ranks if any(p.startswith(s) for p in prefixes)}
    regex_keys = {p for p in regex_keys if not any(p != q and p.startswith(q) for q in regex_keys)}
    literal = [s for s in ranks if not any(s.startswith(q) for q in regex_keys)]
    keys: list[tuple[str, bool, tuple[int, ...]]] = [(p, False, ()) for p in sorted(regex_keys)]
    for spelling in literal:
        beats = tuple(
            len(shorter)
            for shorter in literal
            if shorter != spelling
            and spelling.startswith(shorter)
            and ranks[spelling] < ranks[shorter]
        )
        keys.append((spelling, True, beats))
    return keys


def _is_literal(regex: re.Pattern[str], key: str, prefixes: frozenset[str]) -> bool:
    """Whether every match of the pattern at a start of `key` is `key` itself, ending a word:
    no other start of the pattern extends it, and the pattern takes exactly the key before
    any non-word character and nothing before a word character."""
    if not key[-1].isalnum() or any(q != key and q.startswith(key) for q in prefixes):
        return False
    for after in ("", " ", ".", ",", "-", ")", "/"):
        found = regex.match(key + after)
        if found is None or found.end() != len(key):
            return False
    return all(regex.match(key + after) is None for after in ("x", "1", "_", "s"))


def _rules_hold(alias: Alias, raw: str, normalised: Normalised, start: int, end: int) -> bool:
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
    context = alias.context
    return not context or any(word in around for word in context)


def _longest_first(matches: list[SkillHit]) -> list[SkillHit]:
    matches.sort(key=_BY_START_LONGEST)
    kept: list[SkillHit] = []
    last_end = -1
    for match in matches:
        if match[0] >= last_end:
            kept.append(match)
            last_end = match[2]
    return kept


_BY_START_LONGEST = itemgetter(0, 1)


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
