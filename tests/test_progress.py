"""Progress lines: plain lines on stdout in batch runs (logged at INFO by the pipeline)."""

from __future__ import annotations

import pytest

from helpers.progress import BATCH_ENV, progress


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (3, ["demo: 1/3", "demo: 2/3", "demo: 3/3"]),
        (20, [f"demo: {n}/20" for n in range(2, 21, 2)]),
    ],
    ids=["every_item_when_few", "a_tenth_at_a_time"],
)
def test_batch_progress_goes_to_stdout_not_stderr(
    total: int, expected: list[str], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv(BATCH_ENV, "1")
    assert list(progress(range(total), "demo")) == list(range(total))
    out, err = capsys.readouterr()
    assert [line.split(" elapsed")[0] for line in out.splitlines()] == expected
    assert err == ""
