"""The French NER model: loaded once per process, with only the components used."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import astuple, dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from helpers import config
from helpers.cache import JsonCache, code_version, key_of

# NER has its own tok2vec in the fr_core_news_* pipelines: everything else is excluded.
_UNUSED_COMPONENTS = [
    "tok2vec",
    "morphologizer",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
]
# Bodies longer than this are cut for NER only (a 5 MB page is not an article).
MAX_NER_CHARS = 100_000
# Below this many texts, one process is faster than paying a second model load.
PARALLEL_FROM = 400


@dataclass(frozen=True)
class Entity:
    """A named entity with its span in the text it was found in."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, MISC


@lru_cache(maxsize=2)
def load_ner(model: str = config.SPACY_MODEL) -> Language:
    """Load the spaCy pipeline once per process, NER only."""
    try:
        return spacy.load(model, exclude=_UNUSED_COMPONENTS)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed: run `make env` (it comes from the lock file)"
        ) from exc


def n_processes(n_texts: int) -> int:
    """Processes for nlp.pipe: both cores for large corpora, one otherwise."""
    return min(2, os.cpu_count() or 1) if n_texts >= PARALLEL_FROM else 1


def iter_entities(texts: Sequence[str], model: str = config.SPACY_MODEL) -> Iterator[list[Entity]]:
    """Entities of each text, streamed through nlp.pipe in input order."""
    nlp = load_ner(model)
    docs: Iterable = nlp.pipe(
        (t[:MAX_NER_CHARS] for t in texts), batch_size=64, n_process=n_processes(len(texts))
    )
    for doc in docs:
        yield [Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]


def find_entities(texts: Sequence[str], model: str = config.SPACY_MODEL) -> list[list[Entity]]:
    """Entities of each text, as a list."""
    return list(iter_entities(texts, model))


def _model_version(model: str) -> str:
    """The installed version of a spaCy model package ("unknown" if it has no metadata)."""
    import importlib.metadata

    try:
        return importlib.metadata.version(model.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def cached_entities(
    texts: Sequence[str], cache_dir: Path | None, model: str = config.SPACY_MODEL
) -> Iterator[list[Entity]]:
    """Entities of each text, in order; texts seen before (same text, code and model) come
    from the cache and the model is loaded only if some text is new."""
    cache = (
        JsonCache(
            cache_dir,
            "entities",
            code_version(("cache", "nlp"), f"{model}=={_model_version(model)}"),
        )
        if cache_dir
        else None
    )
    keys = [key_of(text) for text in texts]
    known = {k: cache.get(k) for k in keys} if cache else {}
    missing = [i for i, k in enumerate(keys) if known.get(k) is None]
    fresh = iter_entities([texts[i] for i in missing], model) if missing else iter(())
    for key in keys:
        stored = known.get(key)
        if stored is not None:
            yield [Entity(*e) for e in stored]
            continue
        entities = next(fresh)
        if cache:
            cache.put(key, [list(astuple(e)) for e in entities])
        known[key] = [list(astuple(e)) for e in entities]
        yield entities
