"""A server-made SVG chart of a rate check: band, signals by date, proposed rate, clearing estimate.

Hand-written SVG elements only; every piece of text is XML-escaped. Only the signals the check
used are plotted (at their normalised day rate); the ignored ones are counted in a caption.
Marks: aggregator = square with a p25-p75 whisker, placement = circle, pulled offer = cross,
competing process = triangle.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from xml.sax.saxutils import escape, quoteattr

from hireloop.rates.check import RateCheck
from hireloop.rates.normalise import money
from hireloop.rates.signals import AggregatorSignal, LiveSignal

KIND_LABELS: dict[str, str] = {
    "aggregator": "Aggregator (median, p25-p75)",
    "placement": "Placement",
    "pulled_offer": "Pulled offer",
    "competing_process": "Competing process",
}
_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 72, 190, 36, 52


def _text(x: float, y: float, content: str, *, anchor: str = "start", size: int = 11) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"'
        f' font-family="sans-serif" fill="#222">{escape(content)}</text>'
    )


def _mark(kind: str, x: float, y: float) -> str:
    if kind == "aggregator":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="#1f5fa8"/>'
    if kind == "placement":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="#1a7f37"/>'
    if kind == "pulled_offer":
        return (
            f'<path d="M{x - 4:.1f},{y - 4:.1f} L{x + 4:.1f},{y + 4:.1f} M{x - 4:.1f},'
            f'{y + 4:.1f} L{x + 4:.1f},{y - 4:.1f}" stroke="#b42318" stroke-width="2.5"/>'
        )
    return (
        f'<path d="M{x:.1f},{y - 5:.1f} L{x + 5:.1f},{y + 4:.1f} L{x - 5:.1f},{y + 4:.1f} Z"'
        ' fill="#9a6700"/>'
    )


def rate_chart_svg(
    check: RateCheck,
    signals: Sequence[AggregatorSignal | LiveSignal],
    width: int = 760,
    height: int = 360,
) -> str:
    """Draw `check` with the `signals` it was run on (the same sequence, same order)."""
    plot_w = max(width - _MARGIN_LEFT - _MARGIN_RIGHT, 60)
    plot_h = max(height - _MARGIN_TOP - _MARGIN_BOTTOM, 60)
    points: list[tuple[str, date, float, tuple[float, float] | None]] = []
    for used in check.signals_used:
        signal = signals[used.index] if used.index < len(signals) else None
        whisker = None
        if isinstance(signal, AggregatorSignal) and (spread := signal.spread) is not None:
            whisker = (spread[0] * used.multiplier, spread[1] * used.multiplier)
        points.append((used.kind, used.as_of, used.day_rate, whisker))

    dates = [p[1] for p in points] + [check.as_of]
    first = min(dates)
    last = max(dates)
    if (last - first).days < 14:
        first = last - timedelta(days=14)
    values = [check.band.low, check.band.high, check.rate, check.clearing_day_rate]
    for _, _, value, whisker in points:
        values.append(value)
        if whisker:
            values.extend(whisker)
    pad = (max(values) - min(values)) * 0.1 or max(values) * 0.1
    y_min, y_max = max(min(values) - pad, 0.0), max(values) + pad
    span_days = (last - first).days

    def x_at(day: date) -> float:
        return _MARGIN_LEFT + plot_w * (day - first).days / span_days

    def y_at(value: float) -> float:
        return _MARGIN_TOP + plot_h * (1 - (value - y_min) / (y_max - y_min))

    left, right = _MARGIN_LEFT, _MARGIN_LEFT + plot_w
    top, bottom = _MARGIN_TOP, _MARGIN_TOP + plot_h
    specialisms = ", ".join(check.specialisms) or "generalist"
    title = f"Rate check: {money(check.rate)}/day, {check.market}, {specialisms} ({check.verdict})"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title)}>',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
        _text(left, 20, title, size=13),
        f'<rect x="{left}" y="{y_at(check.band.high):.1f}" width="{plot_w}"'
        f' height="{y_at(check.band.low) - y_at(check.band.high):.1f}" fill="#cfe0f5"'
        ' fill-opacity="0.6"/>',
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#444"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#444"/>',
    ]
    for step in range(5):
        value = y_min + (y_max - y_min) * step / 4
        y = y_at(value)
        parts.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left}" y2="{y:.1f}" stroke="#444"/>')
        parts.append(_text(left - 6, y + 4, money(round(value)), anchor="end", size=10))
    for day in (first, first + timedelta(days=span_days // 2), last):
        x = x_at(day)
        parts.append(
            f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 4}" stroke="#444"/>'
        )
        parts.append(_text(x, bottom + 16, day.isoformat(), anchor="middle", size=10))
    parts.append(_text((left + right) / 2, height - 8, "Signal date", anchor="middle"))
    parts.append(
        f'<text x="14" y="{(top + bottom) / 2:.1f}" font-size="11" font-family="sans-serif"'
        f' text-anchor="middle" transform="rotate(-90 14 {(top + bottom) / 2:.1f})">'
        f"{escape(f'Day rate, USD ({check.basis} basis)')}</text>"
    )
    for kind, day, value, whisker in points:
        x = x_at(day)
        if whisker:
            parts.append(
                f'<line x1="{x:.1f}" y1="{y_at(whisker[0]):.1f}" x2="{x:.1f}"'
                f' y2="{y_at(whisker[1]):.1f}" stroke="#1f5fa8" stroke-width="1.5"/>'
            )
        parts.append(_mark(kind, x, y_at(value)))
    rate_y, clearing_y = y_at(check.rate), y_at(check.clearing_day_rate)
    parts.append(
        f'<line x1="{left}" y1="{rate_y:.1f}" x2="{right}" y2="{rate_y:.1f}"'
        ' stroke="#111" stroke-width="2"/>'
    )
    parts.append(
        f'<line x1="{left}" y1="{clearing_y:.1f}" x2="{right}" y2="{clearing_y:.1f}"'
        ' stroke="#b42318" stroke-width="1.5" stroke-dasharray="6 4"/>'
    )

    legend_x, legend_y = right + 16, top + 6
    band_label = f"Band {money(check.band.low)}-{money(check.band.high)}"
    legend: list[tuple[str, str]] = [
        (
            f'<rect x="{legend_x}" y="{legend_y - 6}" width="14" height="10" fill="#cfe0f5"/>',
            band_label + ("+" if check.band.open_top else ""),
        ),
        (
            f'<line x1="{legend_x}" y1="{legend_y}" x2="{legend_x + 14}" y2="{legend_y}"'
            ' stroke="#111" stroke-width="2"/>',
            f"Proposed {money(check.rate)}",
        ),
        (
            f'<line x1="{legend_x}" y1="{legend_y}" x2="{legend_x + 14}" y2="{legend_y}"'
            ' stroke="#b42318" stroke-dasharray="4 3"/>',
            f"Clearing {money(check.clearing_day_rate)}",
        ),
    ]
    for kind, label in KIND_LABELS.items():
        legend.append((_mark(kind, legend_x + 7, legend_y), label))
    for row, (symbol, label) in enumerate(legend):
        dy = row * 20
        parts.append(f'<g transform="translate(0 {dy})">{symbol}</g>')
        parts.append(_text(legend_x + 22, legend_y + dy + 4, label, size=10))
    ignored = len(check.signals_ignored)
    caption = f"{len(points)} signal(s) plotted, {ignored} ignored"
    parts.append(_text(legend_x, legend_y + len(legend) * 20 + 8, caption, size=9))
    parts.append("</svg>")
    return "\n".join(parts)
