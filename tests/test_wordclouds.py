"""Word clouds drawn in worker processes are the ones drawn here, written where asked."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from helpers import wordclouds

WEIGHTS = [{f"terme{i}{j}": 1.0 / (1 + j) for j in range(12)} for i in range(5)]


def _jobs(folder: Path, n: int) -> list[wordclouds.CloudJob]:
    return [(folder / f"theme_{i}.png", WEIGHTS[i % len(WEIGHTS)]) for i in range(n)]


@pytest.mark.parametrize("n", [1, wordclouds.PAINT_IN_PROCESSES_FROM + 1])
def test_clouds_are_the_same_wherever_drawn(tmp_path: Path, n: int) -> None:
    jobs = _jobs(tmp_path, n)
    assert wordclouds.write_clouds(jobs) == [path for path, _ in jobs]
    for path, weights in jobs:
        assert path.read_bytes() == wordclouds.word_cloud_png(weights)
    assert not wordclouds._PAINTERS.running  # the processes stopped
    assert not list(tmp_path.glob(".*"))  # no temporary file left


def test_started_painters_are_used_then_stopped(tmp_path: Path) -> None:
    wordclouds.start_painters()
    jobs = _jobs(tmp_path, 2)
    assert wordclouds.write_clouds(jobs) == [path for path, _ in jobs]
    assert not wordclouds._PAINTERS.running


def test_clouds_are_drawn_here_when_the_processes_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        def map(self, *args: object) -> list[Path]:
            raise BrokenProcessPool("a worker died")

        def shutdown(self, **kwargs: object) -> None:
            pass

    monkeypatch.setattr(wordclouds._PAINTERS, "_executor", Broken())
    jobs = _jobs(tmp_path, 3)
    assert wordclouds.write_clouds(jobs) == [path for path, _ in jobs]
    assert all(path.read_bytes() == wordclouds.word_cloud_png(w) for path, w in jobs)
    assert "going on in this process" in caplog.text
