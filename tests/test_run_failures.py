"""A run that cannot finish says so in one line (what, where, what to do) and in its manifest;
a second run into the same folder stops at once; a killed run's leftovers are cleaned."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from corpus_gen import generate_corpus
from helpers import storage
from helpers.compute import parallel
from helpers.errors import RunError, StageError
from helpers.run import manifest
from helpers.run.pipeline import EXIT_BUSY, failure_reason, main, printable, run_pipeline

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).parents[1] / "data" / "raw"


def test_a_second_run_into_the_same_folder_stops_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    with storage.folder_lock(out):
        rc = main(["--raw-dir", str(SEEDS), "--out-dir", str(out)])
    assert rc == EXIT_BUSY
    err = capsys.readouterr().err
    assert f"process {os.getpid()}" in err and "choose another --out-dir" in err
    assert not (out / "reports" / "manifest.json").exists()


def test_the_folder_lock_is_free_again_after_the_block(tmp_path: Path) -> None:
    with storage.folder_lock(tmp_path):
        pass
    with storage.folder_lock(tmp_path) as lock:
        assert str(os.getpid()) in lock.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "cannot be written"),
        (
            StageError("02_themes.ipynb", 4, "OSError: [Errno 28] No space left on device"),
            "the disk is full",
        ),
        (StageError("03_timeline.ipynb", 5, "KeyError: 'x'"), "FAILED_03_timeline.ipynb"),
        (ValueError("bad\nvalue"), "ValueError: bad value"),
    ],
    ids=["full_disk", "read_only", "full_disk_in_a_notebook", "notebook_error", "one_line"],
)
def test_a_failure_is_one_line_that_says_what_to_do(exc: BaseException, expected: str) -> None:
    reason = failure_reason(exc)
    assert expected in reason
    assert "\n" not in reason


@pytest.mark.parametrize(
    ("failing", "ended"),
    [
        ("01_ingest.ipynb", []),
        ("03_timeline.ipynb", ["01_ingest.ipynb", "02_themes.ipynb"]),
    ],
    ids=["first_stage", "beside_a_stage_that_ends"],
)
def test_a_failed_run_leaves_a_manifest_that_says_failed_and_why(
    tmp_path: Path, failing: str, ended: list[str]
) -> None:
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for name in ended:
        _write_ok_notebook(notebooks / name)
    shutil.copy(FIXTURES / "failing.ipynb", notebooks / failing)
    out = tmp_path / "out"
    with pytest.raises(RunError) as caught:
        run_pipeline(SEEDS, out, notebooks_dir=notebooks)
    assert caught.value.stage == failing
    run = json.loads((out / "reports" / "manifest.json").read_text(encoding="utf-8"))
    assert run["status"].startswith(f"failed: run failed at {failing}")
    assert "corpus has no usable article" in run["status"]
    assert [s["stage"] for s in run["stages"]] == ended
    kept = out / "reports" / "notebooks"
    assert sorted(p.name for p in kept.iterdir()) == [*ended, f"FAILED_{failing}"]
    # The kernels started ahead for the steps the failure left out are stopped too.
    assert [p for p in psutil.Process().children(recursive=True) if _is_kernel(p)] == []


def _write_ok_notebook(path: Path) -> None:
    """A notebook with a parameters cell that takes any value and does nothing."""
    import nbformat

    parameters = nbformat.v4.new_code_cell("out_dir = None", metadata={"tags": ["parameters"]})
    language = {"language_info": {"name": "python"}}
    nbformat.write(nbformat.v4.new_notebook(cells=[parameters], metadata=language), path)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--out-dir", "{file}"], "a folder (this is a file)"),
        (["--out-dir", "{tmp}/a", "-p", "out_dir={tmp}/b"], "the folder of --out-dir"),
    ],
    ids=["out_dir_is_a_file", "two_output_folders"],
)
def test_a_bad_output_folder_is_refused_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    filled = [a.format(file=tmp_path / "file", tmp=tmp_path) for a in argv]
    assert main(["--raw-dir", str(SEEDS), *filled]) == 2
    assert message in capsys.readouterr().err


def test_stale_temporary_files_of_dead_processes_are_removed(tmp_path: Path) -> None:
    dead_pid = 2**22 + 1  # above Linux's largest process id: no process has it
    stale = tmp_path / "data" / "processed" / f".articles.{dead_pid}-3.tmp.parquet"
    alive = tmp_path / "data" / "processed" / f".themes.{os.getpid()}-4.tmp.parquet"
    kept = tmp_path / "data" / "processed" / "articles.parquet"
    for path in (stale, alive, kept):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    assert storage.remove_stale_temps(tmp_path) == 1
    assert not stale.exists() and alive.exists() and kept.exists()


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("article.txt", "article.txt"),
        ("été.txt", "été.txt"),
        ("evil\x1b[31m.txt", "'evil\\x1b[31m.txt'"),
        ("two\nlines.txt", "'two\\nlines.txt'"),
    ],
    ids=["plain", "accents_kept", "ansi_escape", "newline"],
)
def test_file_names_with_control_characters_are_quoted(name: str, shown: str) -> None:
    assert printable(name) == shown


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def _tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A small tmpfs mounted on folder for the block (the test is skipped where not allowed)."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)])
    if mounted.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.e2e
@pytest.mark.skipif(not _can_mount(), reason="needs root to mount a small tmpfs")
def test_a_full_disk_ends_with_one_line_and_a_failed_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _tmpfs(tmp_path / "small", "size=600k") as out:
        rc = main(["--raw-dir", str(SEEDS), "--out-dir", str(out), "-q"])
        run = json.loads((out / "reports" / "manifest.json").read_text(encoding="utf-8"))
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 1
    assert err[-1].startswith("briefing: run failed at ") and "the disk is full" in err[-1]
    assert run["status"].startswith("failed: ") and "the disk is full" in run["status"]


@pytest.mark.skipif(not _can_mount(), reason="needs root to mount a read-only tmpfs")
def test_a_read_only_output_folder_gets_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _tmpfs(tmp_path / "read_only", "size=64k,ro") as out:
        rc = main(["--raw-dir", str(SEEDS), "--out-dir", str(out)])
    assert rc == 2
    err = capsys.readouterr().err
    assert "Read-only file system" in err and "make it writable" in err
    assert "Traceback" not in err


@pytest.fixture(scope="module")
def pooled_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus large enough for ingest and the NER to start worker processes."""
    corpus = tmp_path_factory.mktemp("pooled") / "raw"
    generate_corpus(parallel.PARALLEL_FROM, corpus, seed=0)
    return corpus


