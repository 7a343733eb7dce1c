"""Sections, date ranges and years of experience."""

import random
import re
from datetime import date

import pytest

from hireloop.screening import screen
from hireloop.screening.dates import find_ranges, merged_years
from hireloop.screening.sections import classify_heading, find_sections
from hireloop.screening.text import (
    _REPLACEMENTS,
    _sentence_cuts,
    lower_and_unify,
    normalise,
    split_units,
)

AS_OF = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("EXPERIENCE", "experience"),
        ("Work Experience", "experience"),
        ("## Professional Experience", "experience"),
        ("Employment History:", "experience"),
        ("WORK", "experience"),
        ("**Projects**", "projects"),
        ("Technical Skills", "skills"),
        ("# Education", "education"),
        ("Publications", "publications"),
        ("Certifications", "certifications"),
        ("Summary", "summary"),
        ("Interests", "other"),
        ("Tech.Stack", "skills"),
        ("CORE COMPETENCIES", "skills"),
    ],
)
def test_heading_forms_are_recognised(line: str, kind: str) -> None:
    assert classify_heading(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Senior Machine Learning Engineer",
        "Project Manager",
        "Built a feature store used by 40 teams.",
        "skills: Python, SQL",
        "Machine Learning",
        "Zoë Example",
        "",
    ],
)
def test_titles_sentences_and_label_lines_are_not_headings(line: str) -> None:
    assert classify_heading(line) is None


def test_underlined_heading_opens_a_section() -> None:
    text = "Jo Example\n\nExperience\n==========\nEngineer at Acme\n\nSkills\n------\nPython\n"
    kinds = [s.kind for s in find_sections(text)]
    assert kinds == ["summary", "experience", "skills"]


def test_text_with_no_headings_is_one_summary_section() -> None:
    sections = find_sections("just a paragraph about me\nand another line")
    assert [s.kind for s in sections] == ["summary"]


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("Jan 2021 \u2013 Mar 2023", date(2021, 1, 1), date(2023, 3, 1)),
        ("2019-2021", date(2019, 1, 1), date(2021, 12, 1)),
        ("03/2020 - now", date(2020, 3, 1), AS_OF),
        ("September 2018 to Present", date(2018, 9, 1), AS_OF),
        ("2022.04 - Present", date(2022, 4, 1), AS_OF),
        ("2017-05 \u2014 2019-11", date(2017, 5, 1), date(2019, 11, 1)),
    ],
)
def test_date_range_forms(written: str, start: date, end: date) -> None:
    ranges = find_ranges(f"Engineer, Acme, {written}\n", AS_OF)
    assert [(r.start, r.end) for r in ranges] == [(start, end)]


def test_overlapping_ranges_count_once() -> None:
    ranges = find_ranges("A: 2018 - 2020\nB: 2019 - 2021\nC: 2024 - 2024\n", AS_OF)
    # 2018-01 to 2021-12 is four years less one month; 2024 adds eleven months.
    assert merged_years(ranges) == pytest.approx(3.92 + 0.92, abs=0.1)


def test_json_resume_start_and_end_dates() -> None:
    text = "WORK\nname: Acme\nposition: ML Engineer\nstartDate: 2020-02-01\nendDate: 2022-02-01\n"
    ranges = find_ranges(text, AS_OF)
    assert [(r.start, r.end) for r in ranges] == [(date(2020, 2, 1), date(2022, 2, 1))]


def test_years_of_experience_skip_education_dates() -> None:
    cv = (
        "EXPERIENCE\nML Engineer | Acme | 2020 - 2022\n- Trained models.\n\n"
        "EDUCATION\nBSc, Example University, 2010 - 2014\n"
    )
    result = screen(cv, AS_OF)
    assert result.years_experience == pytest.approx(2.9, abs=0.1)
    assert [e.dates.start.year for e in result.experience if e.dates] == [2020]


def test_experience_entries_carry_title_and_employer() -> None:
    cv = "EXPERIENCE\nSenior ML Engineer | Kestrel Bank | Jan 2021 - Present\n- Shipped models.\n"
    entry = screen(cv, AS_OF).experience[0]
    assert entry.title == "Senior ML Engineer"
    assert entry.employer == "Kestrel Bank"
    assert entry.dates is not None and entry.dates.is_current


def test_evidence_age_is_measured_from_the_role_end_to_as_of() -> None:
    cv = "EXPERIENCE\nML Engineer | Acme | Jan 2015 - Dec 2020\n- Deployed a ranking model.\n"
    ages = [ev.age_years for ev in screen(cv, AS_OF).evidence if ev.kind == "deployment"]
    # Dec 2020 to 25 Nov 2026 is just under six years.
    assert ages == [pytest.approx(6.0, abs=0.1)]


