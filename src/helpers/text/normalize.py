"""Accent folding shared by every module that compares words regardless of accents."""

from __future__ import annotations

import re
import unicodedata

# Unicode combining marks: Latin accents once NFKD has split them from their letters, and
# Arabic vowel marks (harakat, superscript alef).
COMBINING_MARK = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u064b-\u065f\u0670]"
)


def strip_accents(text: str) -> str:
    """Text without its combining marks ("Égypte été" -> "Egypte ete"); ASCII is returned as is."""
    if text.isascii():
        return text
    return COMBINING_MARK.sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Lower-case and accent-free: the key two spellings of a word or name share."""
    return strip_accents(text.lower())
