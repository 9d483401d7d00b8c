"""Word clouds are written where asked, the same as drawn in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.themes import wordclouds

WEIGHTS = [{f"terme{i}{j}": 1.0 / (1 + j) for j in range(12)} for i in range(5)]


def _jobs(folder: Path, n: int) -> list[wordclouds.CloudJob]:
    return [(folder / f"theme_{i}.png", WEIGHTS[i % len(WEIGHTS)]) for i in range(n)]


@pytest.mark.parametrize("n", [1, 5], ids=["one_cloud", "several_clouds"])
def test_clouds_are_written_where_asked(tmp_path: Path, n: int) -> None:
    jobs = _jobs(tmp_path, n)
    assert wordclouds.write_clouds(jobs) == [path for path, _ in jobs]
    for path, weights in jobs:
        assert path.read_bytes() == wordclouds.word_cloud_png(weights)
    assert not list(tmp_path.glob(".*"))  # no temporary file left
