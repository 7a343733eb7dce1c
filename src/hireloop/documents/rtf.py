"""RTF: a small control-word stripper that keeps the visible text."""

from __future__ import annotations

import codecs
import re

_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+",
    re.DOTALL,
)
_SKIPPED_DESTINATIONS = {
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "fldinst", "themedata",
    "datastore", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl",
    "latentstyles", "filetbl", "revtbl", "colorschememapping", "bkmkstart", "bkmkend",
    "footnote", "annotation", "objdata", "blipuid", "mmathPr", "pgdsctbl", "protusertbl",
}  # fmt: skip
_WORDS = {
    "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "cell": " | ",
    "tab": "\t", "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
    "emspace": " ", "enspace": " ", "qmspace": " ",
}  # fmt: skip
_SYMBOLS = {"\\": "\\", "{": "{", "}": "}", "~": "\u00a0", "_": "-", "\n": "\n", "\r": "\n"}


def rtf_to_text(data: bytes) -> str:
    """Visible text of an RTF document; pictures, fonts and field codes are dropped."""
    out: list[str] = []
    stack: list[tuple[bool, int]] = []
    skipping, unicode_skip = False, 1
    to_skip = 0
    codepage = "cp1252"
    pending = bytearray()

    def flush() -> None:
        if pending:
            if not skipping:
                out.append(pending.decode(codepage, errors="replace"))
            pending.clear()

    for match in _TOKEN.finditer(data.decode("latin-1")):
        word, argument, hex_code, symbol, brace, plain = match.groups()
        if hex_code is None:
            flush()
        if to_skip and (hex_code is not None or plain is not None):
            if plain is not None and len(plain) > to_skip:
                plain, to_skip = plain[to_skip:], 0
            else:
                to_skip -= 1 if hex_code is not None else len(plain or "")
                to_skip = max(to_skip, 0)
                continue
        if brace == "{":
            stack.append((skipping, unicode_skip))
        elif brace == "}":
            if stack:
                skipping, unicode_skip = stack.pop()
        elif word is not None:
            if word in _SKIPPED_DESTINATIONS:
                skipping = True
            elif word == "ansicpg" and argument:
                codepage = _codepage(argument, codepage)
            elif word == "uc" and argument:
                unicode_skip = max(0, int(argument))
            elif word == "u" and argument:
                if not skipping:
                    out.append(chr(int(argument) % 65536))
                to_skip = unicode_skip
            elif word in _WORDS and not skipping:
                out.append(_WORDS[word])
        elif symbol is not None:
            if symbol == "*":
                skipping = True
            elif symbol in _SYMBOLS and not skipping:
                out.append(_SYMBOLS[symbol])
        elif hex_code is not None:
            pending.append(int(hex_code, 16))
        elif plain is not None and not skipping:
            out.append(plain)
    flush()
    # \u escapes may spell surrogate pairs: join them, replace any left alone.
    return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _codepage(number: str, current: str) -> str:
    name = f"cp{number}"
    try:
        codecs.lookup(name)
    except LookupError:
        return current
    return name
