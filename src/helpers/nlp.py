"""The French NER model: loaded once, with only the components used, in worker processes.

The model loads in a background process (`warm_up`) while ingest and themes run on the other
core, so the timeline stage rarely waits for it; large corpora get a second worker.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import astuple, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from helpers import config
from helpers.cache import JsonCache, code_version, key_of

if TYPE_CHECKING:
    from spacy.language import Language

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
# Texts sent to a worker at a time when the work is shared between workers.
CHUNK = 64

EntityTuple = tuple[int, int, str, str]
log = logging.getLogger(__name__)


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
    import spacy

    try:
        return spacy.load(model, exclude=_UNUSED_COMPONENTS)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed: run `make env` (it comes from the lock file)"
        ) from exc


def n_processes(n_texts: int) -> int:
    """Worker processes for n texts: both cores for large corpora, one otherwise."""
    return min(2, os.cpu_count() or 1) if n_texts >= PARALLEL_FROM else 1


def entity_tuples(texts: Sequence[str], model: str = config.SPACY_MODEL) -> list[list[EntityTuple]]:
    """Entities of each text as plain tuples, computed in this process (what a worker runs)."""
    nlp = load_ner(model)
    return [
        [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
        for doc in nlp.pipe((t[:MAX_NER_CHARS] for t in texts), batch_size=CHUNK)
    ]


def _load_in_worker(model: str) -> None:
    """Worker initializer: the model is ready before the first text arrives."""
    load_ner(model)


class _Workers:
    """Single-process executors, each holding the model; created on demand, kept for the run."""

    def __init__(self) -> None:
        self.model: str | None = None
        self.executors: list[ProcessPoolExecutor] = []

    def ensure(self, model: str, count: int) -> list[ProcessPoolExecutor]:
        if model != self.model:
            self.shutdown()
            self.model = model
        context = multiprocessing.get_context("spawn")
        main = sys.modules["__main__"]
        if not hasattr(main, "__spec__"):
            # IPython's %reset deletes it from the kernel's namespace; spawn reads it.
            main.__spec__ = None
        while len(self.executors) < count:
            executor = ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=_load_in_worker, initargs=(model,)
            )
            executor.submit(int)  # start the process now: the model loads in the background
            self.executors.append(executor)
        return self.executors[:count]

    def shutdown(self) -> None:
        for executor in self.executors:
            executor.shutdown(wait=False, cancel_futures=True)
        self.executors = []


_WORKERS = _Workers()
atexit.register(_WORKERS.shutdown)


def warm_up(model: str = config.SPACY_MODEL, workers: int = 1) -> None:
    """Start loading the model in background worker processes; returns at once."""
    _WORKERS.ensure(model, workers)


def shutdown_workers() -> None:
    """Stop the background NER workers (they are also stopped at interpreter exit)."""
    _WORKERS.shutdown()


def iter_entities(
    texts: Sequence[str], model: str = config.SPACY_MODEL, in_process: bool = False
) -> Iterator[list[Entity]]:
    """Entities of each text, in input order. By default the work runs in background worker
    processes (two for large corpora), streamed chunk by chunk; in_process=True runs it here
    (inside a Dask worker, say, which may not start processes of its own)."""
    if not texts:
        return
    if in_process:
        for found in entity_tuples(texts, model):
            yield [Entity(*e) for e in found]
        return
    workers = n_processes(len(texts))
    size = CHUNK if workers > 1 else len(texts)
    chunks = [list(texts[i : i + size]) for i in range(0, len(texts), size)]
    try:
        executors = _WORKERS.ensure(model, workers)
        futures: list[Future[list[list[EntityTuple]]] | None] = [
            executors[i % len(executors)].submit(entity_tuples, chunk, model)
            for i, chunk in enumerate(chunks)
        ]
    except (OSError, RuntimeError, AttributeError, BrokenProcessPool) as exc:
        log.warning("NER worker processes could not start (%s); running NER here", exc)
        futures = [None] * len(chunks)
    for future, chunk in zip(futures, chunks, strict=True):
        for found in _chunk_result(future, chunk, model):
            yield [Entity(*e) for e in found]


def _chunk_result(
    future: Future[list[list[EntityTuple]]] | None, chunk: list[str], model: str
) -> list[list[EntityTuple]]:
    """A worker's answer for a chunk, or the chunk computed here when there is no worker or
    it died (a script without a __main__ guard, a killed process): the run goes on, and a
    missing model still gets its clear message."""
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            log.warning("a NER worker process failed; running NER in this process")
            _WORKERS.shutdown()
    return entity_tuples(chunk, model)


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
    texts: Sequence[str],
    cache_dir: Path | None,
    model: str = config.SPACY_MODEL,
    in_process: bool = False,
) -> Iterator[list[Entity]]:
    """Entities of each text, in order; texts seen before (same text, code and model) come
    from the cache and the model is used only if some text is new."""
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
    fresh = iter_entities([texts[i] for i in missing], model, in_process) if missing else iter(())
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
