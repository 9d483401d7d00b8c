"""One event, many sources: merge the events of all articles into timeline entries."""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from helpers.text.dates import span_of
from helpers.text.normalize import fold

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
# Two day-precise reports of one gathering this many days apart, under near-identical labels,
# are the same gathering dated differently by their sources (a disagreement, not two events).
DATE_SLACK_DAYS = 7
# Share of label words two reports must share to be one gathering at different dates.
SAME_NAME = 0.5
# Entries spanning more months than this are compared with every event of their kind.
WIDE_MONTHS = 24
# Kinds that name a one-off gathering: two reports of the same kind at compatible dates are
# the same event even when worded differently.
GATHERINGS = frozenset({"assises", "colloque", "salon", "conference"})
# Words that carry no meaning for label similarity.
_STOP = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "un",
        "une",
        "et",
        "en",
        "au",
        "aux",
        "a",
        "à",
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "sur",
        "pour",
        "par",
        "avec",
    ]
)
TIMELINE_COLUMNS = [
    "date",
    "end",
    "precision",
    "kind",
    "label",
    "place",
    "n_sources",
    "n_outlets",
    "sources",
    "outlets",
    "evidence",
    "evidence_file",
    "disagreement",
]


def _tokens(label: str) -> set[str]:
    """Accent-free lower-case content words of a label."""
    folded = fold(label)
    return {w for w in re.findall(r"[a-z0-9]+", folded) if w not in _STOP and len(w) > 1}


def _text(value: object) -> str | None:
    """A string cell as str, a missing one (None or NaN) as None."""
    return value if isinstance(value, str) and value else None


def spans_overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """True when two (first day, last day) spans share at least one day."""
    return a[0] <= b[1] and b[0] <= a[1]


def widened(span: tuple[str, str], days: int) -> tuple[str, str]:
    """A span stretched by days on both sides."""
    first = _calendar_day(span[0]) - dt.timedelta(days=days)
    last = _calendar_day(span[1]) + dt.timedelta(days=days)
    return first.isoformat(), last.isoformat()


def _calendar_day(iso: str) -> dt.date:
    """The day an ISO string names, "2025-02-31" (a month's last day in span_of) as 2025-02-28."""
    year, month, day = (int(part) for part in iso.split("-"))
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _similarity(a: set[str], b: set[str]) -> float:
    """Share of label words two labels have in common (Jaccard)."""
    return len(a & b) / max(1, len(a | b))


