"""Paragraphs and sentences with their character spans, so quotes stay exact substrings."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? … (optionally closed by a quote or bracket) followed by space and
# an upper-case letter, a digit or an opening quote.
_SENTENCE_END = re.compile(r"[.!?…](?:\s?[»\"”’)])?(?=\s+[«\"“A-ZÀ-ÖØ-Þ0-9])")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:M|Mme|MM|Dr|Pr|St|Me|Mgr|av|J\.-C|etc|cf|p|n°|No|vol|Inc|Ltd|Co|Jr|Sr)|\b[A-Z])\.$"
)
# More characters than the longest abbreviation and its full stop ("J.-C."): only this end of
# a sentence is searched for one.
_ABBREVIATION_REACH = 8


@dataclass(frozen=True)
class Span:
    """A piece of a text and where it stands in it."""

    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines of a text (the clean body keeps one paragraph per line)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            spans.append(Span(start, start + len(stripped), stripped))
        pos += len(line) + 1
    return spans


def sentences(text: str) -> list[Span]:
    """Sentences of a text, with spans relative to it; paragraphs never merge."""
    result: list[Span] = []
    for para in paragraphs(text):
        start = 0
        for match in _SENTENCE_END.finditer(para.text):
            if _ends_with_abbreviation(para.text, start, match.end()):
                continue
            _append(result, para, start, match.end())
            start = match.end()
        _append(result, para, start, len(para.text))
    return result


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """True when text[start:end], closing quotes and brackets aside, ends with an abbreviation."""
    candidate = text[start:end].rstrip(' »"”’)')
    return _ABBREVIATION.search(candidate, max(0, len(candidate) - _ABBREVIATION_REACH)) is not None


def _append(result: list[Span], para: Span, start: int, end: int) -> None:
    """Add the trimmed piece para.text[start:end] with absolute offsets."""
    piece = para.text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = para.start + start + piece.index(stripped)
        result.append(Span(offset, offset + len(stripped), stripped))
