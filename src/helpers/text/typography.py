"""French typography for the briefing's own text (the templates escape it)."""

from __future__ import annotations

import re

NBSP = "\u00a0"  # before ":" and inside « »
NNBSP = "\u202f"  # narrow, before ; ! ?

# A space (or none) before a high punctuation mark, not inside a URL or a time like 10:30.
_HIGH_PUNCT = re.compile(r"(?<=[^\s/])\s?([;!?])(?=\s|$)|(?<=\S)\s([:])(?=\s|$)")
# French quotes with ordinary spaces inside.
_QUOTE_OPEN = re.compile(r"«\s*")
_QUOTE_CLOSE = re.compile(r"\s*»")


# A number (thousands may be grouped with spaces) or a word whose plural mark is left open:
# "article(s)", "nouveau(x)".
_NUMBER_OR_MARK = re.compile(r"(\d+(?:[ \u00a0\u202f]\d{3})*)|(\w+)\((s|x)\)")


def agree(text: str, lang: str) -> str:
    """Settle the "(s)" plural marks of a sentence: each marked word agrees with the number
    nearest before it ("3 média(s)" -> "3 médias", "1 article(s) pertinent(s)" -> "1 article
    pertinent"). French counts 0 and 1 as singular, English only 1."""
    count: int | None = None

    def settle(match: re.Match[str]) -> str:
        nonlocal count
        if match.group(1):
            count = int(re.sub(r"\D", "", match.group(1)))
            return match.group(0)
        singular = count is not None and (count <= 1 if lang == "fr" else count == 1)
        return match.group(2) if singular else match.group(2) + match.group(3)

    return _NUMBER_OR_MARK.sub(settle, text)


def typo_fr(text: str) -> str:
    """Non-breaking spaces before ; : ! ? and inside « », as French typography wants."""
    text = _HIGH_PUNCT.sub(
        lambda m: (NNBSP + m.group(1)) if m.group(1) else (NBSP + m.group(2)), text
    )
    return _QUOTE_CLOSE.sub(NBSP + "»", _QUOTE_OPEN.sub("«" + NBSP, text))


def quote_fr(text: str) -> str:
    """A quotation between French guillemets (text itself untouched)."""
    return f"«{NBSP}{text}{NBSP}»"


def quote_in(text: str, lang: str) -> str:
    """A quotation marked as in lang: « French guillemets », “English quotes”."""
    return quote_fr(text) if lang == "fr" else f"“{text}”"


def number_fr(value: float, decimals: int = 0) -> str:
    """1234.5 -> "1 234,5" with a narrow non-breaking space as thousands separator."""
    formatted = f"{value:,.{decimals}f}".replace(",", NNBSP).replace(".", ",")
    return formatted


def count_in(n: int, lang: str) -> str:
    """A count as a reader of lang writes it: 9 487 in French, 9,487 in English."""
    return number_fr(n) if lang == "fr" else f"{n:,}"


def percent_fr(share: float) -> str:
    """0.4 -> "40 %" (non-breaking space before %)."""
    return f"{round(share * 100):d}{NNBSP}%"