def dates_compatible(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """True when two partial dates or ranges can refer to the same moment."""
    return spans_overlap(span_of(*a), span_of(*b))


@dataclass
class Entry:
    """A timeline entry under construction."""

    date: str
    end: str | None
    precision: str
    kind: str
    label: str
    place: str | None
    evidence: str
    evidence_file: str
    tokens: set[str]
    order: int = 0  # rank of creation (set by EntryIndex.add): events join the earliest match
    sources: list[str] = field(default_factory=list)
    # What each merged event said: (date, end, precision, place, file).
    reports: list[tuple[str, str | None, str, str | None, str]] = field(default_factory=list)
    span: tuple[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.span = span_of(self.date, self.end)

    def matches(self, span: tuple[str, str], kind: str, tokens: set[str]) -> bool:
        """True when an event (its first and last day) reports the same thing at a
        compatible date."""
        if kind != self.kind:
            return False
        if not spans_overlap(self.span, span):
            return (
                self.kind in GATHERINGS
                and self.precision == "day"
                and spans_overlap(widened(self.span, DATE_SLACK_DAYS), span)
                and _similarity(self.tokens, tokens) >= SAME_NAME
            )
        if self.kind in GATHERINGS:
            return True
        return _similarity(self.tokens, tokens) >= 0.34


def _months(span: tuple[str, str]) -> range:
    """The months a span touches, as year * 12 + month - 1."""
    first = int(span[0][:4]) * 12 + int(span[0][5:7]) - 1
    last = int(span[1][:4]) * 12 + int(span[1][5:7]) - 1
    return range(first, last + 1)


class EntryIndex:
    """Timeline entries by kind, then by the month they fall in (entries within one month),
    the years they touch (entries over several months) or nothing (over WIDE_MONTHS): an
    event is compared with the entries of its kind that share a month or a year with it."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._by_month: dict[tuple[str, int], list[Entry]] = {}
        self._by_year: dict[tuple[str, int], list[Entry]] = {}
        self._wide: dict[str, list[Entry]] = {}
        self._by_kind: dict[str, list[Entry]] = {}

    def add(self, entry: Entry) -> None:
        """Index a new entry: it ranks after every entry already there."""
        entry.order = len(self.entries)
        self.entries.append(entry)
        self._by_kind.setdefault(entry.kind, []).append(entry)
        months = _months(entry.span)
        if len(months) == 1:
            self._by_month.setdefault((entry.kind, months[0]), []).append(entry)
        elif len(months) <= WIDE_MONTHS:
            for year in range(months[0] // 12, months[-1] // 12 + 1):
                self._by_year.setdefault((entry.kind, year), []).append(entry)
        else:
            self._wide.setdefault(entry.kind, []).append(entry)

    def _candidates(self, kind: str, span: tuple[str, str]) -> Iterable[Entry]:
        """Entries that may match an event of this kind and span, in creation order (an entry
        over several years may come more than once)."""
        months = _months(span)
        if len(months) > WIDE_MONTHS:
            return self._by_kind.get(kind, [])
        years = range(months[0] // 12, months[-1] // 12 + 1)
        lists = [self._wide.get(kind, [])]
        lists += [self._by_year.get((kind, year), []) for year in years]
        lists += [self._by_month.get((kind, month), []) for month in months]
        lists = [entries for entries in lists if entries]
        if len(lists) <= 1:
            return lists[0] if lists else []
        return heapq.merge(*lists, key=_creation)

    def find(self, span: tuple[str, str], kind: str, tokens: set[str]) -> Entry | None:
        """The earliest created entry an event (first and last day, kind, label words) matches.
        Outside gatherings, an entry matches only if its label shares a word with the event's:
        the others are skipped before the full test (which measures the overlap)."""
        gathering = kind in GATHERINGS
        if not gathering and not tokens:
            return None
        near = widened(span, DATE_SLACK_DAYS) if gathering else span
        for entry in self._candidates(kind, near):
            if (gathering or not entry.tokens.isdisjoint(tokens)) and entry.matches(
                span, kind, tokens
            ):
                return entry
        return None


def _creation(entry: Entry) -> int:
    """Sort key of entries: their order of creation."""
    return entry.order


def merge_events(events: pd.DataFrame, outlets: dict[str, str | None]) -> pd.DataFrame:
    """Timeline entries: events merged across files, most precise date kept, sources counted."""
    if events.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    ordered = events.assign(
        _rank=events["precision"].map(PRECISION_RANK), _len=events["evidence"].str.len()
    ).sort_values(["_rank", "date", "_len", "file"], ascending=[True, True, False, True])
    index = EntryIndex()
    for ev in ordered.to_dict("records"):
        end, tokens = _text(ev["end"]), _tokens(ev["label"])
        span = span_of(ev["date"], end)
        entry = index.find(span, ev["kind"], tokens)
        if entry is None:
            entry = Entry(
                date=ev["date"],
                end=end,
                precision=ev["precision"],
                kind=ev["kind"],
                label=ev["label"],
                place=_text(ev["place"]),
                evidence=ev["evidence"],
                evidence_file=ev["file"],
                tokens=tokens,
            )
            index.add(entry)
        if entry.place is None and isinstance(ev["place"], str):
            entry.place = ev["place"]
        if ev["file"] not in entry.sources:
            entry.sources.append(ev["file"])
        entry.reports.append((ev["date"], end, ev["precision"], _text(ev["place"]), ev["file"]))
    rows = [_row(settle(e), outlets) for e in index.entries]
    return (
        pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
        .sort_values(["date", "kind"])
        .reset_index(drop=True)
    )


def settle(entry: Entry) -> Entry:
    """The entry at its best-supported date (the one most of its sources at its precision
    give) and place (the one most sources name), with the others kept for the disagreement."""
    same = [r for r in entry.reports if r[2] == entry.precision]
    votes = Counter((r[0], r[1]) for r in same)
    best = max(votes, key=lambda value: (votes[value], value == (entry.date, entry.end)))
    if best != (entry.date, entry.end):
        entry.date, entry.end = best
        entry.span = span_of(*best)
    places = Counter(r[3] for r in entry.reports if r[3])
    if places:
        entry.place = max(places, key=lambda p: (places[p], p == entry.place))
    return entry


def disagreement(entry: Entry, outlets: dict[str, str | None]) -> str | None:
    """The other dates and places the entry's sources give, each with its sources ("date
    2025-07-03 (Le Matin: b.txt); place Casablanca (c.txt)"), or None when they agree."""
    others: dict[str, list[str]] = {}
    for date, end, _, place, file in entry.reports:
        source = f"{outlets[file]}: {file}" if outlets.get(file) else file
        if not spans_overlap(entry.span, span_of(date, end)):
            value = f"date {date}" + (f"..{end}" if end and end != date else "")
            others.setdefault(value, []).append(source)
        if place and entry.place and fold(place) != fold(entry.place):
            others.setdefault(f"place {place}", []).append(source)
    if not others:
        return None
    return "; ".join(f"{value} ({', '.join(dict.fromkeys(s))})" for value, s in others.items())


def _row(e: Entry, outlets: dict[str, str | None]) -> dict[str, object]:
    """One timeline row; outlets are the distinct known outlets of its sources."""
    known = sorted({name for f in e.sources if (name := outlets.get(f))})
    return {
        "date": e.date,
        "end": e.end,
        "precision": e.precision,
        "kind": e.kind,
        "label": e.label,
        "place": e.place,
        "n_sources": len(e.sources),
        "n_outlets": len(known),
        "sources": sorted(e.sources),
        "outlets": known,
        "evidence": e.evidence,
        "evidence_file": e.evidence_file,
        "disagreement": disagreement(e, outlets),
    }


def within_window(
    timeline: pd.DataFrame, date_from: str | None, date_to: str | None
) -> pd.DataFrame:
    """Entries whose span meets the [date_from, date_to] window (either bound may be None)."""
    if timeline.empty or (date_from is None and date_to is None):
        return timeline
    lo = span_of(date_from, None)[0] if date_from else "0000-01-01"
    hi = span_of(date_to, None)[1] if date_to else "9999-12-31"
    keep = timeline.apply(lambda r: dates_compatible((r["date"], r["end"]), (lo, hi)), axis=1)
    return timeline[keep].reset_index(drop=True)
