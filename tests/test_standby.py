"""The kernel kept on standby between runs: taken over by the next run with the same code and
environment, never shared by two runs, stopped when idle, when broken, or when the code changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

from helpers import config, kernel, standby
from helpers.pipeline import shared_kernel


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, 1800.0), ("", 1800.0), ("0", 0.0), ("90", 90.0), ("2.5", 2.5)],
    ids=["unset", "empty", "off", "seconds", "fraction"],
)
def test_idle_seconds_from_the_environment(monkeypatch, value, expected) -> None:
    if value is None:
        monkeypatch.delenv(standby.IDLE_ENV, raising=False)
    else:
        monkeypatch.setenv(standby.IDLE_ENV, value)
    assert standby.idle_seconds() == expected


@pytest.mark.parametrize(
    "value", ["-1", "ten", "1e", "nan"], ids=["negative", "word", "malformed", "nan"]
)
def test_bad_idle_seconds_are_refused(value) -> None:
    with pytest.raises(ValueError, match="seconds >= 0"):
        standby.idle_seconds(value)


def test_bad_idle_seconds_are_named_with_their_source(tmp_path, monkeypatch, capsys) -> None:
    from helpers.pipeline import main

    assert main(["--raw-dir", str(tmp_path), "--kernel-idle", "-5"]) == 2
    assert "--kernel-idle: expected a number of seconds >= 0, got '-5'" in capsys.readouterr().err
    monkeypatch.setenv(standby.IDLE_ENV, "soon")
    assert main(["--raw-dir", str(tmp_path)]) == 2
    assert f"{standby.IDLE_ENV}: expected a number" in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()


def test_identity_follows_what_the_kernel_inherits(tmp_path: Path) -> None:
    env = {"HOME": "/home/a", "LANG": "fr_FR.UTF-8", "PWD": "/x", "SHLVL": "1"}
    checkout, code = standby.identity("k", tmp_path, env)
    # A shell's own variables (working folder, nesting level, make's flags) do not count...
    moved = {**env, "PWD": "/y", "SHLVL": "3", "MAKEFLAGS": "-j2", "SPARK_LOCAL_IP": "127.0.0.1"}
    assert standby.identity("k", tmp_path, moved) == (checkout, code)
    # ...those the kernel would run with do.
    assert standby.identity("k", tmp_path, {**env, "LANG": "C"})[1] != code
    assert standby.identity("k", tmp_path, {**env, "TZ": "UTC"})[1] != code
    # Another notebooks folder or kernel name is another checkout.
    assert standby.identity("k", tmp_path / "other", env)[0] != checkout
    assert standby.identity("other", tmp_path, env)[0] != checkout


def test_a_slot_is_held_by_one_run_at_a_time(standby_home: Path) -> None:
    with standby.claimed("c", "v1") as first:
        assert first is not None
        with standby.claimed("c", "v1") as second:
            assert second is None  # this run would start a kernel of its own
    with standby.claimed("c", "v1") as again:
        assert again is not None


def test_a_lock_file_removed_by_its_holder_is_locked_anew(tmp_path: Path) -> None:
    path = tmp_path / "slot.lock"
    holder = standby.try_lock(path)
    assert holder is not None
    path.unlink()  # the holder stops the slot and removes its files
    holder.close()
    fresh = standby.try_lock(path)
    assert fresh is not None and path.exists()
    assert standby.try_lock(path) is None
    fresh.close()


@pytest.fixture
def sleeper() -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Starts processes standing for kernels (with a worker process of their own, if asked);
    those still running after the test are killed."""
    started: list[subprocess.Popen[bytes]] = []

    def start(with_child: bool = False) -> subprocess.Popen[bytes]:
        code = "import subprocess, sys, time\n"
        if with_child:
            code += "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        code += "print('up', flush=True); time.sleep(60)\n"
        process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
        started.append(process)
        assert process.stdout is not None and process.stdout.readline() == b"up\n"
        return process

    yield start
    for process in started:
        process.kill()
        process.wait()


def _record_of(process: subprocess.Popen[bytes]) -> standby.Record:
    return standby.Record.of(process.pid, {"ip": "127.0.0.1", "key": b"secret"})


def test_take_returns_a_live_kernel_once(standby_home: Path, sleeper) -> None:
    process = sleeper()
    with standby.claimed("c", "v1") as claim:
        assert claim is not None and claim.take() is None
        claim.keep(_record_of(process))
        assert json.loads(claim.record_path.read_text())["connection"]["key"] == "secret"
        taken = claim.take()
        assert taken is not None and taken.pid == process.pid
        # A kernel in use is never on record: a second run cannot find it.
        assert not claim.record_path.exists() and claim.take() is None


