"""Public pay data imported as aggregator figures: BLS OEWS tables and DOL LCA disclosures."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hireloop.rates.errors import SignalFileError
from hireloop.rates.importers import import_lca, import_oews, percentile
from hireloop.rates.signals import AggregatorSignal

OEWS_HEADER = (
    "AREA_TITLE,OCC_CODE,OCC_TITLE,TOT_EMP,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,"
    "A_PCT25,A_MEDIAN,A_PCT75,A_PCT90"
)
OEWS_TABLE = "\n".join(
    [
        OEWS_HEADER,
        'U.S.,15-2051,Data Scientists,"202,900",40.10,52.50,68.00,85.30,'
        '"83,400","109,200","141,400","177,400"',
        '"San Jose-Sunnyvale-Santa Clara, CA",15-1252,Software Developers,"71,000",'
        '80.00,96.00,112.00,#,"166,400","199,700","233,000",#',
        'U.S.,29-1141,Registered Nurses,"3,175,000",35.00,41.00,50.00,60.00,'
        '"72,800","86,100","104,000","129,000"',
        '"Boise City, ID",15-2051,Data Scientists,450,30.00,40.00,50.00,60.00,'
        '"62,400","83,200","104,000","124,800"',
        "U.S.,15-1221,Computer and Information Research Scientists,**,60.00,70.00,*,*,*,*,*,*",
    ]
)


def _oews(**options: Any) -> list[AggregatorSignal]:
    return import_oews(OEWS_TABLE, as_of=date(2025, 5, 1), **options)


def test_oews_keeps_ml_occupations_in_mapped_areas_only() -> None:
    signals = _oews()
    assert sorted((s.market, s.source) for s in signals) == [
        ("sf_bay_area", "BLS OEWS"),
        ("us", "BLS OEWS"),
        ("us", "BLS OEWS"),
    ]
    assert all(s.kind == "aggregator" and s.basis == "salary" for s in signals)


def test_oews_reads_annual_percentiles_and_employment() -> None:
    scientists = _oews()[0]
    assert scientists.unit == "year"
    assert (scientists.p25, scientists.p50, scientists.p75, scientists.p90) == (
        83_400,
        109_200,
        141_400,
        177_400,
    )
    assert scientists.n == 202_900
    assert scientists.as_of == date(2025, 5, 1)


def test_oews_top_coded_values_are_kept_as_floors_not_figures() -> None:
    developers = next(s for s in _oews() if s.market == "sf_bay_area")
    assert developers.floors == ["p90"]
    assert developers.p90 == 239_200  # the published threshold the true value is above
    assert developers.p75 == 233_000


def test_oews_falls_back_to_hourly_figures_when_annual_ones_are_suppressed() -> None:
    researchers = [s for s in _oews() if s.unit == "hour"]
    assert len(researchers) == 1
    assert (researchers[0].p25, researchers[0].p50, researchers[0].p75) == (60, 70, None)
    assert researchers[0].n is None


def test_oews_uses_the_thresholds_and_area_mapping_it_is_given() -> None:
    signals = _oews(top_code_annual=250_000, area_markets={"Boise City, ID": "remote"})
    assert [(s.market, s.p50) for s in signals] == [("remote", 83_200)]


def test_oews_without_an_occupation_column_imports_nothing() -> None:
    table = OEWS_TABLE.replace("OCC_CODE", "OCCUPATION", 1)
    with pytest.raises(SignalFileError) as caught:
        import_oews(table, as_of=date(2025, 5, 1))
    assert (caught.value.row, caught.value.column) == (1, "OCC_CODE")


LCA_HEADER = (
    "CASE_STATUS,JOB_TITLE,SOC_CODE,FULL_TIME_POSITION,WAGE_RATE_OF_PAY_FROM,"
    "WAGE_UNIT_OF_PAY,WORKSITE_STATE,DECISION_DATE"
)
LCA_ROWS = [
    'Certified,Senior Machine Learning Engineer,15-1252,Y,"150,000.00",Year,CA,2025-09-30',
    "Certified,Staff ML Engineer,15-1252,Y,80.00,Hour,WA,2025-11-14",
    "Certified,MLOps Engineer,15-1252,Y,200000,Year,CA,2025-10-02",
    "Denied,Machine Learning Engineer,15-1252,Y,90000,Year,CA,2025-10-03",
    "Certified - Withdrawn,Machine Learning Engineer,15-1252,Y,95000,Year,CA,2025-10-04",
    "Certified,Machine Learning Engineer,15-1252,N,60000,Year,CA,2025-10-05",
    "Certified,Senior Accountant,13-2011,Y,120000,Year,CA,2025-12-01",
]


def _lca(*rows: str) -> str:
    return "\n".join([LCA_HEADER, *rows]) + "\n"


def test_lca_keeps_certified_full_time_ml_rows_annualised() -> None:
    [signal] = import_lca(_lca(*LCA_ROWS))
    kept = sorted([150_000.0, 80.0 * 2080, 200_000.0])
    assert signal.n == 3
    assert signal.unit == "year" and signal.basis == "salary"
    assert signal.p50 == pytest.approx(kept[1])
    assert signal.p25 == pytest.approx(kept[0] + (kept[1] - kept[0]) * 0.5)
    assert signal.as_of == date(2025, 11, 14)  # latest decision among kept rows


def test_lca_can_be_limited_to_worksite_states() -> None:
    [signal] = import_lca(_lca(*LCA_ROWS), market="sf_bay_area", states=["ca"])
    assert signal.n == 2
    assert signal.market == "sf_bay_area"


def test_lca_with_too_few_matching_rows_gives_no_figure() -> None:
    assert import_lca(_lca(*LCA_ROWS[3:])) == []
    assert import_lca(_lca(*LCA_ROWS), min_rows=4) == []


def test_lca_unreadable_wage_on_a_kept_row_names_row_and_column() -> None:
    bad = "Certified,ML Engineer,15-1252,Y,lots,Year,CA,2025-10-01"
    with pytest.raises(SignalFileError) as caught:
        import_lca(_lca(LCA_ROWS[0], bad))
    assert (caught.value.row, caught.value.column) == (3, "WAGE_RATE_OF_PAY_FROM")


def test_lca_reads_us_style_decision_dates() -> None:
    [signal] = import_lca(_lca(LCA_ROWS[0].replace("2025-09-30", "9/30/2025")))
    assert signal.as_of == date(2025, 9, 30)


def test_percentiles_interpolate_between_ranks() -> None:
    assert percentile([10.0, 20.0, 30.0, 40.0], 0.5) == pytest.approx(25.0)
    assert percentile([10.0, 20.0, 30.0, 40.0], 0.9) == pytest.approx(37.0)
    assert percentile([7.0], 0.25) == 7.0
