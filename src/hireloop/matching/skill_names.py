"""One spelling per skill, so a must-have such as "k8s" finds a candidate's "Kubernetes"."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from hireloop.reference.role_shapes import normalise_term
from hireloop.reference.taxonomy import load_taxonomy


class _KeyMemo(dict[str, str]):
    """Remembers the key of every spelling seen, so each one is worked out once."""

    def __init__(self, known: Mapping[str, str]) -> None:
        super().__init__()
        self._known = known

    def __missing__(self, text: str) -> str:
        term = normalise_term(text)
        key = self._known.get(term, term)
        self[text] = key
        return key


class SkillNames:
    """Maps any spelling of a skill (case, hyphens, aliases) to one key."""

    def __init__(self, known: Mapping[str, str]) -> None:
        self._known = dict(known)
        self.memo = _KeyMemo(self._known)

    @classmethod
    def from_taxonomy(cls) -> SkillNames:
        return cls(_taxonomy_keys())

    def known_key(self, text: str) -> str | None:
        """The key of a skill the taxonomy knows, or None."""
        return self._known.get(normalise_term(text))

    def key(self, text: str) -> str:
        """The key of any spelling; unknown skills keep their own normalised spelling."""
        return self.memo[text]


@lru_cache(maxsize=1)
def _taxonomy_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for skill in load_taxonomy().skills:
        canonical = normalise_term(skill.name)
        for term in (skill.name, *(alias.text for alias in skill.aliases)):
            keys.setdefault(normalise_term(term), canonical)
    return keys
