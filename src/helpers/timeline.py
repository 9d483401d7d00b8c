"""One event, many sources: merge the events of all articles into timeline entries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from helpers.textnorm import fold

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
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
    "sources",
    "outlets",
    "evidence",
    "evidence_file",
]


def _tokens(label: str) -> set[str]:
    """Accent-free lower-case content words of a label."""
    folded = fold(label)
    return {w for w in re.findall(r"[a-z0-9]+", folded) if w not in _STOP and len(w) > 1}


def _text(value: object) -> str | None:
    """A string cell as str, a missing one (None or NaN) as None."""
    return value if isinstance(value, str) and value else None


def span_of(date: str, end: str | None) -> tuple[str, str]:
    """The first and last day a partial date (or range) covers, as ISO strings."""
    last = end if isinstance(end, str) and end else date
    start = date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date
    stop = {4: last + "-12-31", 7: last + "-31", 10: last}[len(last)]
    return start[:10], stop


def spans_overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """True when two (first day, last day) spans share at least one day."""
    return a[0] <= b[1] and b[0] <= a[1]


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
    sources: list[str] = field(default_factory=list)
    span: tuple[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.span = span_of(self.date, self.end)

    def matches(self, span: tuple[str, str], kind: str, tokens: set[str]) -> bool:
        """True when an event (its first and last day) reports the same thing at a
        compatible date."""
        if kind != self.kind or not spans_overlap(self.span, span):
            return False
        if self.kind in GATHERINGS:
            return True
        return len(self.tokens & tokens) / max(1, len(self.tokens | tokens)) >= 0.34


def _years(date: str, end: str | None) -> range:
    """The calendar years a partial date or range touches (the index of candidate entries)."""
    first, last = span_of(date, end)
    return range(int(first[:4]), int(last[:4]) + 1)


def merge_events(events: pd.DataFrame, outlets: dict[str, str | None]) -> pd.DataFrame:
    """Timeline entries: events merged across files, most precise date kept, sources counted."""
    if events.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    ordered = events.assign(
        _rank=events["precision"].map(PRECISION_RANK), _len=events["evidence"].str.len()
    ).sort_values(["_rank", "date", "_len", "file"], ascending=[True, True, False, True])
    entries: list[Entry] = []
    # Entries indexed by (kind, year): each event is compared with a handful, not with all.
    index: dict[tuple[str, int], list[Entry]] = {}
    for ev in ordered.to_dict("records"):
        end, tokens = _text(ev["end"]), _tokens(ev["label"])
        span = span_of(ev["date"], end)
        candidates = (e for y in _years(ev["date"], end) for e in index.get((ev["kind"], y), []))
        entry = next((e for e in candidates if e.matches(span, ev["kind"], tokens)), None)
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
            entries.append(entry)
            for year in _years(entry.date, entry.end):
                index.setdefault((entry.kind, year), []).append(entry)
        if entry.place is None and isinstance(ev["place"], str):
            entry.place = ev["place"]
        if ev["file"] not in entry.sources:
            entry.sources.append(ev["file"])
    rows = [
        {
            "date": e.date,
            "end": e.end,
            "precision": e.precision,
            "kind": e.kind,
            "label": e.label,
            "place": e.place,
            "n_sources": len(e.sources),
            "sources": sorted(e.sources),
            "outlets": sorted({outlets.get(f) or f for f in e.sources}),
            "evidence": e.evidence,
            "evidence_file": e.evidence_file,
        }
        for e in entries
    ]
    return (
        pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
        .sort_values(["date", "kind"])
        .reset_index(drop=True)
    )


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
