"""Figures for print: the timeline and the themes over time, as SVG (vector) text."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from helpers.cache import JsonCache, code_version, key_of
from helpers.schemas import EVENT_KINDS
from helpers.text.dates import span_of
from helpers.wording import words

plt.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "svg.fonttype": "none",  # text stays text: searchable, and a tenth of the SVG nodes
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": "briefing",  # stable ids: the same data gives the same SVG
    }
)
KIND_COLOURS = {
    "assises": "#b2182b",
    "colloque": "#d6604d",
    "conference": "#f4a582",
    "salon": "#92c5de",
    "partenariat": "#4393c3",
    "annonce": "#2166ac",
    "strategie": "#1b7837",
    "loi": "#5aae61",
    "nomination": "#762a83",
    "objectif": "#e08214",
    "autre": "#878787",
}
LANDMARK_KINDS = ("colloque", "assises")


def to_svg(fig: Figure) -> str:
    """A figure as standalone SVG text (then closed)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _midpoint(date: str, end: str | None) -> dt.date:
    """The middle day of a partial date or range, for plotting."""
    first, last = (dt.date.fromisoformat(d) for d in _valid_span(date, end))
    return first + (last - first) / 2


def _valid_span(date: str, end: str | None) -> tuple[str, str]:
    """span_of with the last day clamped to a real calendar day."""
    first, last = span_of(date, end)
    year, month, day = (int(x) for x in last.split("-"))
    while True:
        try:
            dt.date(year, month, day)
            return first, f"{year:04d}-{month:02d}-{day:02d}"
        except ValueError:
            day -= 1


def timeline_figure(timeline: pd.DataFrame, labels: dict[str, str], title: str) -> str:
    """One row per kind, one marker per entry (size = sources), landmarks annotated."""
    kinds = [k for k in KIND_COLOURS if k in set(timeline["kind"])]
    fig, ax = plt.subplots(figsize=(7.2, 0.45 * max(3, len(kinds)) + 1.6))
    if timeline.empty:
        ax.text(
            0.5, 0.5, labels.get("empty", "—"), ha="center", va="center", transform=ax.transAxes
        )
        ax.set_axis_off()
        return to_svg(fig)
    rows = {k: i for i, k in enumerate(reversed(kinds))}
    xs: list = [_midpoint(d, e) for d, e in zip(timeline["date"], timeline["end"], strict=True)]
    ys = [rows[k] for k in timeline["kind"]]
    sizes = [30 + 25 * (n - 1) for n in timeline["n_sources"]]
    colours = [KIND_COLOURS[k] for k in timeline["kind"]]
    ax.scatter(xs, ys, s=sizes, c=colours, alpha=0.85, edgecolors="black", linewidths=0.4, zorder=3)
    landmarks = timeline[timeline["kind"].isin(LANDMARK_KINDS)]
    for i, (idx, row) in enumerate(landmarks.iterrows()):
        x = xs[timeline.index.get_loc(idx)]
        ax.axvline(x, color="#999999", lw=0.6, ls="--", zorder=1)
        ax.annotate(
            row["short"] if "short" in row else row["label"][:40],
            (x, rows[row["kind"]]),
            xytext=(4, 10 + 12 * (i % 2)),
            textcoords="offset points",
            fontsize=7.5,
            color="#333333",
        )
    ax.set_yticks(list(rows.values()), [labels.get(k, k) for k in rows])
    ax.set_ylim(-0.7, len(kinds) - 0.3 + 0.6)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=10))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_xlabel(labels.get("xlabel", "date"))
    ax.set_title(title, loc="left", fontsize=10)
    ax.grid(axis="x", color="#eeeeee", zorder=0)
    return to_svg(fig)


def themes_over_time_figure(
    shares: pd.DataFrame, theme_labels: dict[int, str], title: str, ylabel: str
) -> str:
    """Stacked bars: share of each theme by month of publication."""
    fig, ax = plt.subplots(figsize=(7.2, 2.8))
    if shares.empty:
        ax.set_axis_off()
        return to_svg(fig)
    table = shares.pivot_table(
        index="period", columns="theme_id", values="n_docs", aggfunc="sum"
    ).fillna(0)
    bottom = pd.Series(0.0, index=table.index)
    palette = plt.get_cmap("tab10")
    for i, theme_id in enumerate(table.columns):
        ax.bar(
            table.index,
            table[theme_id],
            bottom=bottom,
            label=theme_labels.get(theme_id, str(theme_id)),
            color=palette(i % 10),
            edgecolor="white",
            linewidth=0.5,
        )
        bottom += table[theme_id]
    ax.set_ylabel(ylabel)
    ax.set_title(title, loc="left", fontsize=10)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return to_svg(fig)


# Most entries the timeline figure plots (the most reported ones); the table and HTML hold all.
MAX_PLOTTED = 40
# Above this many months, themes over time are shown by quarter.
MAX_MONTHS = 24


def plotted_entries(entries: pd.DataFrame, limit: int = MAX_PLOTTED) -> pd.DataFrame:
    """Dated entries the figure shows: targets left out (they would stretch the axis to their
    horizon), then the most reported ones when there are too many to read."""
    dated = entries[entries["kind"] != "objectif"]
    if len(dated) <= limit:
        return dated
    top = dated.sort_values(["n_sources", "date"], ascending=[False, False]).head(limit)
    return top.sort_index()


