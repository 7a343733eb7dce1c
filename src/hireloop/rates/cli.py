"""`hireloop rates ...`: check a day rate against a signals file, list markets and specialisms;
store signals in the database and run a brief's stored rate check."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from hireloop.briefs.service import get_brief
from hireloop.cli_support import print_json_lines, print_table, unit_of_work
from hireloop.kit.errors import InvalidInput
from hireloop.rates.chart import rate_chart_svg
from hireloop.rates.check import check_rate
from hireloop.rates.economics import rate_economics
from hireloop.rates.normalise import money
from hireloop.rates.service import FORMATS, check_payload, import_signals, list_signals, run_check
from hireloop.rates.signals import parse_signals_csv
from hireloop.reference.rate_card import RateCard, load_rate_card

rates_app = typer.Typer(
    help="Validate contract day rates against the market.", no_args_is_help=True
)

RateCardOption = Annotated[
    Path | None, typer.Option("--rate-card", help="Your own rate card YAML instead of ours.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a summary.")]


def _card(path: Path | None) -> RateCard:
    return load_rate_card(path.resolve() if path is not None else None)


def _date(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"--as-of {text!r} is not a date (use YYYY-MM-DD)") from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read signals file {path}: {exc}") from exc


@rates_app.command("check")
def check_command(
    rate: Annotated[float, typer.Option("--rate", help="Proposed day rate in USD.")],
    market: Annotated[str, typer.Option("--market", help="Market id, see `rates markets`.")],
    signals_file: Annotated[
        Path, typer.Option("--signals", help="CSV of aggregator figures and live signals.")
    ],
    specialism: Annotated[
        list[str] | None, typer.Option("--specialism", help="Specialism id; repeat to stack.")
    ] = None,
    basis: Annotated[str, typer.Option("--basis", help="1099, w2, c2c or salary.")] = "1099",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Check date YYYY-MM-DD; default today.")
    ] = None,
    window_weeks: Annotated[
        float | None, typer.Option("--window-weeks", help="Also show engagement economics.")
    ] = None,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Write an SVG chart of the check here.")
    ] = None,
    as_json: JsonOption = False,
    rate_card: RateCardOption = None,
) -> None:
    """Check a proposed day rate: validated or not, verdict, clearing estimate and why."""
    card = _card(rate_card)
    on = _date(as_of)
    signals = parse_signals_csv(_read(signals_file), card)
    result = check_rate(rate, market, specialism or [], basis.lower(), signals, on, card)
    economics = None
    if window_weeks is not None:
        economics = rate_economics(
            rate, window_weeks, card, compare_day_rate=result.clearing_day_rate
        )
    if chart is not None:
        try:
            chart.write_text(rate_chart_svg(result, signals), encoding="utf-8")
        except OSError as exc:
            raise InvalidInput(f"cannot write chart {chart}: {exc.strerror}") from exc
    if as_json:
        payload = result.model_dump(mode="json")
        if economics is not None:
            payload["economics"] = economics.model_dump(mode="json")
        print(json.dumps(payload, indent=2))
        return
    out = Console(soft_wrap=True)
    status = "[green]validated[/]" if result.validated else "[red]not validated[/]"
    top = "+" if result.band.open_top else ""
    out.print(
        f"[bold]{money(rate)}/day[/] in {market}: {status}, verdict [bold]{result.verdict}[/]"
    )
    out.print(
        f"Clearing estimate {money(result.clearing_day_rate)}/day; band"
        f" {money(result.band.low)}-{money(result.band.high)}{top} (from"
        f" {result.band.origin.replace('_', ' ')}); percentile {result.percentile:g};"
        f" good until {result.valid_until.isoformat()}",
        highlight=False,
    )
    for item in result.missing:
        out.print(f"  missing: {item}", markup=False, highlight=False)
    for ignored in result.signals_ignored:
        out.print(
            f"  ignored: {ignored.kind} from {ignored.source}: {ignored.reason}",
            markup=False,
            highlight=False,
        )
    out.print("[bold]Why[/]")
    for line in result.explanation:
        out.print(f"  {line}", markup=False, highlight=False)
    if economics is not None:
        out.print("[bold]Economics[/]")
        for line in economics.lines:
            out.print(f"  {line}", markup=False, highlight=False)


@rates_app.command("markets")
def markets_command(as_json: JsonOption = False, rate_card: RateCardOption = None) -> None:
    """List market ids with their day-rate figures and sources."""
    card = _card(rate_card)
    rows = [
        {
            "id": m.id,
            "name": m.name,
            "fallback": m.fallback,
            "note": m.note,
            "figures": [f.model_dump(mode="json") for f in m.figures],
        }
        for m in card.markets
    ]
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    table = Table("id", "name", "day rate", "source")
    for market in card.markets:
        if not market.figures:
            table.add_row(market.id, market.name, f"uses {market.fallback}", market.note)
        for figure in market.figures:
            band = f"{money(figure.low)}-{money(figure.high)}" + ("+" if figure.open_top else "")
            table.add_row(market.id, market.name, band, f"{figure.source}, {figure.as_of}")
    Console().print(table)


@rates_app.command("specialisms")
def specialisms_command(as_json: JsonOption = False, rate_card: RateCardOption = None) -> None:
    """List specialism ids with their premiums over the baseline and sources."""
    card = _card(rate_card)
    if as_json:
        rows = [
            {
                "id": s.id,
                "name": s.name,
                "premium_low": s.premium_low,
                "premium_high": s.premium_high,
                "premiums": [p.model_dump(mode="json") for p in s.premiums],
            }
            for s in card.specialisms
        ]
        print(json.dumps(rows, indent=2))
        return
    table = Table("id", "name", "premium", "source")
    for spec in card.specialisms:
        for premium in spec.premiums:
            top = "+" if premium.open_top else ""
            span = (
                f"{premium.low:.0%}{top}"
                if premium.low == premium.high
                else f"{premium.low:.0%}-{premium.high:.0%}{top}"
            )
            table.add_row(spec.id, spec.name, span, f"{premium.source}, {premium.as_of}")
    Console().print(table)
    rule = card.stacking
    Console().print(
        f"Stacking: largest premium in full, each further one x {rule.further_fraction:g},"
        f" capped at {rule.cap:.0%}.",
        highlight=False,
    )


signals_app = typer.Typer(help="The market signal pool in the database.", no_args_is_help=True)
rates_app.add_typer(signals_app, name="signals")


@signals_app.command("import")
def signals_import_command(
    file: Annotated[Path, typer.Argument(help="CSV file to import.")],
    fmt: Annotated[
        str, typer.Option("--format", help=f"File format: {', '.join(FORMATS)}.")
    ] = "signals",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="OEWS figures' date YYYY-MM-DD; default today.")
    ] = None,
    market: Annotated[str, typer.Option("--market", help="Market of an LCA file.")] = "us",
) -> None:
    """Import a signals, OEWS or LCA file into the pool, whole or not at all."""
    text = _read(file)
    with unit_of_work() as session:
        rows = import_signals(
            session, text, actor=None, fmt=fmt.lower(), as_of=_date(as_of), market=market
        )
        count = len(rows)
    print(f"imported {count} signal{'s' if count != 1 else ''} from {file.name}")


@signals_app.command("list")
def signals_list_command(
    market: Annotated[str | None, typer.Option("--market", help="Only this market.")] = None,
    specialism: Annotated[
        str | None, typer.Option("--specialism", help="Only this specialism, or 'generalist'.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the pool, newest first."""
    wanted = "" if specialism == "generalist" else specialism
    with unit_of_work() as session:
        rows = [s.as_dict() for s in list_signals(session, market=market, specialism=wanted)]
    if as_json:
        print_json_lines(rows)
        return
    print_table(
        "Market signals",
        ["id", "as of", "kind", "source", "market", "specialism", "rate/p50", "unit", "basis"],
        (
            [
                r["id"],
                r["as_of"],
                r["kind"],
                r["source"],
                r["market"],
                r["specialism"] or "generalist",
                r["rate"] if r["rate"] is not None else r["p50"],
                r["unit"],
                r["basis"],
            ]
            for r in rows
        ),
    )