@pytest.mark.e2e
def test_a_killed_run_leaves_no_process_and_the_next_run_recovers(
    tmp_path: Path, pooled_corpus: Path
) -> None:
    out = tmp_path / "out"
    command = [str(Path(sys.executable).with_name("briefing")), "--raw-dir", str(pooled_corpus)]
    command += ["--out-dir", str(out), "-q"]
    runner = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers: list[psutil.Process] = []
        for _ in range(600):  # until the kernel has started its worker processes
            workers = [p for p in runner.children(recursive=True) if _is_worker(p)]
            if workers or runner.poll() is not None:
                break
            time.sleep(0.1)
        assert workers, "the run started no worker process"
        family = runner.children(recursive=True)
    finally:
        runner.kill()
        runner.wait()
    _, alive = psutil.wait_procs(family, timeout=30)
    assert [p.pid for p in alive] == []
    assert main(["--raw-dir", str(SEEDS), "--out-dir", str(out), "-q"]) == 0
    assert [p.name for p in out.rglob("*") if storage.TEMP_NAME.match(p.name)] == []


@pytest.mark.e2e
def test_a_finished_run_leaves_no_process_behind(tmp_path: Path, pooled_corpus: Path) -> None:
    """As `make report` runs it: every kernel and worker the run started is gone once the
    command has returned."""
    command = [str(Path(sys.executable).with_name("briefing")), "--raw-dir", str(pooled_corpus)]
    command += ["--out-dir", str(tmp_path / "out"), "-q"]
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as stderr:
        runner = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
    family: dict[psutil.Process, str] = {}  # every descendant seen, with its command line
    while runner.poll() is None:
        with contextlib.suppress(psutil.Error):
            for process in runner.children(recursive=True):
                # The latest command line seen: a process caught between fork and exec
                # still shows its parent's.
                family[process] = _command_line(process) or family.get(process, "")
        time.sleep(0.05)
    assert runner.returncode == 0, errors.read_text(encoding="utf-8")
    # A quiet run that met no problem says nothing: no warning from the kernels' clients (each
    # stopped with its kernel) or from the libraries.
    assert errors.read_text(encoding="utf-8") == ""
    kernels = [p for p, line in family.items() if "ipykernel" in line]
    assert len(kernels) >= 4  # one per notebook, each in a kernel of its own
    assert any("multiprocessing" in line for line in family.values())  # workers ran too
    _, alive = psutil.wait_procs(list(family), timeout=10)
    assert [(p.pid, family[p]) for p in alive] == []


def _command_line(process: psutil.Process) -> str:
    """The process's command line, or "" once it is gone."""
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def _is_worker(process: psutil.Process) -> bool:
    """True for a multiprocessing child (a worker or the resource tracker)."""
    try:
        return "multiprocessing" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def test_after_a_killed_run_the_manifest_tells_which_run_each_output_comes_from(
    tmp_path: Path,
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    an_hour_ago = time.time() - 3600
    for name in ("briefing.pdf", "briefing.html"):
        (reports / name).write_bytes(b"old")
        os.utime(reports / name, (an_hour_ago, an_hour_ago))
    earlier = {
        "run_id": "run A",
        "outputs": manifest.output_entries(
            tmp_path, [reports / "briefing.pdf", reports / "briefing.html"], "run A"
        ),
    }
    run = manifest.new_manifest(SEEDS, tmp_path, {}, earlier)
    (reports / "briefing.html").write_bytes(b"new")  # this run got that far, then was killed
    manifest.mark_replaced(run, tmp_path, run["started"])
    runs = {entry["path"]: entry["run"] for entry in run["outputs"]}
    assert runs == {"reports/briefing.pdf": "run A", "reports/briefing.html": run["run_id"]}


def test_a_worker_whose_parent_died_while_it_started_exits_at_once() -> None:
    worker = parallel.spawn_context().Process(target=time.sleep, args=(600,))
    worker.creator_pid = 2**22 + 1  # the parent that started it is gone (no such process id)
    worker.start()
    worker.join(timeout=120)
    assert worker.exitcode == 1  # it exited by itself instead of sleeping ten minutes


def _is_kernel(process: psutil.Process) -> bool:
    """True for a Jupyter kernel process."""
    return "ipykernel" in _command_line(process)