def by_quarter(periods: pd.DataFrame) -> pd.DataFrame:
    """Monthly counts summed by quarter ("2025-07" -> "2025-T3")."""
    month = periods["period"].str.slice(5, 7).astype(int)
    quarter = periods["period"].str.slice(0, 4) + "-T" + ((month - 1) // 3 + 1).astype(str)
    return (
        periods.assign(period=quarter)
        .groupby(["period", "theme_id"], as_index=False)["n_docs"]
        .sum()
    )


def memo_svg(
    cache_dir: Path | None, name: str, inputs: list[pd.DataFrame | str], draw: Callable[[], str]
) -> str:
    """draw(), or the SVG it gave before for the same figure name and inputs (tables compared
    by their CSV text, so a Parquet round trip still matches), drawn by the same code and
    matplotlib. Stages 2 and 3 draw their figure, the briefing reads it back: the same figure
    is not drawn twice in a run (matplotlib takes ~0.3-0.7 s per figure). Only the latest
    drawing of each figure is kept."""
    if cache_dir is None:
        return draw()
    version = code_version(__name__, f"matplotlib=={matplotlib.__version__}")
    # One namespace per figure, holding only its latest drawing: rebuilds do not pile up.
    cache = JsonCache(cache_dir, f"figures/{name}", version)
    key = key_of(name, *(_as_text(x) if isinstance(x, pd.DataFrame) else x for x in inputs))
    stored = cache.get(key)
    if isinstance(stored, str):
        return stored
    svg = draw()
    cache.put(key, svg)
    cache.keep_only(key)
    return svg


def _as_text(frame: pd.DataFrame) -> str:
    """A table as CSV text, list cells written alike whether lists or arrays (Parquet reads
    lists back as numpy arrays) and missing values alike whatever the dtype."""
    listed = frame.copy()
    for column in listed.select_dtypes(include="object").columns:
        listed[column] = [
            v.tolist() if isinstance(v, np.ndarray) else list(v) if isinstance(v, tuple) else v
            for v in listed[column]
        ]
    return listed.to_csv(index=False)


def timeline_svg(entries: pd.DataFrame, language: str, cache_dir: Path | None = None) -> str:
    """The timeline figure with the briefing's wording for kinds and axes (cached in
    cache_dir if given: see memo_svg)."""
    return memo_svg(
        cache_dir, "timeline", [entries, language], lambda: _timeline_svg(entries, language)
    )


def _timeline_svg(entries: pd.DataFrame, language: str) -> str:
    """timeline_svg without the cache."""
    w = words(language)
    labels = {kind: w[f"kind_{kind}"] for kind in EVENT_KINDS}
    labels["xlabel"] = w["xlabel"]
    labels["empty"] = w["none"]
    shown = plotted_entries(entries).assign(short=lambda t: t["label"].str.slice(0, 45))
    return timeline_figure(shown, labels, w["timeline_title"])


def periods_svg(
    periods: pd.DataFrame,
    theme_labels: dict[int, str],
    language: str,
    cache_dir: Path | None = None,
) -> str:
    """Themes over time with the briefing's wording (undated articles left out of the bars;
    cached in cache_dir if given: see memo_svg)."""
    labels = pd.DataFrame({"theme_id": list(theme_labels), "label": list(theme_labels.values())})
    return memo_svg(
        cache_dir,
        "periods",
        [periods, labels, language],
        lambda: _periods_svg(periods, theme_labels, language),
    )


def _periods_svg(periods: pd.DataFrame, theme_labels: dict[int, str], language: str) -> str:
    """periods_svg without the cache."""
    w = words(language)
    dated = periods[periods["period"].str.match(r"^\d{4}-\d{2}$")]
    if dated["period"].nunique() > MAX_MONTHS:
        dated = by_quarter(dated)
    return themes_over_time_figure(
        dated, theme_labels, w["themes_time_title"], w["themes_time_ylabel"]
    )


def theme_count_svg(curve: pd.DataFrame, chosen: int, language: str) -> str:
    """The criterion behind the number of themes: silhouette for each k tried, the chosen k
    marked (an empty curve, when k was given, says so)."""
    w = words(language)
    fig, ax = plt.subplots(figsize=(6.0, 2.6))
    data = curve.dropna(subset=["silhouette"])
    if data.empty:
        ax.text(0.5, 0.5, w["k_curve_none"].format(k=chosen), ha="center", va="center")
        ax.set_axis_off()
        return to_svg(fig)
    ax.plot(data["k"], data["silhouette"], marker="o", color="#4393c3")
    ax.axvline(chosen, color="#b2182b", linestyle="--", linewidth=1)
    ax.annotate(f"k = {chosen}", (chosen, float(data["silhouette"].max())), xytext=(4, -12),
                textcoords="offset points", color="#b2182b")  # fmt: skip
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(w["k_curve_xlabel"])
    ax.set_ylabel(w["k_curve_ylabel"])
    return to_svg(fig)
