"""Stage 2: themes of the core articles, their share over time, and their word clouds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import figures, schemas, storage
from helpers.params import ThemesParams
from helpers.schemas import core_articles
from helpers.themes import model as themes
from helpers.themes import wordclouds


@dataclass
class ThemeTables:
    """What stage 2 writes, and the model the word clouds come from."""

    themes: pd.DataFrame
    doc_themes: pd.DataFrame
    periods: pd.DataFrame
    term_weights: dict[int, dict[str, float]]
    n_docs: int
    n_undated: int
    k_curve: pd.DataFrame


def build_theme_tables(
    articles: pd.DataFrame,
    n_themes: int | None = None,
    random_state: int = 42,
    cache_dir: Path | None = None,
) -> ThemeTables:
    """Fit the themes on relevant, non-duplicate articles and count them by month."""
    core = core_articles(articles)
    model = themes.fit_themes(
        core, n_themes=n_themes, random_state=random_state, cache_dir=cache_dir
    )
    return tables_from_model(model, core)


def tables_from_model(model: themes.ThemeModel, core: pd.DataFrame) -> ThemeTables:
    """The stage's tables from a fitted model (whichever engine fitted it)."""
    periods = (
        themes.themes_over_time(model, core)
        if len(core)
        else pd.DataFrame(columns=["period", "theme_id", "n_docs", "share"])
    )
    return ThemeTables(
        themes=model.themes,
        doc_themes=model.doc_themes,
        periods=periods,
        term_weights=model.term_weights,
        n_docs=len(core),
        n_undated=int(core["published"].isna().sum()),
        k_curve=model.k_curve,
    )


def write_outputs(result: ThemeTables, processed_dir: Path, figures_dir: Path) -> list[Path]:
    """Validate and write the theme tables; write one word cloud per theme (and the corpus's)."""
    storage.write_parquet(
        Path(processed_dir) / "themes.parquet", schemas.validate("themes", result.themes)
    )
    storage.write_parquet(
        Path(processed_dir) / "doc_themes.parquet",
        schemas.validate("doc_themes", result.doc_themes),
    )
    storage.write_parquet(Path(processed_dir) / "theme_periods.parquet", result.periods)
    jobs = [
        (Path(figures_dir) / ("corpus.png" if theme_id == -1 else f"theme_{theme_id}.png"), weights)
        for theme_id, weights in sorted(result.term_weights.items())
        if weights
    ]
    return wordclouds.write_clouds(jobs)


def periods_figure(result: ThemeTables, language: str, cache_dir: Path | None = None) -> str:
    """Themes over time as SVG (kept in cache_dir, if given, for the briefing to reuse)."""
    labels = dict(zip(result.themes["theme_id"], result.themes["label"], strict=True))
    return figures.periods_svg(result.periods, labels, language, cache_dir)


def run_stage(articles: pd.DataFrame, p: ThemesParams) -> ThemeTables:
    """Stage 2 on the engine the parameters ask for (local fit or hashed TF-IDF on Dask)."""
    if p.engine == "dask":
        from helpers.compute import dask_engine
        from helpers.themes import dask_fit as themes_dask

        core = core_articles(articles)
        with dask_engine.dask_client(p.scheduler, preload=(themes_dask.__name__,)) as client:
            model = themes_dask.fit_themes_dask(core, client, p.n_themes, p.random_state)
        return tables_from_model(model, core)
    return build_theme_tables(
        articles, n_themes=p.n_themes, random_state=p.random_state, cache_dir=p.interim_dir
    )


def theme_count_figure(result: ThemeTables, language: str) -> str:
    """SVG of the criterion behind the number of themes (silhouette for each k tried)."""
    return figures.theme_count_svg(result.k_curve, len(result.themes), language)
