"""Per-article work in worker processes gives what the same work gives in this process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.compute import parallel
from helpers.ingest import stage as ingest


def _squares(chunk: list[int]) -> list[int]:
    return [n * n for n in chunk]


@pytest.mark.parametrize("n", [0, 1, 31, 32, 33, 100])
def test_chunks_cover_every_item_once_in_order(n: int) -> None:
    chunks = parallel.chunks_of(list(range(n)), 32)
    assert [x for chunk in chunks for x in chunk] == list(range(n))
    assert all(1 <= len(chunk) <= 32 for chunk in chunks)


def test_process_map_in_workers_keeps_the_order(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert parallel.process_map(_squares, list(range(100)), "squares") == [
        n * n for n in range(100)
    ]


def test_process_map_goes_on_here_when_processes_cannot_start(monkeypatch, caplog) -> None:
    def refuse(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
    assert parallel.process_map(_squares, [1, 2, 3], "squares") == [1, 4, 9]
    assert "going on in this process" in caplog.text


def test_ingest_in_worker_processes_equals_ingest_here(
    messy_corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    here = ingest.ingest_corpus(messy_corpus).articles
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    cold = ingest.ingest_corpus(messy_corpus, cache_dir=tmp_path).articles
    warm = ingest.ingest_corpus(messy_corpus, cache_dir=tmp_path).articles  # all from the cache
    assert cold.equals(here)
    assert warm.equals(here)


def test_ingest_passes_share_one_set_of_worker_processes(messy_corpus: Path, monkeypatch) -> None:
    started: list[int] = []
    real = parallel.ProcessPoolExecutor

    def counted(workers: int, **kwargs):
        started.append(workers)
        return real(workers, **kwargs)

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", counted)
    ingest.ingest_corpus(messy_corpus)
    assert started == [2]


# Set in each worker process by its initializer.
_STARTED_WITH: str | None = None


def _remember(value: str) -> None:
    global _STARTED_WITH
    _STARTED_WITH = value


def _initialised(items: list[int]) -> list[tuple[int, str | None]]:
    return [(os.getpid(), _STARTED_WITH) for _ in items]


def test_a_pool_runs_its_initializer_in_each_process_and_stops_with_its_block(
    monkeypatch,
) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    with parallel.Pool(_remember, ("model",)) as workers:
        assert parallel.process_map(_initialised, [1], "few", workers) == [(os.getpid(), None)]
        found = parallel.process_map(_initialised, list(range(100)), "many", workers)
        executor = workers.executor(100)
    assert {value for _, value in found} == {"model"}
    assert os.getpid() not in {pid for pid, _ in found}
    assert workers.executor(1) is None  # closed: a later call with few items runs here
    with pytest.raises(RuntimeError):
        executor.submit(int)  # type: ignore[union-attr]  # the processes stopped
