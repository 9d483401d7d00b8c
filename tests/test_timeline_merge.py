"""One event, many sources: merging across outlets keeps the most precise date."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from helpers.text.dates import span_of
from helpers.timeline.merge import (
    PRECISION_RANK,
    Entry,
    _tokens,
    dates_compatible,
    merge_events,
    settle,
    within_window,
)


def _event(
    file: str,
    date: str,
    end: str | None,
    precision: str,
    kind: str,
    label: str,
    place: str | None = None,
) -> dict:
    return {
        "file": file,
        "date": date,
        "end": end,
        "precision": precision,
        "kind": kind,
        "label": label,
        "place": place,
        "actors": [],
        "evidence": f"evidence of {file}",
        "date_phrase": date,
    }


@pytest.mark.parametrize(
    ("date", "end", "expected"),
    [
        ("2025", None, ("2025-01-01", "2025-12-31")),
        ("2025-07", None, ("2025-07-01", "2025-07-31")),
        ("2025-07-01", "2025-07-02", ("2025-07-01", "2025-07-02")),
        ("2025-01", "2025-03", ("2025-01-01", "2025-03-31")),
    ],
    ids=["year", "month", "day_range", "month_range"],
)
def test_span_of(date: str, end: str | None, expected: tuple[str, str]) -> None:
    assert span_of(date, end) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("2025-07", None), ("2025-07-01", "2025-07-02"), True),
        (("2025-07-01", None), ("2025-07-01", "2025-07-02"), True),
        (("2025-06", None), ("2025-07-01", None), False),
        (("2025", None), ("2025-07-01", None), True),
    ],
    ids=["month_contains_range", "day_in_range", "other_month", "year_contains_day"],
)
def test_dates_compatible(a, b, expected: bool) -> None:
    assert dates_compatible(a, b) is expected


def test_three_wordings_of_the_assises_are_one_entry_with_the_most_precise_date() -> None:
    events = pd.DataFrame(
        [
            _event("a.txt", "2025-07", None, "month", "assises", "Assises nationales de l'IA"),
            _event(
                "b.txt",
                "2025-07-01",
                "2025-07-02",
                "day",
                "assises",
                "Premières Assises de l'IA",
                "Rabat",
            ),
            _event("c.txt", "2025-07-01", None, "day", "assises", "Assises nationales de l'IA"),
            _event("c.txt", "2023-10-23", None, "day", "colloque", "Colloque national", "Salé"),
        ]
    )
    timeline = merge_events(
        events, {"a.txt": "Le360", "b.txt": "Maroc Diplomatique", "c.txt": None}
    )
    assert list(timeline["kind"]) == ["colloque", "assises"]
    assises = timeline.iloc[1]
    assert (assises["date"], assises["end"], assises["place"]) == (
        "2025-07-01",
        "2025-07-02",
        "Rabat",
    )
    assert assises["n_sources"] == 3
    assert list(assises["sources"]) == ["a.txt", "b.txt", "c.txt"]
    assert list(assises["outlets"]) == ["Le360", "Maroc Diplomatique"]
    assert assises["n_outlets"] == 2  # c.txt's outlet is unknown: no third outlet
    assert assises["disagreement"] is None  # a month, a day and a range that agree


def test_different_announcements_on_the_same_day_stay_apart() -> None:
    events = pd.DataFrame(
        [
            _event(
                "a.txt",
                "2025-03-10",
                None,
                "day",
                "annonce",
                "Lancement d'une plateforme de données",
            ),
            _event(
                "b.txt",
                "2025-03-10",
                None,
                "day",
                "annonce",
                "Création d'un fonds pour les startups",
            ),
        ]
    )
    assert len(merge_events(events, {})) == 2


def test_window_keeps_entries_that_meet_it() -> None:
    events = pd.DataFrame(
        [
            _event("a.txt", "2023-10-23", None, "day", "colloque", "Colloque"),
            _event("a.txt", "2025", None, "year", "annonce", "Lancement"),
        ]
    )
    timeline = merge_events(events, {})
    assert list(within_window(timeline, "2024-01", None)["date"]) == ["2025"]
    assert list(within_window(timeline, None, "2023-12")["date"]) == ["2023-10-23"]


def _merged_by_scanning_every_entry(events: pd.DataFrame) -> list[tuple]:
    """Reference merge: each event joins the earliest created entry it matches, all entries
    compared (what the index must reproduce); (date, end, kind, label, sources) of each."""
    ordered = events.assign(
        _rank=events["precision"].map(PRECISION_RANK), _len=events["evidence"].str.len()
    ).sort_values(["_rank", "date", "_len", "file"], ascending=[True, True, False, True])
    entries: list[Entry] = []
    for ev in ordered.to_dict("records"):
        end = ev["end"] if isinstance(ev["end"], str) else None
        span, tokens = span_of(ev["date"], end), _tokens(ev["label"])
        entry = next((e for e in entries if e.matches(span, ev["kind"], tokens)), None)
        if entry is None:
            entry = Entry(ev["date"], end, ev["precision"], ev["kind"], ev["label"], None,
                          ev["evidence"], ev["file"], tokens, order=len(entries))  # fmt: skip
            entries.append(entry)
        if ev["file"] not in entry.sources:
            entry.sources.append(ev["file"])
        entry.reports.append((ev["date"], end, ev["precision"], None, ev["file"]))
    entries = [settle(e) for e in entries]
    return sorted((e.date, e.end or "", e.kind, e.label, tuple(sorted(e.sources))) for e in entries)


def _random_events(seed: int, n: int) -> pd.DataFrame:
    """Events of mixed precision, ranges (some over several years) and overlapping labels."""
    rng = random.Random(seed)
    words = ["plateforme", "fonds", "startups", "données", "centre", "campus", "cloud", "talents"]
    rows = []
    for i in range(n):
        year, month, day = rng.choice([2023, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)
        precision = rng.choice(["day", "day", "month", "year"])
        date = {"day": f"{year}-{month:02d}-{day:02d}", "month": f"{year}-{month:02d}"}.get(
            precision, str(year)
        )
        end = None
        if rng.random() < 0.25:  # a range: a few days, a few months or several years later
            later = rng.choice([(0, 0, 3), (0, 4, 0), (3, 0, 0)])
            end = {
                "day": f"{year + later[0]}-{min(12, month + later[1]):02d}-{day + later[2]:02d}",
                "month": f"{year + later[0]}-{min(12, month + later[1]):02d}",
                "year": str(year + max(1, later[0])),
            }[precision]
        label = " ".join(rng.sample(words, 2))
        kind = rng.choice(["annonce", "partenariat", "colloque"])
        rows.append(_event(f"f{i % 37}.txt", date, end, precision, kind, label))
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", range(6))
def test_indexed_merge_equals_comparing_with_every_entry(seed: int) -> None:
    events = _random_events(seed, 300)
    merged = merge_events(events, {})
    columns = ("date", "end", "kind", "label", "sources")
    found = zip(*(merged[c] for c in columns), strict=True)
    assert sorted(
        (d, e if isinstance(e, str) else "", k, lab, tuple(s)) for d, e, k, lab, s in found
    ) == (_merged_by_scanning_every_entry(events))


@pytest.mark.parametrize(
    ("reports", "date", "place", "disagreement"),
    [
        (
            [("a.txt", "2025-07-01", "Rabat"), ("b.txt", "2025-07-01", "Rabat"),
             ("c.txt", "2025-07-03", "Rabat")],
            "2025-07-01",
            "Rabat",
            "date 2025-07-03 (Le Desk: c.txt)",
        ),
        (
            [("a.txt", "2025-07-01", "Rabat"), ("b.txt", "2025-07-01", "Salé"),
             ("c.txt", "2025-07-01", "Rabat")],
            "2025-07-01",
            "Rabat",
            "place Salé (b.txt)",
        ),
        (
            [("a.txt", "2025-07-01", "Rabat"), ("b.txt", "2025-07-01", None)],
            "2025-07-01",
            "Rabat",
            None,
        ),
    ],
    ids=["date_outvoted_named_with_its_source", "place_outvoted", "silence_is_no_disagreement"],
)  # fmt: skip
def test_sources_that_disagree_are_named(
    reports: list[tuple[str, str, str | None]], date: str, place: str, disagreement: str | None
) -> None:
    events = pd.DataFrame(
        [
            _event(f, d, None, "day", "assises", "Assises nationales de l'IA", p)
            for f, d, p in reports
        ]
    )
    outlets = {"a.txt": "Le Matin", "b.txt": None, "c.txt": "Le Desk"}
    entry = merge_events(events, outlets).iloc[0]
    assert len(merge_events(events, outlets)) == 1
    assert (entry["date"], entry["place"], entry["disagreement"]) == (date, place, disagreement)
    assert entry["n_sources"] == len(reports)


def test_two_gatherings_a_few_days_apart_under_other_names_stay_apart() -> None:
    events = pd.DataFrame(
        [
            _event("a.txt", "2025-07-01", None, "day", "conference", "Forum Africa Tech"),
            _event(
                "b.txt", "2025-07-04", None, "day", "conference", "Sommet de la santé numérique"
            ),
        ]
    )
    assert len(merge_events(events, {})) == 2
