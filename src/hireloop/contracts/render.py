"""Render a term sheet as a Word document. The same inputs always give the same bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, date, datetime

from docx import Document
from docx.document import Document as DocxDocument

from hireloop.contracts.classification import DISCLAIMER, Flag
from hireloop.contracts.terms import (
    ENGAGEMENT_TYPE_LABELS,
    TermSheet,
    format_percent,
    format_usd,
)
from hireloop.reference.contract_defaults import load_contract_defaults

FIXED_TIMESTAMP = datetime(2000, 1, 1, tzinfo=UTC)
_ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
NOT_SET = "Not set"


def render_docx(
    terms: TermSheet, candidate_name: str, brief_title: str, flags: Sequence[Flag]
) -> bytes:
    """A clean term sheet: parties, money, dates, scope, IP, conversion, flags and disclaimer."""
    document = Document()
    _fix_properties(document, brief_title)
    document.add_heading(f"Term sheet: {brief_title}", level=0)
    document.add_paragraph(f"Status: {terms.status}")

    document.add_heading("Parties and engagement", level=1)
    _table(document, _party_rows(terms, candidate_name, brief_title))

    document.add_heading("Rate, dates and working pattern", level=1)
    _table(document, _money_and_time_rows(terms))

    document.add_heading("Scope deliverables", level=1)
    _bullets(document, terms.scope_deliverables, "No deliverables recorded yet.")

    document.add_heading("Intellectual property", level=1)
    if terms.ip_assignment:
        document.add_paragraph(
            "Work product created for this engagement is assigned to the client, except the "
            "contractor's prior IP listed below."
        )
    else:
        document.add_paragraph("Work product is not assigned to the client under these terms.")
    document.add_paragraph("Prior IP carved out:")
    _bullets(document, terms.prior_ip_carve_outs, "None declared.")

    document.add_heading("Conversion to permanent employment", level=1)
    _table(document, _conversion_rows(terms))

    document.add_heading("Classification flags", level=1)
    if not flags:
        document.add_paragraph("No classification flags were raised for these terms.")
    for flag in flags:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"[{flag.severity.upper()}] ").bold = True
        paragraph.add_run(flag.message)
        document.add_paragraph(f"Why: {flag.why}")

    document.add_heading("Disclaimer", level=1)
    document.add_paragraph(DISCLAIMER)

    buffer = io.BytesIO()
    document.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _party_rows(terms: TermSheet, candidate_name: str, brief_title: str) -> list[tuple[str, str]]:
    rows = [
        ("Contractor", candidate_name),
        ("Engagement", brief_title),
        ("Engagement type", ENGAGEMENT_TYPE_LABELS[terms.engagement_type]),
    ]
    if terms.engagement_type == "c2c":
        entity = terms.entity
        rows += [
            ("Contracting company", _text(entity.legal_name if entity else None)),
            ("Tax id", _text(entity.tax_id if entity else None)),
            ("State of incorporation", _text(entity.state_of_incorporation if entity else None)),
            ("Insurance", _text(entity.insurance if entity else None)),
        ]
    if terms.placed_by_agency:
        rows.append(("Placed by", "A staffing agency"))
    return rows


def _money_and_time_rows(terms: TermSheet) -> list[tuple[str, str]]:
    return [
        ("Day rate", format_usd(terms.day_rate) if terms.day_rate is not None else NOT_SET),
        ("Start date", _date(terms.start_date)),
        ("End date", _date(terms.end_date)),
        ("Open-ended", "Yes" if terms.open_ended else "No"),
        ("Notice period", f"{terms.notice_period_days} days"),
        ("Work state", _text(terms.work_state)),
        ("Worksite city", _text(terms.worksite_city)),
        (
            "Hours per week",
            _text(None if terms.hours_per_week is None else str(terms.hours_per_week)),
        ),
        ("Day-to-day supervision by client", "Yes" if terms.client_supervised else "No"),
    ]


def _conversion_rows(terms: TermSheet) -> list[tuple[str, str]]:
    typical = load_contract_defaults().conversion_fee
    rows = [
        (
            "Conversion fee",
            f"{format_percent(terms.conversion_fee_percent)} of first-year salary "
            f"(typical range {format_percent(typical.typical_min_percent)}-"
            f"{format_percent(typical.typical_max_percent)}, {typical.source}, "
            f"{typical.as_of.isoformat()})",
        ),
        (
            "Conversion window",
            f"Months {terms.conversion_window_start_month}-{terms.conversion_window_end_month}",
        ),
    ]
    schedule = terms.fee_schedule
    if schedule is None:
        rows.append(("Fee schedule", "Flat: the fee does not change with months served"))
    else:
        rows.append(
            (
                "Fee schedule",
                f"Falls by {format_percent(schedule.points_per_month)} for each month served, "
                f"never below {format_percent(schedule.floor_percent)}",
            )
        )
    return rows


def _text(value: str | None) -> str:
    return value if value else NOT_SET


def _date(value: date | None) -> str:
    return value.isoformat() if value else NOT_SET


def _table(document: DocxDocument, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Light Grid Accent 1"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value


def _bullets(document: DocxDocument, items: Sequence[str], empty: str) -> None:
    if not items:
        document.add_paragraph(empty)
    for item in items:
        document.add_paragraph(item, style="List Bullet")


def _fix_properties(document: DocxDocument, brief_title: str) -> None:
    props = document.core_properties
    props.title = f"Term sheet: {brief_title}"
    props.subject = "Contract terms"
    props.author = "hireloop"
    props.last_modified_by = "hireloop"
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = FIXED_TIMESTAMP
    props.modified = FIXED_TIMESTAMP
    props.last_printed = FIXED_TIMESTAMP


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry timestamps so equal inputs give equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
