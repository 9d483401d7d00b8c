"""The Dask engine through the real `briefing` command and its notebooks: on a local cluster
the kernel starts, and on a scheduler given by address; the tables match the local engine's."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.run.pipeline import main

pytestmark = pytest.mark.e2e
SEEDS = Path(__file__).parents[1] / "data" / "raw"
# Tables the two engines must agree on row for row (themes differ: Dask hashes the vocabulary).
SAME_TABLES = ("articles", "events", "timeline")


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    assert main(["--raw-dir", str(SEEDS), "--out-dir", str(out), "-q"]) == 0
    return out


def _same_tables(first: Path, second: Path) -> None:
    for name in SAME_TABLES:
        a = pd.read_parquet(first / "data" / "processed" / f"{name}.parquet").astype(str)
        b = pd.read_parquet(second / "data" / "processed" / f"{name}.parquet").astype(str)
        pd.testing.assert_frame_equal(a, b)


def test_engine_dask_on_a_local_cluster_from_the_command(local_run: Path, tmp_path: Path) -> None:
    argv = ["--raw-dir", str(SEEDS), "--out-dir", str(tmp_path), "-q"]
    assert main([*argv, "-p", "engine=dask"]) == 0
    _same_tables(local_run, tmp_path)


def test_engine_dask_on_a_scheduler_given_by_address(local_run: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        argv = ["--raw-dir", str(SEEDS), "--out-dir", str(tmp_path), "-q"]
        scheduler = f"scheduler={cluster.scheduler_address}"
        assert main([*argv, "-p", "engine=dask", "-p", scheduler]) == 0
    _same_tables(local_run, tmp_path)
