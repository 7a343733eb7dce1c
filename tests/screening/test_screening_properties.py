"""Properties that hold for any text at all."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hireloop.screening import screen

AS_OF = date(2026, 11, 25)
CV_WORDS = st.sampled_from(
    [
        "EXPERIENCE", "Skills:", "## Projects", "Deployed", "PyTorch", "p99", "40 ms", "R",
        "Go", "Ray", "Triton", "Jan 2021 - Present", "2019-2021", "\n", "\n\n", "- ", "on-call",
        "10k QPS", "Jupyter", "Kaggle", "%", "$", "model", "İ", "ß", "\u00a0", "\t", "===",
    ]
)  # fmt: skip
CV_LIKE = st.lists(st.one_of(CV_WORDS, st.text(max_size=12)), max_size=80).map(" ".join)


def check(text: str) -> None:
    result = screen(text, AS_OF)
    for ev in result.evidence:
        assert text[ev.start : ev.end] == ev.quote
    assert 0 <= result.score <= 100
    assert all(0 <= v <= 100 for v in result.areas.values())
    assert (result.production_level is None) == (result.verdict == "not_ml")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_raises_on_arbitrary_unicode(text: str) -> None:
    check(text)


@settings(max_examples=150, deadline=None)
@given(CV_LIKE)
def test_quotes_are_exact_on_cv_like_text(text: str) -> None:
    check(text)


@settings(max_examples=30, deadline=None)
@given(CV_LIKE)
def test_screening_is_deterministic(text: str) -> None:
    assert screen(text, AS_OF) == screen(text, AS_OF)


def test_huge_single_line_and_no_sections() -> None:
    text = "Deployed a PyTorch model serving 10k QPS at p99 20 ms. " * 4000
    check(text)


def test_empty_and_whitespace_only_texts() -> None:
    for text in ("", " ", "\n\n\n", "\t\u00a0\u2028"):
        result = screen(text, AS_OF)
        assert result.verdict == "not_ml"
        assert result.evidence == []
