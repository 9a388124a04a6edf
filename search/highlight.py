"""Safe highlighting: every character of the text is escaped; only ``<mark>`` is added.

The database (``ts_headline``) and :func:`mark_terms` wrap the matching words
in two private-use characters, :data:`START` and :data:`STOP`; :func:`render`
escapes the rest and turns balanced pairs into ``<mark>``…``</mark>``. Text that
itself contains those characters cannot open an element: they only ever
become a balanced ``<mark>``.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

START = "\ue000"
STOP = "\ue001"
_SPLIT = re.compile(f"({START}|{STOP})")

#: Characters of body around the first match in a snippet made here (SQLite).
SNIPPET_CONTEXT = 90


def render(text: str) -> SafeString:
    parts, inside = [], False
    for part in _SPLIT.split(text or ""):
        if part == START:
            if not inside:
                parts.append("<mark>")
                inside = True
        elif part == STOP:
            if inside:
                parts.append("</mark>")
                inside = False
        else:
            parts.append(escape(part))
    if inside:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # noqa: S308 (every part above is escaped)


def _terms_pattern(terms: list[str]) -> re.Pattern | None:
    terms = sorted({term for term in terms if term}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)


def mark_terms(text: str, terms: list[str]) -> str:
    """``text`` with each occurrence of a term (any case) between :data:`START` and :data:`STOP`."""
    pattern = _terms_pattern(terms)
    if pattern is None or not text:
        return text or ""
    return pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", text)


def snippet(text: str, terms: list[str]) -> str:
    """A window of ``text`` around the first term, marked (the head of the text when none)."""
    text = " ".join((text or "").split())
    pattern = _terms_pattern(terms)
    match = pattern.search(text) if pattern else None
    if match is None:
        cut = text[: 2 * SNIPPET_CONTEXT]
        return cut + ("…" if len(text) > len(cut) else "")
    start = max(0, match.start() - SNIPPET_CONTEXT)
    end = min(len(text), match.end() + SNIPPET_CONTEXT)
    window = text[start:end]
    return ("…" if start else "") + mark_terms(window, terms) + ("…" if end < len(text) else "")
