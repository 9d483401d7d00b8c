"""Stage 3: events of every readable article; only the core articles reach the NER model."""

from __future__ import annotations

import pandas as pd

from helpers import extraction, nlp
from helpers.cache import key_of

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

    monkeypatch.setattr(nlp, "cached_entities", fake_entities)
    # No worker process: every chunk is computed here, where the fake model is.
    monkeypatch.setattr(nlp, "submit_chunks", lambda fn, chunks, *a, **k: [None] * len(chunks))
    tables = extraction.build_timeline_tables(_articles())
    assert seen == [TEXT]  # the model reads the core article only
    assert set(tables.events["file"]) == {"core.txt", "offtopic.txt", "copy.txt"}
    assert set(tables.timeline["sources"].explode()) == {"core.txt"}


def test_extraction_targets_are_the_core_articles_with_text() -> None:
    assert list(extraction.extraction_targets(_articles())["file"]) == ["core.txt"]


def test_texts_already_read_by_the_model_are_not_sent_to_it(tmp_path, monkeypatch) -> None:
    sent: list[list] = []

    def record_chunks(fn, chunks, *args, **kwargs):
        sent.extend(chunks)
        return [None] * len(chunks)

    monkeypatch.setattr(nlp, "submit_chunks", record_chunks)
    nlp.entity_cache(tmp_path).put(key_of(TEXT), [])  # the model has read TEXT before
    tables = extraction.build_timeline_tables(_articles(), cache_dir=tmp_path)
    assert sent == []  # nothing for the workers: the only core text is in the cache
    assert set(tables.events["file"]) == {"core.txt", "offtopic.txt", "copy.txt"}
