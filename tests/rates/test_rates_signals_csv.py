"""Importing market signals from CSV: all rows or none, errors naming row and column."""

from __future__ import annotations

from datetime import date

import pytest

from hireloop.rates.errors import SignalFileError
from hireloop.rates.signals import AggregatorSignal, LiveSignal, parse_signals_csv
from hireloop.reference.rate_card import RateCard

HEADER = "kind,source,rate,unit,basis,market,specialism,as_of,p25,p50,p75,p90,n"
GOOD_ROWS = [
    "aggregator,Pay survey A,,day,1099,us,,2026-02-01,950,1100,1250,1400,84",
    "aggregator,Pay survey B,1050,day,1099,us,mlops,2026-01-15,,,,,",
    "placement,Our desk,1200,day,c2c,us,llm_rag,2026-03-20,,,,,",
    "pulled_offer,Client note,140,hour,w2,remote,,2026-03-28,,,,,",
]


def _csv(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def test_a_well_formed_file_gives_one_signal_per_row(card: RateCard) -> None:
    signals = parse_signals_csv(_csv(*GOOD_ROWS), card)
    assert [s.kind for s in signals] == ["aggregator", "aggregator", "placement", "pulled_offer"]
    survey = signals[0]
    assert isinstance(survey, AggregatorSignal)
    assert (survey.p25, survey.p50, survey.p75, survey.p90, survey.n) == (
        950,
        1100,
        1250,
        1400,
        84,
    )
    assert survey.specialism is None


def test_an_aggregator_rate_without_percentiles_is_read_as_its_median(card: RateCard) -> None:
    signal = parse_signals_csv(_csv(GOOD_ROWS[1]), card)[0]
    assert isinstance(signal, AggregatorSignal)
    assert signal.central == 1050


def test_a_live_signal_keeps_its_rate_unit_basis_and_date(card: RateCard) -> None:
    signal = parse_signals_csv(_csv(GOOD_ROWS[3]), card)[0]
    assert isinstance(signal, LiveSignal)
    assert (signal.rate, signal.unit, signal.basis, signal.as_of) == (
        140,
        "hour",
        "w2",
        date(2026, 3, 28),
    )


def test_a_header_alone_or_an_empty_file_gives_no_signals(card: RateCard) -> None:
    assert parse_signals_csv(HEADER + "\n", card) == []
    assert parse_signals_csv("", card) == []


def test_a_missing_column_is_named_on_the_header_row(card: RateCard) -> None:
    header = HEADER.replace(",as_of", "")
    row = GOOD_ROWS[0].replace(",2026-02-01", "")
    with pytest.raises(SignalFileError) as caught:
        parse_signals_csv(_csv(row, header=header), card)
    assert (caught.value.row, caught.value.column) == (1, "as_of")


@pytest.mark.parametrize(
    ("bad_row", "column", "words"),
    [
        ("placement,Desk,1200,week,1099,us,,2026-03-01,,,,,", "unit", "unknown unit"),
        ("placement,Desk,1200,day,1099,atlantis,,2026-03-01,,,,,", "market", "unknown market"),
        ("rumour,Desk,1200,day,1099,us,,2026-03-01,,,,,", "kind", "unknown kind"),
        ("placement,Desk,-1200,day,1099,us,,2026-03-01,,,,,", "rate", "negative"),
        ("placement,Desk,1200,day,1099,us,,1 March 2026,,,,,", "as_of", "not a date"),
        ("placement,Desk,1200,day,1099,us,quant,2026-03-01,,,,,", "specialism", "unknown"),
        ("placement,Desk,1200,day,freelance,us,,2026-03-01,,,,,", "basis", "unknown basis"),
        ("aggregator,Survey,,day,1099,us,,2026-03-01,,,,,", "p50", "median"),
    ],
)
def test_a_bad_value_names_its_row_and_column_and_imports_nothing(
    card: RateCard, bad_row: str, column: str, words: str
) -> None:
    text = _csv(GOOD_ROWS[0], GOOD_ROWS[1], bad_row, GOOD_ROWS[2])
    with pytest.raises(SignalFileError) as caught:
        parse_signals_csv(text, card)
    assert caught.value.row == 4  # the header is row 1, so the third data row is row 4
    assert caught.value.column == column
    assert words in caught.value.message
    assert "row 4" in caught.value.message and column in caught.value.message
    assert "nothing was imported" in caught.value.message


def test_column_names_are_matched_whatever_their_case(card: RateCard) -> None:
    signals = parse_signals_csv(_csv(GOOD_ROWS[2], header=HEADER.upper()), card)
    assert signals[0].source == "Our desk"
