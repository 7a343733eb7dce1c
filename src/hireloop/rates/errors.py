"""Errors a user can cause while checking rates or importing market signals."""

from __future__ import annotations

from hireloop.kit.errors import InvalidInput


class UnknownMarket(InvalidInput):
    code = "unknown_market"

    def __init__(self, market: str, known: list[str]) -> None:
        super().__init__(
            f"unknown market {market!r}; known markets: {', '.join(known)}",
            detail={"field": "market", "value": market, "known": known},
        )


class UnknownSpecialism(InvalidInput):
    code = "unknown_specialism"

    def __init__(self, specialism: str, known: list[str]) -> None:
        super().__init__(
            f"unknown specialism {specialism!r}; known specialisms: {', '.join(known)}",
            detail={"field": "specialism", "value": specialism, "known": known},
        )


class InvalidRate(InvalidInput):
    code = "invalid_rate"


class SignalFileError(InvalidInput):
    """A signals or import file that cannot be read; names the row and column at fault.

    Rows are counted as a spreadsheet shows them: the header is row 1.
    """

    code = "invalid_signal_file"

    def __init__(self, problem: str, *, row: int, column: str) -> None:
        super().__init__(
            f"row {row}, column {column!r}: {problem}; nothing was imported from this file",
            detail={"row": row, "column": column, "problem": problem},
        )
        self.row = row
        self.column = column
