"""Cut a text into plain and highlighted runs, so a page can mark quoted evidence safely."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Run:
    text: str
    labels: tuple[str, ...] = ()

    @property
    def marked(self) -> bool:
        return bool(self.labels)


def highlight_runs(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Run]:
    """Runs covering `text` in order; each carries the labels of every span over it."""
    cuts = {0, len(text)}
    clean: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        start, end = max(0, start), min(len(text), end)
        if start < end:
            clean.append((start, end, label))
            cuts.update((start, end))
    points = sorted(cuts)
    runs: list[Run] = []
    for left, right in pairwise(points):
        labels = tuple(sorted({label for s, e, label in clean if s <= left and right <= e}))
        if runs and runs[-1].labels == labels:
            runs[-1] = Run(runs[-1].text + text[left:right], labels)
        else:
            runs.append(Run(text[left:right], labels))
    return runs
