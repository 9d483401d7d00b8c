"""Opt-in Dask engine: the cluster, and what every stage's Dask path shares (scatter, sizes).

Each stage's entry module holds its own Dask path and picks it when the parameters ask
(ingest.stage.ingest_corpus_dask, themes.dask_fit.fit_themes_dask,
timeline.stage.timeline_tables_dask):
the local engine's tables, computed on a cluster. This module imports no stage.

When to use it: from about 1,000 articles, and mostly for stage 1. Measured on a shared
2-core machine (generated corpora, cluster start of 15-30 s not included): ingest 1,000
articles 34 s local / 22-31 s Dask, 10,000 articles 377 s / 231 s (the local engine uses one
core); themes 1,000: 9 s / 17 s, 10,000: 26 s / 43 s (hashing and the client-side vocabulary
sample cost more than they save on 2 cores: use Dask for themes only when the texts do not fit
in one machine's memory). Below 1,000 articles the cluster start costs more than it saves.

Point it at a cluster with `dask_client("tcp://host:8786")` or any `distributed.Client`
passed as `client=`: workers need this package installed (start them with
`dask worker tcp://host:8786 --preload helpers.ingest.stage --preload
helpers.timeline.stage` to import the stages once per worker) and the raw and cache folders
at the same paths as the client.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import dask
from distributed import Client, Future, LocalCluster
from distributed.utils import get_mp_context

from helpers.compute.parallel import restore_main_spec
from helpers.errors import ParameterError

T = TypeVar("T")


def get_client(
    scheduler: str | None = None, n_workers: int = 2, preload: Sequence[str] = ()
) -> Client:
    """A client joined to the scheduler at `scheduler` ("tcp://host:8786"), or to a new local
    cluster of n_workers single-threaded processes on 127.0.0.1 whose workers start with the
    modules in preload imported (close both: see dask_client)."""
    if scheduler is not None:
        if not isinstance(scheduler, str) or "://" not in scheduler:
            raise ParameterError(
                "scheduler", scheduler, 'None or an address like "tcp://host:8786"'
            )
        return Client(scheduler)
    if not isinstance(n_workers, int) or n_workers < 1:
        raise ParameterError("n_workers", n_workers, "an integer >= 1")
    restore_main_spec()  # a kernel whose namespace was reset lost it: the Nanny needs it
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        _preload_forkserver(preload)
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
    return Client(cluster)


def _preload_forkserver(modules: Sequence[str]) -> None:
    """Workers fork from a server that imported the stage's modules (pandas, spaCy,
    scikit-learn) once, instead of each spawned worker importing them again: ~10 s of CPU
    per worker saved."""
    get_mp_context()  # lets distributed set its own preload list first, so it will not undo ours
    multiprocessing.get_context("forkserver").set_forkserver_preload(["distributed", *modules])


@contextmanager
def dask_client(
    scheduler: str | None = None, n_workers: int = 2, preload: Sequence[str] = ()
) -> Iterator[Client]:
    """get_client as a context manager: closes the client, and the local cluster if it made one."""
    client = get_client(scheduler, n_workers, preload)
    cluster = client.cluster if scheduler is None else None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def client_or_local(client: Client | None, preload: Sequence[str] = ()) -> Iterator[Client]:
    """The given client, else a temporary local cluster for the duration of one call."""
    if client is not None:
        yield client
        return
    with dask_client(preload=preload) as local:
        yield local


def scatter_partitions(client: Client, items: Sequence[T], partition_size: int) -> list[Future]:
    """In-memory items sent to the workers as data, one future per partition (a bag built
    from them with db.from_delayed runs only while the caller holds these futures)."""
    chunks = [list(items[i : i + partition_size]) for i in range(0, len(items), partition_size)]
    return client.scatter(chunks)


def check_partition_size(partition_size: int) -> None:
    """Fail early on a partition size that is not a positive integer."""
    if not isinstance(partition_size, int) or partition_size < 1:
        raise ParameterError("partition_size", partition_size, "an integer >= 1")
