"""The per-article cache: keyed by content and code, safe to delete, reused across runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.cache import JsonCache, code_version, key_of
from helpers.config import PROJECT_ROOT
from helpers.ingest import stage as ingest


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


def _package(root: Path, modules: dict[str, str]) -> Path:
    """A package named pkg in root, from module path (e.g. "text/dates.py") -> source."""
    folder = root / "pkg"
    for relative, source in {"__init__.py": "", **modules}.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(source)
    return folder


# A small package: a imports b, b imports c from a sub-package; d is imported by nobody.
MODULES = {
    "a.py": "from pkg import b\n",
    "b.py": "from .sub import c\n",
    "sub/__init__.py": "",
    "sub/c.py": "X = 1\n",
    "d.py": "Y = 2\n",
}


@pytest.mark.parametrize(
    ("changed", "source", "key_changes"),
    [
        ("a.py", "from pkg import b\nfrom pkg import d\n", True),
        ("a.py", "from pkg import b\n\n\ndef f():\n    import pkg.d\n", True),
        ("sub/c.py", "X = 2\n", True),
        ("d.py", "Y = 3\n", False),
        ("b.py", "from .sub import c  # the same import\n", True),
    ],
    ids=["new_import", "import_inside_a_function", "change_two_imports_down",
         "module_not_imported", "module_itself"],
)  # fmt: skip
def test_code_version_follows_the_imports_of_the_module(
    tmp_path: Path, changed: str, source: str, key_changes: bool
) -> None:
    before = _package(tmp_path / "before", MODULES)
    after = _package(tmp_path / "after", {**MODULES, changed: source})
    assert code_version("pkg.a", root=before) == code_version("pkg.a", root=before)
    assert (code_version("pkg.a", root=before) != code_version("pkg.a", root=after)) is key_changes


def test_code_version_depends_on_extra_and_on_the_module() -> None:
    assert code_version("helpers.ingest.clean") != code_version("helpers.ingest.clean", "model==2")
    assert code_version("helpers.ingest.clean") != code_version("helpers.text.dates")
    with pytest.raises(ValueError, match="not a module"):
        code_version("helpers.no_such_module")


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
    from helpers.themes import stage as theming
    from helpers.timeline import stage as extraction

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
