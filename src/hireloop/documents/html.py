"""HTML: visible text, with block elements on their own lines."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

_DROPPED = ["script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"]
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
}  # fmt: skip
_CELLS = {"td", "th"}
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_HTML_START = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|div|p|table|h[1-6]|ul"
    r"|section|article|main|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)


class _End:
    def __init__(self, tag: Tag) -> None:
        self.tag = tag


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:4096]) is not None


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page; scripts, styles and the head are dropped."""
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    out: list[str] = []
    stack: list[object] = [soup]
    pre_depth = 0
    while stack:
        node = stack.pop()
        if isinstance(node, _End):
            if node.tag.name == "pre":
                pre_depth -= 1
            if node.tag.name in _BLOCKS:
                _newline(out)
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, _NOT_TEXT):
                out.append(str(node) if pre_depth else _SPACES.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "br":
            out.append("\n")
            continue
        if name in _BLOCKS:
            _newline(out)
        if name == "li":
            out.append("- ")
        if name in _CELLS and node.find_previous_sibling(_CELLS) is not None:
            out.append(" | ")
        if name == "pre":
            pre_depth += 1
        stack.append(_End(node))
        stack.extend(reversed(node.contents))
    return _tidy("".join(out))


def _newline(out: list[str]) -> None:
    while out and out[-1] == " ":
        out.pop()
    if out and not out[-1].endswith("\n"):
        out.append("\n")


def _tidy(text: str) -> str:
    lines = (line.strip() for line in text.split("\n"))
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()