def test_take_forgets_a_dead_kernel_a_reused_pid_and_a_broken_record(
    standby_home, sleeper, caplog
) -> None:
    process = sleeper()
    record = _record_of(process)
    process.kill()
    process.wait()
    with standby.claimed("c", "v1") as claim:
        assert claim is not None
        claim.keep(record)
        assert claim.take() is None and not claim.record_path.exists()
        # Our own pid, but not the process that started then: a pid reused since.
        claim.keep(standby.Record(os.getpid(), psutil.Process().create_time() - 100, {}))
        assert claim.take() is None
        claim.record_path.write_text("{not json", encoding="utf-8")
        assert claim.take() is None and not claim.record_path.exists()
    assert "unreadable" in caplog.text and "{not json" not in caplog.text


def test_stop_ends_the_kernel_and_its_workers(standby_home: Path, sleeper) -> None:
    process = sleeper(with_child=True)
    worker = psutil.Process(process.pid).children()[0]
    record = _record_of(process)
    assert record.running() and record.stop()
    process.wait(timeout=5)
    assert not record.running()
    assert not worker.is_running() or worker.status() == psutil.STATUS_ZOMBIE
    assert not record.stop()  # already gone


def test_a_new_code_version_stops_the_old_idle_kernel(standby_home: Path, sleeper) -> None:
    old = sleeper()
    with standby.claimed("c", "v1") as claim:
        assert claim is not None
        claim.keep(_record_of(old))
    with standby.claimed("c", "v2") as claim:
        assert claim is not None and claim.take() is None
    old.wait(timeout=5)
    assert sorted(p.name for p in standby_home.iterdir()) == ["c-v2.lock"]


def test_stop_all_leaves_a_kernel_in_use(standby_home: Path, sleeper) -> None:
    process = sleeper()
    with standby.claimed("c", "v1") as claim:
        assert claim is not None
        claim.keep(_record_of(process))
        assert standby.stop_all() == 0  # a run holds it
        assert process.poll() is None
    assert standby.stop_all() == 1
    process.wait(timeout=5)


@pytest.fixture
def slot(standby_home: Path, monkeypatch: pytest.MonkeyPatch) -> standby.Claim:
    """The kernel-side standby state pointed at a slot of the test's own."""
    claim = standby.Claim(standby_home / "c-v1.json", standby_home / "c-v1.lock", Path("log"))
    monkeypatch.setattr(kernel, "_STANDBY", kernel._Standby())
    kernel._STANDBY.lock_path, kernel._STANDBY.record_path = claim.lock_path, claim.record_path
    return claim


def test_idle_kernel_forgets_its_record_and_exits(slot: standby.Claim) -> None:
    left: list[bool] = []
    slot.keep(standby.Record.of(os.getpid(), {}))
    kernel._STANDBY.deadline = time.monotonic() - 1
    assert kernel.stop_if_idle(lambda: left.append(True))
    assert left == [True] and not slot.record_path.exists()


def test_kernel_waits_while_a_run_holds_it_or_after_a_new_deadline(slot: standby.Claim) -> None:
    left: list[bool] = []
    kernel._STANDBY.deadline = time.monotonic() - 1
    held = standby.try_lock(slot.lock_path)
    assert held is not None
    assert not kernel.stop_if_idle(lambda: left.append(True))
    held.close()
    kernel._STANDBY.deadline = time.monotonic() + 60  # the run ended: keep() set a new one
    assert not kernel.stop_if_idle(lambda: left.append(True))
    assert left == []


def test_idle_kernel_leaves_the_record_of_another_kernel(slot: standby.Claim, sleeper) -> None:
    slot.keep(_record_of(sleeper()))
    kernel._STANDBY.deadline = time.monotonic() - 1
    assert kernel.stop_if_idle(lambda: None)
    assert slot.record_path.exists()


def _pid(shared) -> int:
    return shared.record().pid


