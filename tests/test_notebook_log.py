"""A notebook's printed output reaches the run's log: stdout at INFO, stderr at WARNING."""

from __future__ import annotations

import logging

import pytest

from helpers.run.notebook_log import LogStream, notebook_streams


@pytest.mark.parametrize(
    ("writes", "expected"),
    [
        (["ingest: read: 1/5\n"], ["ingest: read: 1/5"]),
        (["a\nb\n"], ["a", "b"]),
        (["ingest: re", "ad: 2/5\n"], ["ingest: read: 2/5"]),
        (["\n", "  \n", "x  \n"], ["x"]),
        (["no newline at the end"], []),
    ],
    ids=[
        "one_line",
        "two_lines_at_once",
        "line_in_two_writes",
        "blank_lines_dropped",
        "partial_waits",
    ],
)
def test_each_complete_line_is_one_record(
    writes: list[str], expected: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    stream = LogStream(logging.getLogger("helpers.notebook.test"), logging.INFO)
    with caplog.at_level(logging.INFO, logger="helpers.notebook"):
        for text in writes:
            assert stream.write(text) == len(text)
    assert [r.getMessage() for r in caplog.records] == expected


def test_close_logs_a_last_line_without_newline(caplog: pytest.LogCaptureFixture) -> None:
    stream = LogStream(logging.getLogger("helpers.notebook.test"), logging.WARNING)
    with caplog.at_level(logging.INFO, logger="helpers.notebook"):
        stream.write("last words")
        stream.close()
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [("WARNING", "last words")]


def test_stdout_is_info_and_stderr_is_warning(caplog: pytest.LogCaptureFixture) -> None:
    stdout, stderr = notebook_streams("01_ingest.ipynb")
    with caplog.at_level(logging.INFO, logger="helpers.notebook"):
        stdout.write("ingest: read: 5/5 elapsed 0.1s ETA 0.0s\n")
        stderr.write("UserWarning: something real\n")
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        ("helpers.notebook.01_ingest.ipynb", "INFO", "ingest: read: 5/5 elapsed 0.1s ETA 0.0s"),
        ("helpers.notebook.01_ingest.ipynb", "WARNING", "UserWarning: something real"),
    ]
