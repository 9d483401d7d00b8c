"""Stage 3: events of every readable article; only the core articles reach the NER model."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.cache import key_of
from helpers.compute import parallel
from helpers.timeline import ner
from helpers.timeline import stage as extraction

TEXT = "Le 2 juillet 2025, le ministère a ouvert à Rabat les Assises nationales de l'IA."


def _articles() -> pd.DataFrame:
    rows = [
        ("core.txt", True, True, None, TEXT),
        ("offtopic.txt", True, False, None, TEXT.replace("IA", "agriculture")),
        ("copy.txt", True, True, "core.txt", TEXT + " "),
        ("empty.txt", False, False, None, ""),
    ]
    return pd.DataFrame(
        [
            {"file": f, "readable": r, "relevant": rel, "duplicate_of": dup, "text": t,
             "n_words": len(t.split()), "published": "2025-07-03", "outlet": "Le Matin"}
            for f, r, rel, dup, t in rows
        ]
    )  # fmt: skip


def test_only_core_articles_are_read_by_the_model(monkeypatch) -> None:
    seen: list[str] = []

    def fake_entities(texts, cache_dir=None, *args, **kwargs):
        seen.extend(texts)
        return iter([[] for _ in texts])

    monkeypatch.setattr(ner, "cached_entities", fake_entities)
    tables = extraction.build_timeline_tables(_articles())  # few articles: no worker process
    assert seen == [TEXT]  # the model reads the core article only
    assert set(tables.events["file"]) == {"core.txt", "offtopic.txt", "copy.txt"}
    assert set(tables.timeline["sources"].explode()) == {"core.txt"}


def test_extraction_targets_are_the_core_articles_with_text() -> None:
    assert list(extraction.extraction_targets(_articles())["file"]) == ["core.txt"]


def _sent_to_workers(monkeypatch) -> list[list]:
    """The records stage 3 hands to worker processes, recorded as it does."""
    sent: list[list] = []
    real = parallel.map_uncached

    def recorded(function, items, is_cached, *args, **kwargs):
        sent.append([item for item in items if not is_cached(item)])
        return real(function, items, is_cached, *args, **kwargs)

    monkeypatch.setattr(parallel, "map_uncached", recorded)
    return sent


def test_texts_already_read_by_the_model_are_not_sent_to_it(tmp_path, monkeypatch) -> None:
    sent = _sent_to_workers(monkeypatch)
    ner.entity_cache(tmp_path).put(key_of(TEXT), [])  # the model has read TEXT before
    tables = extraction.build_timeline_tables(_articles(), cache_dir=tmp_path)
    assert sent == [[]]  # nothing for the workers: the only core text is in the cache
    assert set(tables.events["file"]) == {"core.txt", "offtopic.txt", "copy.txt"}


@pytest.mark.parametrize("processes", ["start", "cannot_start"])
def test_stage_3_in_worker_processes_gives_the_tables_made_here(monkeypatch, processes) -> None:
    here = extraction.build_timeline_tables(_articles())
    sent = _sent_to_workers(monkeypatch)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    if processes == "cannot_start":
        monkeypatch.setattr(parallel, "ProcessPoolExecutor", _refuse)
    there = extraction.build_timeline_tables(_articles())
    assert [record[0] for record in sent[0]] == ["core.txt"]  # the one text the model reads
    for name in ("events", "actors", "timeline"):
        pd.testing.assert_frame_equal(getattr(there, name), getattr(here, name), obj=name)


def _refuse(*args, **kwargs):
    raise OSError("no more processes")
