"""The NER model's worker processes and the per-text entity cache.

The model (helpers.ner) loads in worker processes; work goes to them in chunks, two workers for
large corpora, and entities are cached per text.
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from helpers import config, gazetteer
from helpers.cache import JsonCache, code_version, key_of, resources_digest
from helpers.ner import Entity, entity_tuples, load_ner
from helpers.parallel import chunks_of, spawn_context

# Below this many texts, one process is faster than paying a second model load.
PARALLEL_FROM = 400
# Texts sent to a worker at a time when the work is shared between workers.
CHUNK = 64

R = TypeVar("R")
T = TypeVar("T")
log = logging.getLogger(__name__)


def n_processes(n_texts: int) -> int:
    """Worker processes for n texts: both cores for large corpora, one otherwise."""
    return min(2, os.cpu_count() or 1) if n_texts >= PARALLEL_FROM else 1


def _load_in_worker(model: str) -> None:
    """Worker initializer: the model is ready before the first text arrives. One BLAS thread
    per worker: the workers already fill the cores, more threads would only contend."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    load_ner(model)
    gc.freeze()  # the model lives as long as the worker: later collections skip it


class _Workers:
    """Single-process executors, each holding the model; created on demand, kept for the run."""

    def __init__(self) -> None:
        self.model: str | None = None
        self.executors: list[ProcessPoolExecutor] = []

    def ensure(self, model: str, count: int) -> list[ProcessPoolExecutor]:
        if model != self.model:
            self.shutdown()
            self.model = model
        context = spawn_context()
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


def submit_chunks(
    function: Callable[..., R],
    chunks: Sequence[Sequence[Any]],
    *args: Any,
    model: str,
    workers: int = 1,
) -> list[Future[R] | None]:
    """Submit function(chunk, *args) for each chunk to that many worker processes, in turn,
    which hold the model; returns at once. A None stands for a chunk that could not be
    submitted: chunk_result then computes it here."""
    if not chunks:
        return []
    try:
        executors = _WORKERS.ensure(model, max(1, workers))
        return [
            executors[i % len(executors)].submit(function, chunk, *args)
            for i, chunk in enumerate(chunks)
        ]
    except (OSError, RuntimeError, AttributeError, BrokenProcessPool) as exc:
        log.warning("NER worker processes could not start (%s); running NER here", exc)
        return [None] * len(chunks)


def chunk_result(
    future: Future[R] | None, function: Callable[..., R], chunk: Sequence[Any], *args: Any
) -> R:
    """A worker's answer for a chunk, or the chunk computed here when there is no worker or
    it died (a script without a __main__ guard, a killed process): the run goes on, and a
    missing model still gets its clear message."""
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            log.warning("a NER worker process failed; running NER in this process")
            _WORKERS.shutdown()
    return function(chunk, *args)


def chunked(items: Sequence[T], workers: int) -> list[list[T]]:
    """Items in chunks of CHUNK when several workers share them, else in one chunk."""
    return chunks_of(items, CHUNK if workers > 1 else max(1, len(items)))


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
    chunks = chunked(texts, workers)
    futures = submit_chunks(entity_tuples, chunks, model, model=model, workers=workers)
    for future, chunk in zip(futures, chunks, strict=True):
        for found in chunk_result(future, entity_tuples, chunk, model):
            yield [Entity(*e) for e in found]


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


def entity_cache(cache_dir: Path | None, model: str = config.SPACY_MODEL) -> JsonCache | None:
    """The per-text cache of entities (None: no cache), versioned by code and model."""
    if cache_dir is None:
        return None
    listed = resources_digest((gazetteer.GAZETTEER_FILE,))
    version = code_version(
        ("cache", "gazetteer", "ner", "stopwords", "text_spans"),
        f"{model}=={_model_version(model)} gazetteer={listed}",
    )
    return JsonCache(cache_dir, "entities", version)


def has_entities(text: str, cache: JsonCache | None) -> bool:
    """True when the entities of this text are in the cache (no model needed for it)."""
    return cache is not None and cache.has(key_of(text))


def cached_entities(
    texts: Sequence[str],
    cache_dir: Path | None,
    model: str = config.SPACY_MODEL,
    in_process: bool = False,
) -> Iterator[list[Entity]]:
    """Entities of each text, in order; texts seen before (same text, code and model) come
    from the cache and the model is used only if some text is new."""
    cache = entity_cache(cache_dir, model)
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
            cache.put(key, [list(e.as_tuple()) for e in entities])
        known[key] = [list(e.as_tuple()) for e in entities]
        yield entities
