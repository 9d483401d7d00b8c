"""The briefing's facts, computed from the shared tables only (no number typed by hand)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import figures, provenance
from helpers.params import BriefingParams
from helpers.schemas import core_articles
from helpers.storage import read_parquet, read_problems
from helpers.text.spans import sentences
from helpers.text.typography import number_fr, percent_fr
from helpers.wording import words

_NOT_IN_ID = re.compile(r"[^A-Za-z0-9_-]")
TABLES = ("articles", "events", "actors", "timeline", "themes", "doc_themes")
# The stages whose problems leave something out of the briefing (listed in its method section).
SET_ASIDE_STAGES = ("ingest", "sources", "timeline")


@dataclass
class Tables:
    """The tables one run wrote to data/processed/."""

    articles: pd.DataFrame
    events: pd.DataFrame
    actors: pd.DataFrame
    timeline: pd.DataFrame
    themes: pd.DataFrame
    doc_themes: pd.DataFrame
    problems: pd.DataFrame


def load_tables(processed_dir: Path) -> Tables:
    """Read every shared table of a run (the problem tables are optional)."""
    frames = {
        name: without_nan(read_parquet(Path(processed_dir) / f"{name}.parquet")) for name in TABLES
    }
    return Tables(problems=read_problems(processed_dir), **frames)


def without_nan(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values as None in text columns, so that rendering never prints "nan"."""
    text_columns = [
        c
        for c in frame.columns
        if not pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]
    converted = frame.copy()
    for column in text_columns:
        converted[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return converted


def status_of(row: Mapping[str, Any]) -> str:
    """relevant | offtopic | duplicate | unreadable for one article row."""
    if not row["readable"]:
        return "unreadable"
    if isinstance(row["duplicate_of"], str):
        return "duplicate"
    return "relevant" if row["relevant"] else "offtopic"


def corpus_counts(articles: pd.DataFrame, problems: pd.DataFrame) -> dict[str, int]:
    """How many files were kept, set aside as off-topic, duplicates, unreadable or unsupported."""
    status = pd.Series([status_of(r) for r in articles.to_dict("records")], dtype=str)
    skipped = problems[problems["stage"] == "ingest"]["file"].nunique() if len(problems) else 0
    return {
        "files": len(articles) + skipped,
        "relevant": int((status == "relevant").sum()),
        "offtopic": int((status == "offtopic").sum()),
        "duplicates": int((status == "duplicate").sum()),
        "unreadable": int((status == "unreadable").sum()) + skipped,
    }


def corpus_period(articles: pd.DataFrame) -> tuple[str | None, str | None]:
    """First and last publication date of the core articles."""
    dates = core_articles(articles)["published"].dropna()
    if dates.empty:
        return None, None
    return str(dates.min()), str(dates.max())


def source_id(file: str) -> str:
    """Anchor id of a file's line in the annex (stable across runs: from the file name)."""
    return "src-" + _NOT_IN_ID.sub("-", file)


def theme_shares(themes: pd.DataFrame) -> pd.DataFrame:
    """Themes that are the main theme of at least one article, largest share first."""
    shown = themes[themes["n_docs"] > 0]
    return shown.sort_values(["share", "theme_id"], ascending=[False, True]).reset_index(drop=True)


def representative_quote(
    top_terms: list[str], files: list[str], articles: pd.DataFrame, max_chars: int = 320
) -> tuple[str, str] | None:
    """(sentence, file): the sentence of a theme's typical articles richest in its top terms."""
    texts = articles.set_index("file")["text"]
    terms = [t.lower() for t in top_terms[:10]]
    best: tuple[int, int, str, str] | None = None
    for rank, file in enumerate(files):
        if file not in texts.index:
            continue
        for sent in sentences(texts[file]):
            if not 60 <= len(sent.text) <= max_chars:
                continue
            lowered = sent.text.lower()
            score = sum(1 for t in terms if t in lowered)
            key = (score, -rank, sent.text, file)
            if best is None or key[:2] > best[:2]:
                best = key
    return (best[2], best[3]) if best and best[0] > 0 else None


def targets(timeline: pd.DataFrame) -> pd.DataFrame:
    """Timeline entries of kind objectif, by target year."""
    return timeline[timeline["kind"] == "objectif"].sort_values(["date", "label"])


def since_landmark(timeline: pd.DataFrame) -> pd.Series | None:
    """The earliest gathering (colloque, assises, conference) at day or month precision."""
    gatherings = timeline[
        timeline["kind"].isin(["colloque", "assises", "conference"])
        & timeline["precision"].isin(["day", "month"])
    ]
    return gatherings.sort_values("date").iloc[0] if len(gatherings) else None


def most_covered(timeline: pd.DataFrame) -> pd.Series | None:
    """The entry reported by the most articles (ties: the more precise, then the later)."""
    dated = timeline[timeline["kind"] != "objectif"]
    if dated.empty:
        return None
    rank = dated["precision"].map({"day": 0, "month": 1, "year": 2})
    ordered = dated.assign(_rank=rank).sort_values(
        ["n_sources", "_rank", "date"], ascending=[False, True, False]
    )
    return ordered.iloc[0]


def _previous_share(previous_themes: pd.DataFrame, terms: list[str]) -> float:
    """Share of the previous run's theme sharing at least two of these top terms (0 if none)."""
    wanted = set(terms)
    shares = [
        float(row["share"])
        for _, row in previous_themes.iterrows()
        if len(wanted & set(list(row["top_terms"])[:5])) >= 2
    ]
    return max(shares, default=0.0)


def compare_runs(previous: Tables, current: Tables) -> dict[str, list[str]]:
    """What is new since a previous run: articles, timeline entries, themes that grew."""
    old_hashes = set(previous.articles["sha256"])
    new_articles = current.articles[~current.articles["sha256"].isin(old_hashes)]
    old_events = set(zip(previous.timeline["date"], previous.timeline["label"], strict=True))
    new_events = current.timeline[
        [
            (d, lab) not in old_events
            for d, lab in zip(current.timeline["date"], current.timeline["label"], strict=True)
        ]
    ]
    grown = [
        str(theme["label"])
        for _, theme in current.themes.iterrows()
        if theme["share"] > _previous_share(previous.themes, list(theme["top_terms"])[:5]) + 0.05
    ]
    return {
        "articles": list(new_articles["file"]),
        "events": [
            f"{d} {lab}" for d, lab in zip(new_events["date"], new_events["label"], strict=True)
        ],
        "themes": grown,
    }


def set_aside(articles: pd.DataFrame, problems: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Files the briefing does not use, each with the reason (off-topic, duplicate, unreadable),
    then the sources.csv rows and table rows it does not use."""
    rows = []
    for row in articles.to_dict("records"):
        status = status_of(row)
        if status == "offtopic":
            reason = (
                f"hors sujet (pertinence {row['relevance_score']:.2f})"
                if lang == "fr"
                else f"off-topic (relevance {row['relevance_score']:.2f})"
            )
        elif status == "duplicate":
            reason = (
                f"doublon de {row['duplicate_of']}"
                if lang == "fr"
                else f"duplicate of {row['duplicate_of']}"
            )
        elif status == "unreadable":
            reason = str(row["problems"])
        else:
            continue
        rows.append({"file": row["file"], "reason": reason})
    # Skipped files, bad sources.csv rows and table rows set aside by a schema; decode notes
    # ("encodage détecté") are not set-asides.
    for _, problem in problems[problems["stage"].isin(SET_ASIDE_STAGES)].iterrows():
        rows.append({"file": problem["file"], "reason": problem["reason"]})
    return pd.DataFrame(rows, columns=["file", "reason"])


def method_paragraphs(tables: Tables, lang: str, parameters: dict) -> list[str]:
    """The method and limits, every figure in it read from the tables."""
    w = words(lang)
    core = core_articles(tables.articles)
    counts = corpus_counts(tables.articles, tables.problems)
    kept, removed = tables.articles["chars_kept"].sum(), tables.articles["chars_removed"].sum()

    def decimal(value: float) -> str:
        """A threshold as the reader writes it: "0,5" in French, "0.5" in English."""
        return number_fr(value, 2).rstrip("0") if lang == "fr" else f"{value:g}"

    values = {
        "files": counts["files"],
        "relevant": len(core),
        "outlets": core["outlet"].dropna().nunique(),
        "removed": percent_fr(removed / max(1, kept + removed)),
        "threshold": decimal(parameters.get("relevance_threshold", 0.5)),
        "duplicate": decimal(parameters.get("duplicate_threshold", 0.8)),
        "events": len(tables.events),
        "entries": len(tables.timeline),
        "themes": len(tables.themes),
        "undated": int(core["published"].isna().sum()),
    }
    keys = (
        "method_sources",
        "method_cleaning",
        "method_relevance",
        "method_dates",
        "method_themes",
        "method_limits",
    )
    return [w[k].format(**values) for k in keys]


@dataclass
class BriefingInputs:
    """Everything the briefing notebook shows, read from one run's output folder."""

    tables: Tables
    timeline_svg: str
    periods_svg: str | None
    clouds: dict[int, bytes]
    n_undated: int
    changes: dict[str, list[str]] | None
    previous_when: str | None
    manifest: dict
    method: list[str]
    set_aside: pd.DataFrame

    @classmethod
    def load(cls, p: BriefingParams) -> BriefingInputs:
        """Read the tables, figures and (optional) previous run of an output folder."""
        tables = load_tables(p.processed_dir)
        run = _read_manifest(p.reports_dir / "manifest.json")
        periods_path = p.processed_dir / "theme_periods.parquet"
        periods = pd.read_parquet(periods_path) if periods_path.exists() else None
        labels = dict(zip(tables.themes["theme_id"], tables.themes["label"], strict=True))
        clouds = {
            int(t): (p.figures_dir / f"theme_{t}.png").read_bytes()
            for t in tables.themes["theme_id"]
            if (p.figures_dir / f"theme_{t}.png").exists()
        }
        changes, when = None, None
        if p.previous:
            previous_dir = Path(p.previous)
            try:
                changes = compare_runs(load_tables(previous_dir / "data" / "processed"), tables)
                when = _read_manifest(previous_dir / "reports" / "manifest.json").get(
                    "generated_at"
                )
            except (FileNotFoundError, OSError, ValueError):
                changes = None
        return cls(
            tables=tables,
            timeline_svg=figures.timeline_svg(tables.timeline, p.language, p.interim_dir),
            periods_svg=figures.periods_svg(periods, labels, p.language, p.interim_dir)
            if periods is not None and len(periods)
            else None,
            clouds=clouds,
            n_undated=int(core_articles(tables.articles)["published"].isna().sum()),
            changes=changes,
            previous_when=when,
            manifest=run,
            method=method_paragraphs(tables, p.language, run.get("parameters", {})),
            set_aside=set_aside(tables.articles, tables.problems, p.language),
        )


def _read_manifest(path: Path) -> dict:
    """The run manifest, or this environment's description when the run had none."""
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"environment": provenance.environment(), "parameters": {}}
