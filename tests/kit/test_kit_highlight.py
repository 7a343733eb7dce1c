"""Evidence highlighting: runs cover the text exactly and carry every overlapping label."""

from __future__ import annotations

from hireloop.kit.highlight import highlight_runs


def test_runs_rebuild_the_text_and_mark_only_the_spans() -> None:
    text = "Served the model at p99 40 ms for 2M users."
    runs = highlight_runs(text, [(0, 16, "deployment"), (20, 29, "latency")])
    assert "".join(r.text for r in runs) == text
    assert [(r.text, r.labels) for r in runs if r.marked] == [
        ("Served the model", ("deployment",)),
        ("p99 40 ms", ("latency",)),
    ]


def test_overlapping_spans_share_the_overlap_and_bad_spans_are_ignored() -> None:
    text = "abcdefghij"
    runs = highlight_runs(text, [(2, 6, "a"), (4, 8, "b"), (9, 3, "reversed"), (-5, 1, "clip")])
    assert [(r.text, r.labels) for r in runs] == [
        ("a", ("clip",)),
        ("b", ()),
        ("cd", ("a",)),
        ("ef", ("a", "b")),
        ("gh", ("b",)),
        ("ij", ()),
    ]
