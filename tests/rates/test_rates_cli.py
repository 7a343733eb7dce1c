"""`hireloop rates ...` end to end, in process, with signals files on disk."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from hireloop.cli import run

HEADER = "kind,source,rate,unit,basis,market,specialism,as_of,p25,p50,p75,n"
ROWS = [
    "aggregator,Pay survey A,,day,1099,sf_bay_area,llm_rag,2026-02-01,1900,2100,2300,40",
    "aggregator,Pay survey B,,day,1099,sf_bay_area,,2026-01-15,1400,1550,1700,120",
    "placement,Our desk,2000,day,1099,sf_bay_area,llm_rag,2026-03-25,,,,",
]


def _file(tmp_path: Path, *rows: str, name: str = "signals.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _check(signals: Path, *extra: str) -> list[str]:
    return [
        "rates",
        "check",
        "--rate",
        "1400",
        "--market",
        "sf_bay_area",
        "--specialism",
        "llm_rag",
        "--signals",
        str(signals),
        "--as-of",
        "2026-04-01",
        *extra,
    ]


def test_check_as_json_reports_validation_verdict_and_evidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(_check(_file(tmp_path, *ROWS), "--json"))
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["validated"] is True
    assert out["verdict"] == "below_market"
    assert out["clearing_day_rate"] > 1400
    assert {"low", "high"} <= set(out["band"])
    assert 0 <= out["percentile"] <= 100
    assert out["missing"] == []
    assert [s["source"] for s in out["signals_used"]] == [
        "Pay survey A",
        "Pay survey B",
        "Our desk",
    ]


def test_check_stacks_repeated_specialisms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signals = _file(tmp_path, *ROWS)
    run(_check(signals, "--json"))
    single = json.loads(capsys.readouterr().out)
    run(_check(signals, "--specialism", "mlops", "--json"))
    double = json.loads(capsys.readouterr().out)
    assert double["specialisms"] == ["llm_rag", "mlops"]
    assert double["premium"] > single["premium"]
    assert double["clearing_day_rate"] > single["clearing_day_rate"]


def test_check_without_json_prints_a_readable_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(_check(_file(tmp_path, ROWS[0]), "--window-weeks", "12"))
    out = capsys.readouterr().out
    assert code == 0
    assert "not validated" in out
    assert "needs a second aggregator from a different source" in out
    assert "Clearing estimate" in out
    assert "Mis-hire" in out


def test_a_file_with_no_rows_is_not_validated_and_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(_check(_file(tmp_path), "--json"))
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["validated"] is False
    assert len(out["missing"]) == 2
    assert out["band"]["origin"] == "rate_card"


def test_a_bad_csv_is_one_line_on_stderr_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = ROWS[2].replace(",day,", ",fortnight,")
    code = run(_check(_file(tmp_path, ROWS[0], bad), "--json"))
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "row 3" in captured.err and "'unit'" in captured.err


@pytest.mark.parametrize(
    ("swap", "words"),
    [
        (("sf_bay_area", "atlantis"), "unknown market"),
        (("llm_rag", "quant_finance"), "unknown specialism"),
        (("2026-04-01", "April first"), "not a date"),
    ],
)
def test_unknown_ids_and_bad_dates_are_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], swap: tuple[str, str], words: str
) -> None:
    argv = [swap[1] if arg == swap[0] else arg for arg in _check(_file(tmp_path, *ROWS))]
    code = run(argv)
    captured = capsys.readouterr()
    assert code == 2
    assert words in captured.err


def test_check_can_write_an_svg_chart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart = tmp_path / "chart.svg"
    assert run(_check(_file(tmp_path, *ROWS), "--chart", str(chart))) == 0
    capsys.readouterr()
    assert ET.parse(chart).getroot().tag.endswith("svg")


def test_markets_and_specialisms_list_ids_with_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["rates", "markets", "--json"]) == 0
    markets = {m["id"]: m for m in json.loads(capsys.readouterr().out)}
    assert markets["sf_bay_area"]["figures"][0]["open_top"] is True
    assert markets["nyc"]["fallback"] == "us"
    assert run(["rates", "specialisms", "--json"]) == 0
    specialisms = {s["id"]: s for s in json.loads(capsys.readouterr().out)}
    assert {"llm_rag", "mlops", "gpu_distributed", "production_debugging"} <= set(specialisms)
    assert all(p["source"] for s in specialisms.values() for p in s["premiums"])
    assert run(["rates", "markets"]) == 0
    assert "sf_bay_area" in capsys.readouterr().out


def test_a_users_own_rate_card_replaces_ours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], card_data: dict[str, Any]
) -> None:
    card_data["markets"] = [m for m in card_data["markets"] if m["id"] != "nyc"]
    card_data["markets"].append(
        {
            "id": "austin",
            "name": "Austin",
            "figures": [{"low": 950, "high": 1250, "source": "Our desk", "as_of": "2026-03-01"}],
        }
    )
    own = tmp_path / "card.yaml"
    own.write_text(yaml.safe_dump(card_data), encoding="utf-8")
    assert run(["rates", "markets", "--json", "--rate-card", str(own)]) == 0
    ids = [m["id"] for m in json.loads(capsys.readouterr().out)]
    assert "austin" in ids and "nyc" not in ids

    del card_data["stacking"]
    own.write_text(yaml.safe_dump(card_data), encoding="utf-8")
    assert run(["rates", "markets", "--rate-card", str(own)]) == 2
    assert "does not match its schema" in capsys.readouterr().err