@rates_app.command("brief-check")
def brief_check_command(
    brief_id: Annotated[int, typer.Argument(help="The brief to check.")],
    rate: Annotated[
        float | None, typer.Option("--rate", help="Day rate; default the brief's budget.")
    ] = None,
    specialism: Annotated[
        list[str] | None, typer.Option("--specialism", help="Specialism id; repeat to stack.")
    ] = None,
    basis: Annotated[str, typer.Option("--basis", help="1099, w2, c2c or salary.")] = "1099",
    market: Annotated[
        str | None, typer.Option("--market", help="Market id; default the brief's location.")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Check date YYYY-MM-DD; default today.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Check a brief's rate against the pool and store the check."""
    with unit_of_work() as session:
        view = run_check(
            session,
            get_brief(session, brief_id),
            today=_date(as_of),
            actor=None,
            rate=rate,
            basis=basis,
            specialisms=specialism or [],
            market=market,
        )
        payload = check_payload(view)
    if as_json:
        print(json.dumps(payload, indent=2))
        return
    status = "validated" if payload["validated"] else "not validated"
    print(
        f"brief {brief_id}: {money(payload['rate'])}/day in {payload['market']}: {status},"
        f" verdict {payload['verdict']}; clearing estimate"
        f" {money(payload['clearing_day_rate'])}/day; percentile {payload['percentile']:g};"
        f" stored as check {payload['id']}"
    )
    for item in payload["missing"]:
        print(f"  missing: {item}")


def register(app: typer.Typer) -> None:
    app.add_typer(rates_app, name="rates")
