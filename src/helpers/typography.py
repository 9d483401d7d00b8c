"""French typography and escaping for the briefing's own text."""

from __future__ import annotations

import html
import math
import re

NBSP = "\u00a0"  # before ":" and inside « »
NNBSP = "\u202f"  # narrow, before ; ! ?

# A space (or none) before a high punctuation mark, not inside a URL or a time like 10:30.
_HIGH_PUNCT = re.compile(r"(?<=[^\s\d/])\s?([;!?])(?=\s|$)|(?<=\S)\s([:])(?=\s|$)")
# French quotes with ordinary spaces inside.
_QUOTE_OPEN = re.compile(r"«\s*")
_QUOTE_CLOSE = re.compile(r"\s*»")


def typo_fr(text: str) -> str:
    """Non-breaking spaces before ; : ! ? and inside « », as French typography wants."""
    text = _HIGH_PUNCT.sub(
        lambda m: (NNBSP + m.group(1)) if m.group(1) else (NBSP + m.group(2)), text
    )
    return _QUOTE_CLOSE.sub(NBSP + "»", _QUOTE_OPEN.sub("«" + NBSP, text))


def quote_fr(text: str) -> str:
    """A quotation between French guillemets (text itself untouched)."""
    return f"«{NBSP}{text}{NBSP}»"


def esc(text: object) -> str:
    """HTML-escaped text (quotes included): article text can never inject markup."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return html.escape(str(text), quote=True)


def number_fr(value: float, decimals: int = 0) -> str:
    """1234.5 -> "1 234,5" with a narrow non-breaking space as thousands separator."""
    formatted = f"{value:,.{decimals}f}".replace(",", NNBSP).replace(".", ",")
    return formatted


def percent_fr(share: float) -> str:
    """0.4 -> "40 %" (non-breaking space before %)."""
    return f"{round(share * 100):d}{NNBSP}%"
