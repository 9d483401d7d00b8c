"""Dask engine: the same tables as the local engine, on a small generated corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from distributed import Client

from corpus_gen import generate_corpus
from helpers.compute import dask_engine
from helpers.ingest import stage as ingest
from helpers.schemas import core_articles
from helpers.themes import dask_fit as themes_dask
from helpers.themes import model as themes
from helpers.themes import stage as theming
from helpers.timeline import stage as extraction

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
    stages = (ingest.__name__, extraction.__name__, themes_dask.__name__)
    with dask_engine.dask_client(n_workers=2, preload=stages) as started:
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
    dask_result = ingest.ingest_corpus_dask(corpus, client=client, partition_size=5)
    pd.testing.assert_frame_equal(dask_result.articles, local_result.articles)
    assert dask_result.problems == local_result.problems
    assert dask_result.skipped == local_result.skipped
    articles = dask_result.articles
    assert len(articles) == 42
    assert articles["duplicate_of"].notna().any() and not articles["relevant"].all()


def test_ingest_same_on_messy_corpus(messy_corpus: Path, client: Client) -> None:
    """Unreadable, unsupported and sources.csv rows: same table, problems and skipped files."""
    local = ingest.ingest_corpus(messy_corpus)
    dask_result = ingest.ingest_corpus_dask(messy_corpus, client=client, partition_size=3)
    pd.testing.assert_frame_equal(dask_result.articles, local.articles)
    assert dask_result.problems == local.problems and len(local.problems) > 0
    assert dask_result.skipped == local.skipped and len(local.skipped) > 0


def test_timeline_same_tables(client: Client, local_result: ingest.IngestResult) -> None:
    """Events, actors and timeline equal to extraction.build_timeline_tables."""
    articles = local_result.articles.head(16)  # NER is the slow part: fewer articles suffice
    local = extraction.build_timeline_tables(articles, date_from="2025-01-01")
    dask_tables = extraction.timeline_tables_dask(
        articles, date_from="2025-01-01", client=client, partition_size=4
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
    core = core_articles(articles)
    model = themes_dask.fit_themes_dask(core, client, partition_size=10)
    dask_tables = theming.tables_from_model(model, core)
    assert len(dask_tables.themes) == len(local.themes) >= 2
    assert _main_groups(dask_tables.doc_themes) == _main_groups(local.doc_themes)
    assert list(dask_tables.themes.columns) == list(local.themes.columns)
    assert list(dask_tables.doc_themes.columns) == list(local.doc_themes.columns)
    assert all(dask_tables.themes["top_terms"].map(len) > 0)
    assert (dask_tables.n_docs, dask_tables.n_undated) == (local.n_docs, local.n_undated)
    assert set(dask_tables.term_weights) == set(local.term_weights)


@pytest.mark.parametrize(
    ("prepared", "expected"),
    [
        ("donnee ouvert", ["donnee", "ouvert", "donnee ouvert"]),
        ("ia ia sante", ["ia", "ia", "sante", "ia sante"]),
        ("feuille route\nia", ["feuille", "route", "feuille route", "ia"]),
        ("", []),
    ],
    ids=["bigram_within_phrase", "no_bigram_of_a_repeated_word", "no_bigram_across_lines", "empty"],
)
def test_prepared_features(prepared: str, expected: list[str]) -> None:
    """Words and within-phrase bigrams, as themes.py counts them."""
    assert themes_dask.prepared_features(prepared) == expected


def test_hashed_counts_equal_themes_counts(local_result: ingest.IngestResult) -> None:
    """Same kept terms as themes.py; the same counts in every column but the few where a
    pruned term's hash collides with a kept one."""
    core = local_result.articles[local_result.articles["relevant"]]
    texts, languages = themes_dask._documents(core)
    counts = themes_dask._hashed_counts(zip(texts, languages, strict=True))
    n_docs, df, totals = themes_dask._sum_stats([themes_dask._column_stats(counts)])
    keep = themes_dask.kept_columns(df, totals, n_docs, max_features=20000)
    names, _ = themes_dask.column_names(texts, languages, keep)
    prepared = [themes.prepare_text(t, lang) for t, lang in zip(texts, languages, strict=True)]
    expected, vocabulary = themes._count_terms(
        prepared, themes.min_doc_frequency(n_docs), themes.max_doc_frequency(n_docs), 20000
    )
    assert sorted(names) == vocabulary
    hashed = counts[0][:, keep[np.argsort(names)]].toarray()
    same = (hashed == expected.toarray()).all(axis=0)
    assert same.mean() > 0.98, f"{(~same).sum()} of {same.size} columns differ"


def test_tfidf_rows_equal_scikit_learn(local_result: ingest.IngestResult) -> None:
    """Sublinear, smoothed, l2-normalised TF-IDF exactly as themes.py's TfidfTransformer."""
    core = local_result.articles[local_result.articles["relevant"]]
    prepared = [themes.prepare_text(t, "fr") for t in core["text"]]
    n_docs = len(prepared)
    counts, vocabulary = themes._count_terms(
        prepared, themes.min_doc_frequency(n_docs), themes.max_doc_frequency(n_docs), 20000
    )
    expected, _, _ = themes._vectorise(prepared, 20000)
    df = np.bincount(counts.indices, minlength=len(vocabulary))
    idf = themes_dask.smooth_idf(df, n_docs)
    rows = themes_dask._tfidf_rows(counts, np.arange(len(vocabulary)), idf)
    np.testing.assert_allclose(rows.toarray(), expected.toarray(), rtol=1e-5, atol=1e-7)


def test_ingest_rejects_bad_partition_size(corpus: Path, client: Client) -> None:
    """A partition size that is not a positive integer is refused before any work."""
    with pytest.raises(ValueError, match="partition_size"):
        ingest.ingest_corpus_dask(corpus, client=client, partition_size=0)
