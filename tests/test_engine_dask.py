"""Dask engine: the same tables as the local engine, on a small generated corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from distributed import Client

from helpers import engine_dask, extraction, ingest, theming
from helpers.corpus_gen import generate_corpus

pytestmark = pytest.mark.dask


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """42 generated page dumps: tickers, teasers, republications, off-topic and English pages."""
    out_dir = tmp_path_factory.mktemp("dask_corpus")
    generate_corpus(42, out_dir, seed=3)
    return out_dir


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A local cluster of two single-threaded worker processes."""
    with engine_dask.dask_client(n_workers=2) as started:
        yield started


@pytest.fixture(scope="module")
def local_result(corpus: Path) -> ingest.IngestResult:
    """The local engine's ingest."""
    return ingest.ingest_corpus(corpus)


def test_ingest_same_articles(
    corpus: Path, client: Client, local_result: ingest.IngestResult
) -> None:
    """Same rows, values and order; same problems; duplicates and off-topic pages found."""
    # Small partitions: repeated blocks must be counted across partitions, not within one.
    dask_result = engine_dask.ingest_corpus_dask(corpus, client=client, partition_size=5)
    pd.testing.assert_frame_equal(dask_result.articles, local_result.articles)
    assert dask_result.problems == local_result.problems
    assert dask_result.skipped == local_result.skipped
    articles = dask_result.articles
    assert len(articles) == 42
    assert articles["duplicate_of"].notna().any() and not articles["relevant"].all()


def test_timeline_same_tables(client: Client, local_result: ingest.IngestResult) -> None:
    """Events, actors and timeline equal to extraction.build_timeline_tables."""
    articles = local_result.articles
    local = extraction.build_timeline_tables(articles, date_from="2025-01-01")
    dask_tables = engine_dask.timeline_tables_dask(
        articles, date_from="2025-01-01", client=client, partition_size=8
    )
    assert len(local.events) > 0 and len(local.actors) > 0 and len(local.timeline) > 0
    for name in ("events", "actors", "timeline"):
        pd.testing.assert_frame_equal(getattr(dask_tables, name), getattr(local, name), obj=name)


def _main_groups(doc_themes: pd.DataFrame) -> set[frozenset[str]]:
    """Documents grouped by main theme, whatever the theme ids."""
    main = doc_themes[doc_themes["is_main"]]
    return {frozenset(group) for _, group in main.groupby("theme_id")["file"]}


def test_themes_same_partition(client: Client, local_result: ingest.IngestResult) -> None:
    """Same number of themes and the same documents under each main theme (ids may differ)."""
    articles = local_result.articles
    local = theming.build_theme_tables(articles)
    dask_tables = engine_dask.theme_tables_dask(articles, client=client, partition_size=10)
    assert len(dask_tables.themes) == len(local.themes) >= 2
    assert _main_groups(dask_tables.doc_themes) == _main_groups(local.doc_themes)
    assert list(dask_tables.themes.columns) == list(local.themes.columns)
    assert list(dask_tables.doc_themes.columns) == list(local.doc_themes.columns)
    assert all(dask_tables.themes["top_terms"].map(len) > 0)
    assert (dask_tables.n_docs, dask_tables.n_undated) == (local.n_docs, local.n_undated)
    assert set(dask_tables.term_weights) == set(local.term_weights)


def test_ingest_rejects_bad_partition_size(corpus: Path, client: Client) -> None:
    """A partition size that is not a positive integer is refused before any work."""
    with pytest.raises(ValueError, match="partition_size"):
        engine_dask.ingest_corpus_dask(corpus, client=client, partition_size=0)