def _gone(pid: int, timeout: float = 15.0) -> bool:
    """Whether the process ends (or is only a zombie left to reap) within timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False


def test_next_run_takes_over_the_kernel_and_a_failed_run_stops_it(
    standby_home: Path, tmp_path: Path
) -> None:
    with shared_kernel(config.KERNEL_NAME, tmp_path, idle=60) as shared:
        assert not shared.reused
        first = _pid(shared)
        shared.run("import helpers.kernel; warmed = True")
    assert psutil.pid_exists(first)
    with shared_kernel(config.KERNEL_NAME, tmp_path, idle=60) as shared:
        assert shared.reused and _pid(shared) == first
        # Same process, libraries still loaded; a run's variables are emptied by the reset
        # before each notebook (run_notebook), not here.
        shared.run("import sys; assert 'helpers.kernel' in sys.modules and warmed")
    with (
        pytest.raises(RuntimeError, match="stage failed"),
        shared_kernel(config.KERNEL_NAME, tmp_path, idle=60) as shared,
    ):
        assert shared.reused
        raise RuntimeError("stage failed")
    assert _gone(first)
    assert not list(standby_home.glob("*.json"))
    with shared_kernel(config.KERNEL_NAME, tmp_path, idle=60) as shared:
        assert not shared.reused and _pid(shared) != first


def test_kernel_stops_by_itself_once_idle_with_its_workers(standby_home, tmp_path) -> None:
    with shared_kernel(config.KERNEL_NAME, tmp_path, idle=1) as shared:
        pid = _pid(shared)
        # A process of the kernel's own, as the NER worker kept on standby.
        shared.run(
            "import subprocess, sys; _worker = subprocess.Popen("
            "[sys.executable, '-c', 'import time; time.sleep(60)'])"
        )
        (worker,) = psutil.Process(pid).children()
    assert list(standby_home.glob("*.json"))
    assert _gone(pid) and _gone(worker.pid, timeout=1)
    assert not list(standby_home.glob("*.json"))


def test_without_standby_the_kernel_stops_with_the_run(standby_home: Path, tmp_path) -> None:
    with shared_kernel(config.KERNEL_NAME, tmp_path, idle=0) as shared:
        pid = _pid(shared)
    assert _gone(pid, timeout=5)
    assert not list(standby_home.glob("*.json"))


@pytest.mark.e2e
def test_a_run_on_the_standby_kernel_writes_what_a_new_kernel_writes(
    standby_home: Path, tmp_path: Path
) -> None:
    from conftest import SEEDS_DIR
    from helpers.pipeline import main
    from helpers.storage import read_parquet

    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    corpora = {"a": seeds[:3], "b": seeds[2:]}  # the second run reads another corpus
    for name, files in corpora.items():
        (tmp_path / name).mkdir()
        for seed in files:
            (tmp_path / name / seed.name).write_bytes(seed.read_bytes())

    def run(corpus: str, out: str, *options: str) -> dict:
        argv = ["--raw-dir", str(tmp_path / corpus), "--out-dir", str(tmp_path / out), "-q"]
        assert main([*argv, *options]) == 0
        manifest = (tmp_path / out / "reports" / "manifest.json").read_text(encoding="utf-8")
        return json.loads(manifest)["kernel"]

    assert run("a", "a_out") == {"reused": False, "standby_seconds": 60.0}
    assert run("b", "b_standby") == {"reused": True, "standby_seconds": 60.0}
    assert run("b", "b_new", "--kernel-idle", "0") == {"reused": False, "standby_seconds": 0.0}
    for table in ("articles", "themes", "doc_themes", "events", "timeline", "actors"):
        on_standby, on_new = (
            read_parquet(tmp_path / out / "data" / "processed" / f"{table}.parquet")
            for out in ("b_standby", "b_new")
        )
        assert len(on_standby) and on_standby.equals(on_new), table
    assert (tmp_path / "b_standby" / "reports" / "briefing.pdf").stat().st_size > 10_000
    assert main(["--stop-kernel"]) == 0 and not list(standby_home.glob("*.json"))


def test_the_record_folder_is_private(standby_home: Path) -> None:
    standby_home.chmod(0o755)
    assert standby.folder().stat().st_mode & 0o777 == 0o700


def test_a_kernel_that_cannot_be_recorded_stops_and_the_run_goes_on(
    standby_home: Path, tmp_path: Path, monkeypatch, caplog
) -> None:
    def disk_full(self, record) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(standby.Claim, "keep", disk_full)
    with shared_kernel(config.KERNEL_NAME, tmp_path, idle=60) as shared:
        pid = _pid(shared)
    assert "could not be kept on standby" in caplog.text and "No space left" in caplog.text
    assert _gone(pid, timeout=5)
    assert not list(standby_home.glob("*.json"))
