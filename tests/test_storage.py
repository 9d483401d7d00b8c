"""Atomic writes: a failed write leaves the previous file intact and no temporary behind."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pandas as pd
import pytest

from helpers import storage


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path) -> None:
    target = tmp_path / "table.parquet"
    storage.write_parquet(target, pd.DataFrame({"a": [1]}))
    with pytest.raises(RuntimeError), storage.atomic_path(target) as tmp:
        tmp.write_bytes(b"half a table")
        raise RuntimeError("interrupted")
    assert pd.read_parquet(target)["a"].tolist() == [1]
    assert [p.name for p in tmp_path.iterdir()] == ["table.parquet"]


def test_written_files_are_readable_by_others(tmp_path) -> None:
    path = storage.write_text(tmp_path / "x.html", "<p>é</p>")
    assert path.read_text(encoding="utf-8") == "<p>é</p>"
    assert path.stat().st_mode & 0o044  # group/other can read


def test_missing_table_message_names_the_file(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match=r"articles\.parquet"):
        storage.read_parquet(tmp_path / "articles.parquet")


def test_write_bytes_creates_the_folder_and_replaces_whole_files(tmp_path) -> None:
    target = tmp_path / "a" / "b" / "record.json"
    storage.write_bytes(target, b'{"v": 1}')
    storage.write_bytes(target, b'{"v": 2}')
    assert target.read_bytes() == b'{"v": 2}'
    assert [p.name for p in target.parent.iterdir()] == ["record.json"]


def test_failed_write_bytes_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path, monkeypatch
) -> None:
    target = storage.write_bytes(tmp_path / "record.json", b"old")

    def disk_full(fd: int, data: memoryview) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "write", disk_full)
    with pytest.raises(OSError, match="No space"):
        storage.write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["record.json"]


def test_a_stale_temporary_file_of_the_same_name_is_stepped_over(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(storage, "_SERIAL", itertools.count(7))
    stale = tmp_path / f".notes.{os.getpid()}-7.tmp.txt"  # left by a crashed process
    stale.write_text("half written")
    with storage.atomic_path(tmp_path / "notes.txt") as tmp:
        assert tmp != stale
        tmp.write_text("complete")
    assert (tmp_path / "notes.txt").read_text() == "complete"
    assert stale.read_text() == "half written"
