"""The page's own publication date, read from the top of the dump and its dateline lines.

Where a page states its date, in order of trust: an ISO date line or prefix at the very top
of the dump (" date 2025-07", "2025-07-01"), a dateline or byline ("Publié le 02/07/2025",
"Rabat, 15 avr 2025 (MAP) -"), then a short "12/05/25 10:30" stamp. Dates of events in the
body are never read: only the top lines, meta lines and a dateline opening the first
paragraphs are. A date stated at month precision stays at month precision, unless a more
precise dateline of the same month is found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from helpers.text.dates import find_published

# How many blocks at the top of a page may hold its ISO date line.
TOP_LINES = 3
# How many non-empty lines at the top of a page are read for a dateline.
TOP_LINES_READ = 10
# Top blocks longer than this are paragraphs, not datelines.
MAX_DATELINE_CHARS = 120
# How many words a line may have to be read as a "12/05/25 10:30" stamp.
MAX_STAMP_WORDS = 12

# An ISO date at the start of a line, optionally after the word "date" (the crawler's
# " date 2025-07" prefix) and followed by a time: "2025-07-01", "date: 2025-07 ...".
TOP_ISO = re.compile(
    r"^\W*(?:(?i:date)\s*:?\s*)?(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?(?![\d-])"
)
# A dateline opening a paragraph, up to its agency credit and the dash or colon after it:
# "Rabat, 15 avr 2025 (MAP) -", "Dakar, le 3 juillet 2025 (APS) :".
DATELINE_PREFIX = re.compile(
    r"^\W*(?P<head>[A-ZÀ-Þ][^\W\d_]+(?:[\s-][A-ZÀ-Þ][^\W\d_]+){0,2}\s*,\s*[^()]{4,40}?)"
    r"\((?:[^()]{2,30})\)\s*[-–—:]"
)
# A year, or a numeric date with a two-digit year: what every dateline's date holds (a cheap
# test before find_published's grammar).
YEARISH = re.compile(r"(?:19|20)\d\d|\d/\d{1,2}/\d\d")
# A non-empty line of text.
LINE = re.compile(r"[^\n]+")
# A numeric date after "Le" ending a short line, with an optional time: "... Le 12/06/2025",
# "... le 02-07-2025 à 10h30".
DATE_TAIL = re.compile(
    r"\b[Ll]e\s+\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}(?:\s+(?:[àa]\s+)?\d{1,2}\s*[h:]\s*\d{2})?\s*$"
)
# A day, month and two-digit year followed by a time: "12/05/25 10:30", "12/05/25 à 10h30".
SHORT_STAMP = re.compile(
    r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2})\s+(?:[àa]\s+)?\d{1,2}\s*[:h]\s*\d{2}\b"
)


def page_date(top: Sequence[str], meta_lines: Sequence[str]) -> str | None:
    """The publication date of a page (YYYY-MM-DD or YYYY-MM), or None when nothing states it.

    top: the first blocks of the page as cut by the cleaner (lines, or the segments of a line),
    every one, kept or not; meta_lines: its dateline and byline lines (the cleaner's).
    """
    top = [block for block in top if block.strip()]
    iso = top_iso_date(top[:TOP_LINES])
    # Short top blocks are datelines too (find_published reads only short, dateline-shaped
    # ones), and so are their "Le 14/11/2025" ends ("Edition N°:7034 Le 12/06/2025").
    stated = _stated_date([*meta_lines, *dateline_prefixes(top)])
    if stated is None:  # a dateline the cleaner did not label: one of the short top blocks
        tails = [m.group() for block in top if (m := DATE_TAIL.search(block))]
        short = [b for b in top if len(b) <= MAX_DATELINE_CHARS and YEARISH.search(b)]
        stated = _stated_date([*short, *tails])
    if iso is None:
        return stated
    # The top line is the page's date; a dateline of the same month only makes it precise.
    if stated is not None and len(stated) > len(iso) and stated.startswith(iso):
        return stated
    return iso


def _stated_date(lines: Sequence[str]) -> str | None:
    """The date of the best dateline or byline among lines, else of a "dd/mm/yy hh:mm" stamp."""
    mention = find_published(lines)
    return mention.date if mention is not None else short_stamp(lines)


def top_end(text: str) -> int:
    """The offset in text just after its first TOP_LINES_READ non-empty lines."""
    seen, end = 0, 0
    for line in LINE.finditer(text):
        if line.group().strip():
            seen += 1
            end = line.end()
            if seen == TOP_LINES_READ:
                break
    return end


def top_iso_date(lines: Sequence[str]) -> str | None:
    """The ISO date a line at the top of a dump opens with, at the precision written."""
    for line in lines:
        match = TOP_ISO.match(line)
        if match is not None:
            return _iso(match["y"], match["m"], match["d"])
    return None


def dateline_prefixes(lines: Sequence[str]) -> list[str]:
    """The place and date of the datelines that open paragraphs ("Rabat, 15 avr 2025 (MAP) -"
    -> "Rabat, 15 avr 2025"), without the agency's name or the text."""
    return [match["head"] for line in lines if (match := DATELINE_PREFIX.match(line))]


def short_stamp(lines: Sequence[str]) -> str | None:
    """The date of a "dd/mm/yy hh:mm" stamp on a short line (two-digit years are 20yy)."""
    for line in lines:
        if len(line.split()) > MAX_STAMP_WORDS:
            continue
        match = SHORT_STAMP.search(line)
        if match is not None:
            iso = _iso(f"20{match['y']}", match["m"], match["d"])
            if iso is not None:
                return iso
    return None


def _iso(year: str, month: str, day: str | None) -> str | None:
    """YYYY-MM or YYYY-MM-DD of a real calendar date, or None."""
    try:
        date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    return f"{int(year):04d}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
