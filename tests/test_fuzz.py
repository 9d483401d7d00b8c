"""Fuzzing with a fixed budget: whatever the text, the cleaner, the date grammar and the events
never fail, and never emit a value the tables' schemas refuse (one page must not cost a run)."""

from __future__ import annotations

import datetime as dt
import itertools

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import schemas
from helpers.ingest.clean import clean_text
from helpers.text.dates import find_dates
from helpers.timeline.events import extract_events


def budget(examples: int) -> settings:
    """A fixed, reproducible budget: the same examples every run, no time limit per example."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


# Pieces of date phrases, of the noise around them and of impossible values ("00", "32", "13").
_PIECES = [
    "le", "du", "au", "entre", "et", "en", "d'ici", "à l'horizon", "fin", "début", "mi-",
    "janvier", "février", "juin", "juillet", "août", "décembre", "July", "May", "sept.",
    "lundi", "dimanche", "dernier", "prochain", "hier", "demain", "l'an", "semaine", "mois",
    "trimestre", "Q3", "S1", "premier", "1er", "00", "0", "31", "32", "29", "30", "13", "12",
    "2025", "1900", "0000", "2100", "2101", "9999", "/", "-", ".", "–", ",", "\n", "\n\n",
    "Rabat", "Assises", "colloque", "a annoncé", "signé", "intelligence artificielle", "(MAP)",
    "Publié le", "À lire aussi", "©", "<b>", "&amp;", "\u00a0", "\u202f", "\x00", "\u200b",
]  # fmt: skip
_SEPARATORS = st.sampled_from(["", " ", " ", "/", "-", "\n"])
_NUMBER = (
    st.integers(0, 40).map(lambda n: st.sampled_from([str(n), f"{n:02d}"])).flatmap(lambda s: s)
)
# Numeric dates, possible or not: "00/07/2025", "2025-13-01", "31.02.1900".
_NUMERIC_DATE = st.builds(
    lambda a, sep, b, year, iso: sep.join([year, a, b] if iso else [a, b, year]),
    _NUMBER,
    st.sampled_from(["/", "-", ".", " / "]),
    _NUMBER,
    st.integers(1890, 2110).map(str),
    st.booleans(),
)
# Texts made of those pieces and dates, joined by spaces, slashes, hyphens or nothing.
DATE_SOUP = st.lists(
    st.tuples(
        st.sampled_from(_PIECES) | st.integers(0, 3000).map(str) | _NUMERIC_DATE, _SEPARATORS
    ),
    max_size=40,
).map(lambda pairs: "".join(piece + sep for piece, sep in pairs))
# Anything at all, and the date soup: the generators the properties below run on.
TEXTS = DATE_SOUP | st.text(max_size=400)
ANCHORS = st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def _is_real(value: str) -> bool:
    """True for a YYYY, YYYY-MM or YYYY-MM-DD value that names a real year, month or day."""
    if not schemas.ISO_PARTIAL_DATE.match(value):
        return False
    padded = value + "-01" * (2 - value.count("-"))
    dt.date.fromisoformat(padded)  # raises on 2025-02-30
    return True


@budget(300)  # finds "1900/1/0" (a day 0) when the grammar lacks its validity guard
@given(TEXTS, ANCHORS)
def test_find_dates_emits_only_real_dates_with_true_spans(
    text: str, anchor: dt.date | None
) -> None:
    mentions = find_dates(text, anchor)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert _is_real(mention.date), mention
        if mention.end_date is not None:
            assert _is_real(mention.end_date), mention
            assert mention.end_date > mention.date, mention
    starts = [m.start for m in mentions]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


@budget(100)
@given(TEXTS)
def test_clean_text_keeps_a_body_made_of_the_input(text: str) -> None:
    result = clean_text(text)
    assert isinstance(result.body, str)
    assert result.chars_kept >= 0 and result.chars_removed >= 0
    assert result.chars_kept <= len(text)
    for word in result.body.split():
        assert word in text, word


@budget(200)
@given(TEXTS, ANCHORS)
def test_events_of_any_text_match_the_events_schema(text: str, anchor: dt.date | None) -> None:
    published = anchor.isoformat() if anchor else None
    rows = [event.to_row() for event in extract_events("fuzz.txt", text, published)]
    if rows:
        schemas.validate("events", pd.DataFrame(rows))