def test_units_split_sentences_and_join_wrapped_lines() -> None:
    text = (
        "Skills\n- Python\n"
        "- Built the model. Deployed it to production.\n"
        "- Owned the pipeline and\n  its monitoring; Wrote docs.\n"
        "Tools: Docker. Kubernetes\n"
    )
    units = [(text[start:end], is_list) for start, end, is_list in split_units(text)]
    assert units == [
        ("Skills", False),
        ("- Python", False),
        ("- Built the model.", False),
        ("Deployed it to production.", False),
        ("- Owned the pipeline and\n  its monitoring;", False),
        ("Wrote docs.", False),
        ("Tools: Docker. Kubernetes", True),
    ]


def test_a_heading_glued_to_the_end_of_a_line_still_opens_its_section() -> None:
    text = "Alex Example\nShipped a ranking model to production in three monthsSkills\nPython, SQL"
    sections = find_sections(text)
    assert [(s.kind, s.heading) for s in sections] == [("summary", ""), ("skills", "Skills")]
    assert text[sections[1].start :].startswith("Skills")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Led\tML\r\nplatform", "led ml platform"),
        (
            "Zo\u00eb\u2019s team \u2014 2019\u20132021,\u00a0\u201cML\u201d\u3000ops",
            'zo\u00eb\'s team - 2019-2021, "ml" ops',
        ),
    ],
)
def test_dashes_quotes_and_unusual_spaces_are_unified(raw: str, expected: str) -> None:
    norm = normalise(raw)
    assert norm.text == expected
    assert norm.raw_offset(norm.text.index("ml")) == raw.lower().index("ml")


def plainly_lowered_and_unified(raw: str) -> str:
    """The definition: each character lower-cased alone (kept when its lower case is two
    characters), then unified."""
    lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in raw)
    return lowered.translate(str.maketrans(_REPLACEMENTS))


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "ASCII only\tand\x1ca separator",
        "Zo\u00eb \u2014 \u00c9COLE \u2022 \u212a8s \u017f",
        "\u0130stanbul, STRASSE \u1e9e, \ufb01 ligature",  # lower cases of two characters
        "\u039f\u0394\u039f\u03a3 \u03a3\u039f\u03a6\u0399\u0391\u03a3",  # no final sigma
        "lone \ud800 surrogate \U0001f600 and \u3000 wide space",
    ],
)
def test_lowering_and_unifying_on_bytes_gives_the_plain_result(raw: str) -> None:
    assert lower_and_unify(raw) == plainly_lowered_and_unified(raw)


def test_lowering_and_unifying_on_bytes_gives_the_plain_result_on_random_text() -> None:
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(0x3100)] + ["\U0001f600", "\ud800", "\udfff"]
    for _ in range(20_000):
        raw = "".join(
            rng.choice(alphabet) if rng.random() < 0.5 else rng.choice("aBZ \n\t-")
            for _ in range(rng.randint(0, 40))
        )
        assert lower_and_unify(raw) == plainly_lowered_and_unified(raw), repr(raw)


def test_sentences_end_at_each_mark_as_one_regex_of_all_marks_finds() -> None:
    # The cuts, found with one regex per mark, are those of one regex over every mark.
    one = re.compile(r"[.!?;](?:(?<=\.)(,\s+)|,?\s+(?=[\"'(\[]?[A-Z0-9\u2022]))")
    rng = random.Random(8)
    for _ in range(30_000):
        text = "".join(rng.choice(".,!?; ;\n\t aB1\u2022\"'([") for _ in range(rng.randint(0, 24)))
        expected = [
            (m.start() if m.start(1) >= 0 else m.start() + 1, m.end()) for m in one.finditer(text)
        ]
        assert _sentence_cuts(text) == expected, repr(text)


def test_normalised_offsets_map_both_ways() -> None:
    text = "Trained on  Vertex\n   AI pipelines"
    norm = normalise(text)
    assert norm.text == "trained on vertex ai pipelines"
    for raw in (0, 12, 22, len(text) - 1):
        assert norm.raw_offset(norm.norm_offset(raw)) == raw


def test_norm_bounds_match_norm_offset_for_every_unit() -> None:
    text = "Skills\n\n\n-   Python,  SQL\n\tBuilt   the model.  Deployed it.\n\n  Tools:  Docker"
    norm = normalise(text)
    units = split_units(text)
    starts, ends = norm.norm_bounds(units)
    assert starts == [norm.norm_offset(start) for start, _end, _list in units]
    assert ends == [norm.norm_offset(end - 1) + 1 for _start, end, _list in units]
    # Out of order spans still map as norm_offset does.
    backwards = list(reversed(units))
    starts, ends = norm.norm_bounds(backwards)
    assert starts == [norm.norm_offset(start) for start, _end, _list in backwards]
    assert ends == [norm.norm_offset(end - 1) + 1 for _start, end, _list in backwards]
