"""The per-article cache: keyed by content and code, safe to delete, reused across runs."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import ingest
from helpers.cache import JsonCache, code_version, key_of
from helpers.config import PROJECT_ROOT


def test_cache_round_trip_and_disabled(tmp_path: Path) -> None:
    cache = JsonCache(tmp_path, "x", "v1")
    key = key_of("content", "settings")
    assert cache.get(key) is None
    cache.put(key, {"a": [1, "é"]})
    assert cache.get(key) == {"a": [1, "é"]}
    assert JsonCache(tmp_path, "x", "v2").get(key) is None  # another code version
    off = JsonCache(None, "x", "v1")
    off.put(key, {"a": 1})
    assert off.get(key) is None


def test_code_version_depends_only_on_the_named_modules() -> None:
    assert code_version(("clean",)) == code_version(("clean",))
    assert code_version(("clean",)) != code_version(("dates",))
    assert code_version(("clean",), "model==1") != code_version(("clean",), "model==2")


def test_second_ingest_reads_the_cache_and_gives_the_same_table(tmp_path: Path) -> None:
    corpus = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "data" / "raw", corpus)
    cache_dir = tmp_path / "interim"
    first = ingest.ingest_corpus(corpus, cache_dir=cache_dir).articles
    n_files = len(list(cache_dir.rglob("*.json")))
    assert n_files == 2 * len(first)  # one read and one describe record per article
    second = ingest.ingest_corpus(corpus, cache_dir=cache_dir).articles
    assert second.equals(first)
    assert len(list(cache_dir.rglob("*.json"))) == n_files


def test_second_timeline_and_themes_read_the_cache_and_give_the_same_tables(
    tmp_path: Path,
) -> None:
    from helpers import extraction, theming

    corpus = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "data" / "raw", corpus)
    cache_dir = tmp_path / "interim"
    articles = ingest.ingest_corpus(corpus, cache_dir=cache_dir).articles
    assert articles["outlet"].isna().any() and articles["published"].isna().any()
    first = extraction.build_timeline_tables(articles, cache_dir=cache_dir)
    themes_first = theming.build_theme_tables(articles, cache_dir=cache_dir)
    for namespace in ("extract", "prepared", "entities"):
        assert list((cache_dir / namespace).rglob("*.json")), namespace
    second = extraction.build_timeline_tables(articles, cache_dir=cache_dir)
    themes_second = theming.build_theme_tables(articles, cache_dir=cache_dir)
    for name in ("events", "actors", "timeline"):
        assert getattr(second, name).equals(getattr(first, name)), name
    assert themes_second.themes.equals(themes_first.themes)
    assert themes_second.doc_themes.equals(themes_first.doc_themes)
    assert themes_second.term_weights == themes_first.term_weights
    # and the same as without any cache
    uncached = extraction.build_timeline_tables(articles)
    assert uncached.events.equals(first.events) and uncached.actors.equals(first.actors)
