"""Figures stay readable at any corpus size, and are deterministic vector graphics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import figures


def _timeline(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": [f"2025-{1 + i % 12:02d}-01" for i in range(n)],
            "end": [None] * n,
            "precision": ["day"] * n,
            "kind": ["objectif" if i % 5 == 0 else "annonce" for i in range(n)],
            "label": [f"Annonce {i}" for i in range(n)],
            "n_sources": [1 + i % 7 for i in range(n)],
        }
    )


def test_targets_are_not_plotted_and_large_timelines_keep_the_most_reported() -> None:
    small = figures.plotted_entries(_timeline(10))
    assert len(small) == 8 and "objectif" not in set(small["kind"])
    large = figures.plotted_entries(_timeline(500), limit=40)
    assert len(large) == 40
    assert large["n_sources"].min() >= 6


def test_timeline_svg_is_vector_and_deterministic() -> None:
    first = figures.timeline_svg(_timeline(30), "fr")
    assert first.startswith("<svg") and "<image" not in first
    assert first == figures.timeline_svg(_timeline(30), "fr")


def test_months_become_quarters_when_there_are_too_many() -> None:
    months = [f"{2023 + i // 12}-{1 + i % 12:02d}" for i in range(30)]
    periods = pd.DataFrame({"period": months, "theme_id": 0, "n_docs": 1, "share": 1.0})
    quarters = figures.by_quarter(periods)
    assert list(quarters["period"][:2]) == ["2023-T1", "2023-T2"]
    assert quarters["n_docs"].sum() == 30 and quarters["n_docs"].max() == 3


def test_a_figure_drawn_once_is_read_back_for_the_same_inputs(tmp_path: Path) -> None:
    drawn: list[str] = []

    def draw(text: str) -> Callable[[], str]:
        return lambda: drawn.append(text) or f"<svg>{text}</svg>"

    listed = pd.DataFrame({"sources": [["a.txt", "b.txt"]], "n": [2]})
    as_read_back = pd.DataFrame({"sources": [np.array(["a.txt", "b.txt"])], "n": [2]})
    assert figures.memo_svg(tmp_path, "t", [listed, "fr"], draw("1")) == "<svg>1</svg>"
    # The same table after a Parquet round trip (arrays for lists): no second drawing.
    assert figures.memo_svg(tmp_path, "t", [as_read_back, "fr"], draw("2")) == "<svg>1</svg>"
    # Another language, another figure name or other values: drawn again.
    assert figures.memo_svg(tmp_path, "t", [listed, "en"], draw("3")) == "<svg>3</svg>"
    assert figures.memo_svg(tmp_path, "u", [listed, "fr"], draw("4")) == "<svg>4</svg>"
    changed = listed.assign(n=[3])
    assert figures.memo_svg(tmp_path, "t", [changed, "fr"], draw("5")) == "<svg>5</svg>"
    # Without a cache folder, every call draws.
    assert figures.memo_svg(None, "t", [listed, "fr"], draw("6")) == "<svg>6</svg>"
    assert drawn == ["1", "3", "4", "5", "6"]


def test_only_the_latest_drawing_of_each_figure_is_kept(tmp_path: Path) -> None:
    for n in range(5):  # five rebuilds, each with a new article
        figures.memo_svg(tmp_path, "t", [pd.DataFrame({"n": [n]})], lambda n=n: f"<svg>{n}</svg>")
    figures.memo_svg(tmp_path, "u", ["fr"], lambda: "<svg>u</svg>")
    stale = tmp_path / "figures" / "t" / "old-version" / "ab" / "ab.json"  # older figure code
    stale.parent.mkdir(parents=True)
    stale.write_text('"<svg>old</svg>"', encoding="utf-8")
    figures.memo_svg(tmp_path, "t", [pd.DataFrame({"n": [5]})], lambda: "<svg>5</svg>")
    kept = sorted(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.json"))
    assert kept == ['"<svg>5</svg>"', '"<svg>u</svg>"']
    assert not (tmp_path / "figures" / "t" / "old-version").exists()
    # The latest drawing is still read back, not drawn again.
    assert (
        figures.memo_svg(tmp_path, "t", [pd.DataFrame({"n": [5]})], lambda: "x") == "<svg>5</svg>"
    )


def test_cached_timeline_figure_equals_a_fresh_one(tmp_path: Path) -> None:
    fresh = figures.timeline_svg(_timeline(12), "fr")
    assert figures.timeline_svg(_timeline(12), "fr", tmp_path) == fresh
    assert figures.timeline_svg(_timeline(12), "fr", tmp_path) == fresh  # read back
    assert len(list(tmp_path.rglob("*.json"))) == 1
