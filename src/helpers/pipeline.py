"""Run the four notebooks in sequence with papermill, export the briefing, write the manifest.

Also the `briefing` console script: `briefing --raw-dir data/raw --out-dir .`.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import importlib
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from helpers import config, manifest, memory, params, standby, storage
from helpers.errors import ParameterError, RunError, StageError
from helpers.fastimport import skip_slow_optional_imports
from helpers.progress import BATCH_ENV

if TYPE_CHECKING:
    from jupyter_client.blocking.client import BlockingKernelClient
    from jupyter_client.manager import KernelManager

log = logging.getLogger("helpers")
NOTEBOOKS = tuple(model.notebook for model in params.STAGES)
# Exit status when another run holds the output folder (EX_TEMPFAIL: try again later).
EXIT_BUSY = 75
# Imported in the kernel as soon as it is up (helpers.kernel.warm_up), while this process still
# loads papermill: the first notebook then starts with its libraries loaded.
_PRELOADED = (
    "helpers.ingest",
    "helpers.theming",
    "helpers.extraction",
    "helpers.actors",
    "helpers.briefing",
    "helpers.render",
    "IPython.display",
)


def _warm_up_code() -> str:
    """Kernel code for the warm-up: the imports (see helpers.kernel.warm_up)."""
    return f"import helpers.kernel; helpers.kernel.warm_up({_PRELOADED!r})"


def ensure_kernel(name: str = config.KERNEL_NAME) -> None:
    """Register this environment's Jupyter kernel under name if it is not there yet."""
    from jupyter_client.kernelspec import KernelSpecManager

    if name in KernelSpecManager().find_kernel_specs():
        return
    from ipykernel.kernelspec import install

    install(kernel_name=name, display_name="Python (briefing IA Maroc)", prefix=sys.prefix)
    log.info("registered Jupyter kernel %s in %s", name, sys.prefix)


@dataclass
class SharedKernel:
    """A running kernel and the client that empties its namespace between notebooks."""

    km: KernelManager
    client: BlockingKernelClient
    reused: bool = False  # taken over from a standby kernel (helpers.standby)

    def reset_namespace(self) -> None:
        """Forget every variable of the previous notebook (see helpers.kernel.reset)."""
        self.run("import helpers.kernel; helpers.kernel.reset()")

    def run(self, code: str) -> None:
        """Run code in the kernel, outside any notebook."""
        self.client.execute_interactive(code, timeout=60)

    def start(self, code: str) -> None:
        """Send code to the kernel and return at once: requests sent after it (a notebook's
        cells included) wait until it is done. Its errors are not reported: use it only for
        work a notebook would redo and report anyway (imports)."""
        self.client.execute(code, silent=True, store_history=False)

    def record(self) -> standby.Record:
        """The kernel's address, to find it again from another run."""
        from helpers.kernelclient import StandbyKernelManager

        if isinstance(self.km, StandbyKernelManager):
            return self.km.record
        assert self.km.provisioner is not None
        pid = self.km.provisioner.pid  # type: ignore[attr-defined]
        return standby.Record.of(pid, dict(self.km.get_connection_info()))


@contextmanager
def shared_kernel(
    kernel: str, cwd: Path, warm_up: str = "pass", idle: float = 0.0
) -> Iterator[SharedKernel]:
    """One kernel for the whole run: libraries and the NER model load once, not per notebook.
    Each notebook still starts from an empty namespace (see run_notebook).

    With idle > 0, the kernel of an earlier run waiting on standby is taken over if there is
    one, and after a successful run the kernel stays on standby for idle seconds
    (helpers.standby); otherwise it stops with the run."""
    slot: contextlib.AbstractContextManager[standby.Claim | None] = contextlib.nullcontext()
    if idle > 0:
        slot = standby.claimed(*standby.identity(kernel, cwd, dict(os.environ)))
    with slot as claim:
        shared = _take_over(claim, kernel) or _launch(kernel, cwd, claim)
        kept = False
        try:
            if claim is not None:
                # A kernel whose run is killed stops after idle seconds all the same.
                shared.start(_keep_code(claim, idle))
            shared.start(warm_up)
            yield shared
            if claim is not None:
                kept = _put_on_standby(shared, claim, idle)
        finally:
            shared.client.stop_channels()
            if kept:
                shared.km.cleanup_connection_file()  # the record holds the connection info
            else:
                shared.km.shutdown_kernel(now=True)


def _put_on_standby(shared: SharedKernel, claim: standby.Claim, idle: float) -> bool:
    """Leave the kernel waiting for the next run; False (the caller stops it) if that fails:
    the run's own work is done, so a full disk or a kernel gone at this point only costs the
    next run a new kernel."""
    try:
        shared.run(_keep_code(claim, idle))
        shared.start("helpers.kernel.settle()")
        claim.keep(shared.record())
    except Exception as exc:
        log.warning("the kernel could not be kept on standby (%s): it stops", exc)
        claim.record_path.unlink(missing_ok=True)
        return False
    return True


def _keep_code(claim: standby.Claim, idle: float) -> str:
    return (
        "import helpers.kernel; helpers.kernel.keep("
        f"{str(claim.lock_path)!r}, {str(claim.record_path)!r}, {idle!r})"
    )


def _take_over(claim: standby.Claim | None, kernel: str) -> SharedKernel | None:
    """The standby kernel of this slot, connected and answering; None if there is none (a
    kernel that does not answer within a few seconds is stopped)."""
    record = claim.take() if claim is not None else None
    if record is None:
        return None
    from helpers.kernelclient import QuickReadyClient, StandbyKernelManager

    km = StandbyKernelManager(
        record, kernel_name=kernel, client_factory=QuickReadyClient, blocking_class=QuickReadyClient
    )
    client = km.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=5)
    except RuntimeError as exc:
        log.warning("standby kernel %d did not answer (%s): starting a new one", record.pid, exc)
        client.stop_channels()
        record.stop()
        return None
    return SharedKernel(km, client, reused=True)


def _launch(kernel: str, cwd: Path, claim: standby.Claim | None) -> SharedKernel:
    """Start a kernel. One that may go on standby (a claim) outlives this process: its own
    output goes to the slot's log file instead of this process's terminal."""
    from jupyter_client.manager import KernelManager

    from helpers.kernelclient import QuickReadyClient

    # Clients (this one, and papermill's one per notebook) are ready as soon as the kernel has
    # answered (helpers.kernelclient), without jupyter_client's fixed 0.2 s wait.
    km = KernelManager(
        kernel_name=kernel, client_factory=QuickReadyClient, blocking_class=QuickReadyClient
    )
    env = {key: value for key, value in os.environ.items() if key != "JPY_PARENT_PID"}
    # The kernel's own warnings at start ("running over TCP without encryption": it listens on
    # localhost only) are not the reader's concern; its errors still show.
    options: dict[str, Any] = {"extra_arguments": ["--log-level=ERROR"]}
    with contextlib.ExitStack() as files:
        if claim is not None:
            output = files.enter_context(claim.log_path.open("w", encoding="utf-8"))
            options.update(independent=True, stdin=subprocess.DEVNULL, stdout=output, stderr=output)
        km.start_kernel(cwd=str(cwd), env=env, **options)
    client = km.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
    except BaseException:
        client.stop_channels()
        km.shutdown_kernel(now=True)
        raise
    return SharedKernel(km, client)


def run_notebook(
    notebook: str,
    parameters: dict[str, Any],
    out_dir: Path,
    notebooks_dir: Path,
    kernel: str,
    shared: SharedKernel | None = None,
) -> Path:
    """Execute one notebook into out_dir/reports/notebooks/ atomically; StageError on failure.
    With a shared kernel, it runs there, the namespace emptied first."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    target = out_dir / config.REPORTS_SUBDIR / "notebooks" / notebook
    target.parent.mkdir(parents=True, exist_ok=True)
    engine_options: dict[str, Any] = {"shutdown_kernel": "immediate"}
    if shared is not None:
        shared.reset_namespace()
        engine_options = {"km": shared.km}
    with storage.atomic_path(target) as tmp:
        try:
            papermill.execute_notebook(
                str(notebooks_dir / notebook),
                str(tmp),
                parameters=parameters,
                kernel_name=kernel,
                cwd=str(notebooks_dir),
                progress_bar=False,
                log_output=True,
                request_save_on_cell_execute=False,
                **engine_options,
            )
        except PapermillExecutionError as exc:
            # Keep the failed notebook beside the good ones, so the traceback can be read.
            shutil.copyfile(tmp, target.with_name(f"FAILED_{notebook}"))
            raise StageError(notebook, exc.exec_count, f"{exc.ename}: {exc.evalue}") from exc
    return target


def run_pipeline(
    raw_dir: Path,
    out_dir: Path,
    values: dict[str, Any] | None = None,
    notebooks_dir: Path = config.NOTEBOOKS_DIR,
    kernel: str = config.KERNEL_NAME,
    kernel_idle: float | None = None,
) -> dict[str, Any]:
    """Run ingest -> themes -> timeline -> briefing on raw_dir, writing under out_dir.

    One run at a time per out_dir (storage.FolderBusy for a second one). A run that fails
    leaves a manifest whose status says why, and raises.
    kernel_idle: seconds the kernel stays on standby for the next run (helpers.standby);
    None: $BRIEFING_KERNEL_IDLE or 1800; 0: it stops with the run."""
    raw_dir, out_dir = Path(raw_dir).resolve(), Path(out_dir).resolve()
    all_values = {"raw_dir": str(raw_dir), "out_dir": str(out_dir), **(values or {})}
    per_stage = params.split_for_stages(all_values)  # stops here on a bad parameter
    idle = standby.idle_seconds() if kernel_idle is None else kernel_idle
    ensure_kernel(kernel)
    with storage.folder_lock(out_dir):
        for folder in (config.PROCESSED_SUBDIR, config.INTERIM_SUBDIR, config.REPORTS_SUBDIR):
            storage.remove_stale_temps(out_dir / folder)
        manifest_path = out_dir / config.REPORTS_SUBDIR / "manifest.json"
        previous = manifest.read_previous(manifest_path)
        run = manifest.new_manifest(raw_dir, out_dir, all_values, previous)
        try:
            storage.write_json(manifest_path, run)  # "running": the old outputs are not this run's
            _run_stages(run, manifest_path, per_stage, out_dir, notebooks_dir, kernel, idle)
            run["status"] = "ok"
            storage.write_json(manifest_path, run)
        except BaseException as exc:
            failure = RunError(_current_stage(run), failure_reason(exc))
            run["status"] = f"failed: {failure}"
            manifest.mark_replaced(run, out_dir, run["started"])
            with contextlib.suppress(OSError):  # the failure is reported all the same
                storage.write_json_on_full_disk(manifest_path, run)
            if isinstance(exc, Exception):
                raise failure from exc
            raise
    return run


def _run_stages(
    run: dict[str, Any],
    manifest_path: Path,
    per_stage: dict[str, dict[str, Any]],
    out_dir: Path,
    notebooks_dir: Path,
    kernel: str,
    idle: float,
) -> None:
    """The four notebooks on one kernel, then the export; run (the manifest) filled in and
    written as each stage ends."""
    os.environ[BATCH_ENV] = "1"
    skip_slow_optional_imports()
    # This process waits while the kernel starts and works: it loads papermill (needed by the
    # first notebook, ~1 s) and then the export libraries meanwhile.
    threading.Thread(target=_preload_libraries, daemon=True).start()
    try:
        warm_up = _warm_up_code()
        with shared_kernel(kernel, notebooks_dir, warm_up, idle) as shared:
            run["kernel"] = {"reused": shared.reused, "standby_seconds": idle}
            for index, notebook in enumerate(NOTEBOOKS, start=1):
                log.info("[%d/%d] %s", index, len(NOTEBOOKS) + 1, notebook)
                started = time.perf_counter()
                run_notebook(notebook, per_stage[notebook], out_dir, notebooks_dir, kernel, shared)
                seconds = round(time.perf_counter() - started, 2)
                run["stages"].append({"stage": notebook, "seconds": seconds})
                manifest.mark_replaced(run, out_dir, run["started"])
                storage.write_json(manifest_path, run)
        log.info("[%d/%d] export HTML + PDF", len(NOTEBOOKS) + 1, len(NOTEBOOKS) + 1)
        started = time.perf_counter()
        from helpers.render import export_briefing

        # The libraries loaded so far (~300,000 objects) stay until exit: frozen, they are not
        # scanned by every collection WeasyPrint's many small objects trigger (export 4.0 ->
        # 3.0 s on 1,000 articles).
        memory.freeze_survivors()
        outputs = export_briefing(
            out_dir / config.REPORTS_SUBDIR / "notebooks" / NOTEBOOKS[-1],
            out_dir / config.REPORTS_SUBDIR,
        )
        run["stages"].append(
            {"stage": "export", "seconds": round(time.perf_counter() - started, 2)}
        )
    finally:
        os.environ.pop(BATCH_ENV, None)
    run["problems"] = _problems(out_dir)
    run["corpus"] = _corpus_counts(out_dir)
    processed = sorted((out_dir / config.PROCESSED_SUBDIR).glob("*.parquet"))
    run["outputs"] = manifest.output_entries(out_dir, [*processed, *outputs], run["run_id"])


def _current_stage(run: dict[str, Any]) -> str:
    """The stage a run was at: the one after the last that ended."""
    stages = [*NOTEBOOKS, "export"]
    done = len(run["stages"])
    return stages[done] if done < len(stages) else "the manifest"


def failure_reason(exc: BaseException) -> str:
    """What went wrong, in one line: the error, and for a full disk or a folder that cannot be
    written, what to do."""
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted"
    if isinstance(exc, StageError):
        text = f"cell {exc.cell}: {exc.reason}"
    elif isinstance(exc, OSError):
        text = str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}"
    text = " ".join(text.split())
    code = exc.errno if isinstance(exc, OSError) else None
    for error, advice in _ADVICE.items():
        # A notebook's error arrives as text: "OSError: [Errno 28] No space left on device".
        if code == error or os.strerror(error) in text:
            return f"{text} ({advice})"
    if isinstance(exc, StageError):
        kept = Path(config.REPORTS_SUBDIR) / "notebooks" / f"FAILED_{exc.notebook}"
        return f"{text} (the failed notebook, with its traceback, is kept as {kept})"
    return text


_FULL_DISK = "the disk is full: free some space or choose another --out-dir, then run again"
_READ_ONLY = "the folder cannot be written: make it writable or choose another --out-dir"
# What to do after a system error, by its errno.
_ADVICE = {
    errno.ENOSPC: _FULL_DISK,
    errno.EDQUOT: _FULL_DISK,
    errno.EROFS: _READ_ONLY,
    errno.EACCES: _READ_ONLY,
}


def _preload_libraries() -> None:
    """Import papermill, then what export_briefing and the manifest need (nbconvert,
    WeasyPrint, pandas), and rehearse the export (fonts, templates), in the background; a
    failure here only means the caller does it itself. (The kernel starts before any of them
    loads.)"""
    try:
        importlib.import_module("papermill")
        from helpers.parallel import lower_priority

        # The first notebook needs papermill; the rest can wait behind the kernel's work.
        lower_priority(thread_only=True)
        from helpers.render import quiet_renderer_logs, rehearse_export

        quiet_renderer_logs()
        for name in ("nbconvert", "weasyprint", "pandas"):
            importlib.import_module(name)
        rehearse_export()
    except Exception as exc:  # pragma: no cover - the caller reports the real error
        log.debug("preloading the libraries failed: %s", exc)


def _problems(out_dir: Path) -> list[dict[str, str]]:
    """The problems the stages recorded (unreadable or skipped files, bad sources.csv rows,
    rows set aside by a schema)."""
    return storage.read_problems(out_dir / config.PROCESSED_SUBDIR).to_dict("records")


def _corpus_counts(out_dir: Path) -> dict[str, int]:
    """How many files the articles table holds, how many readable, how many the briefing is
    about (readable, relevant, not duplicates)."""
    articles = storage.read_parquet(out_dir / config.PROCESSED_SUBDIR / "articles.parquet")
    readable = articles["readable"]
    core = readable & articles["relevant"] & articles["duplicate_of"].isna()
    return {"files": len(articles), "readable": int(readable.sum()), "core": int(core.sum())}


def _drop_client_noise(record: logging.LogRecord) -> bool:
    """Hide jupyter_client's harmless warning about clients closed with the shared kernel."""
    return not str(record.msg).startswith("Could not destroy zmq context")


def _parameter_value(text: str) -> tuple[str, Any]:
    """Parse NAME=VALUE from the command line (see params.from_text)."""
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    name, value = text.split("=", 1)
    try:
        return name.strip(), params.from_text(name.strip(), value)
    except ValueError as exc:  # YAML that does not parse: a broken quote
        raise argparse.ArgumentTypeError(f"{name.strip()}: cannot read {value!r} ({exc})") from exc


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Build the briefing on AI in Morocco from a folder of article dumps.",
        epilog="Stage parameters: "
        + " | ".join(f"{m.notebook}: {params.describe(m)}" for m in params.STAGES),
    )
    parser.add_argument(
        "--raw-dir", type=Path, default=config.RAW_DIR, help="corpus folder (.txt, .html)"
    )
    parser.add_argument(
        "--out-dir", type=Path, default=None, help="output folder (default: the project)"
    )
    parser.add_argument("--language", choices=["fr", "en"], default=None, help="briefing language")
    parser.add_argument(
        "--n-themes", type=int, default=None, help="number of themes (default: from corpus size)"
    )
    parser.add_argument("--relevance-threshold", type=float, default=None, help="0..1, default 0.5")
    parser.add_argument(
        "--previous", type=Path, default=None, help="older output folder to compare with"
    )
    parser.add_argument(
        "-p",
        "--parameter",
        action="append",
        type=_parameter_value,
        default=[],
        metavar="NAME=VALUE",
        help="any other stage parameter (repeatable)",
    )
    parser.add_argument(
        "--kernel-idle",
        default=None,
        metavar="SECONDS",
        help="keep the kernel on standby this long after the run, for the next one to start "
        f"warm (default ${standby.IDLE_ENV} or {standby.DEFAULT_IDLE_SECONDS}; 0: stop it)",
    )
    parser.add_argument(
        "--stop-kernel", action="store_true", help="stop the kernels on standby, then exit"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    return parser


def _output_folder(out_dir: Path | None, values: dict[str, Any]) -> Path:
    """The output folder: --out-dir, or -p out_dir (the same thing; both must then agree),
    else the project; ParameterError when it cannot be one (a file, two different folders)."""
    given = values.pop("out_dir", None)
    if given is not None and out_dir is not None and Path(given).resolve() != out_dir.resolve():
        raise ParameterError("out_dir", given, f"the folder of --out-dir ({out_dir}), or no -p")
    folder = out_dir or (Path(given) if given is not None else config.PROJECT_ROOT)
    if folder.exists() and not folder.is_dir():
        raise ParameterError("out_dir", str(folder), "a folder (this is a file)")
    return folder


def printable(name: str) -> str:
    """A file name safe to print on a terminal: quoted with escapes when it holds control
    characters (a newline or an ANSI escape could forge lines)."""
    return name if name.isprintable() else repr(name)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `briefing` console script."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%H:%M:%S",
    )
    # papermill relays the notebooks' stderr (progress lines, warnings) at WARNING level: shown
    # by default, hidden by --quiet (a failing notebook still stops the run with its error).
    logging.getLogger("papermill").setLevel(logging.ERROR if args.quiet else logging.WARNING)
    for handler in logging.getLogger().handlers:
        handler.addFilter(_drop_client_noise)
    values: dict[str, Any] = dict(args.parameter)
    for name in ("language", "n_themes", "relevance_threshold"):
        if getattr(args, name) is not None:
            values[name] = getattr(args, name)
    if args.previous is not None:
        values["previous"] = str(args.previous.resolve())
        earlier = args.previous / config.PROCESSED_SUBDIR / "articles.parquet"
        if not earlier.is_file():
            print(
                f"briefing: warning: --previous {args.previous} holds no earlier run (no "
                f"{config.PROCESSED_SUBDIR / 'articles.parquet'}): nothing to compare with",
                file=sys.stderr,
            )
    if args.stop_kernel:
        print(f"briefing: {standby.stop_all()} standby kernel(s) stopped")
        return 0
    try:
        idle = standby.idle_seconds(args.kernel_idle)
    except ValueError as exc:
        source = "--kernel-idle" if args.kernel_idle is not None else standby.IDLE_ENV
        print(f"briefing: {source}: {exc}", file=sys.stderr)
        return 2
    if not args.raw_dir.is_dir():
        print(f"briefing: --raw-dir {args.raw_dir} is not a folder", file=sys.stderr)
        return 2
    try:
        out_dir = _output_folder(args.out_dir, values)
    except ParameterError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 2
    try:
        run = run_pipeline(args.raw_dir, out_dir, values, kernel_idle=idle)
    except ParameterError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 2
    except storage.FolderBusy as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except RunError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # the output folder could not be made or locked
        print(f"briefing: --out-dir {out_dir}: {failure_reason(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("briefing: interrupted; the manifest says so", file=sys.stderr)
        return 130
    total = sum(s["seconds"] for s in run["stages"])
    print(f"briefing: done in {total:.1f}s -> {out_dir / 'reports' / 'briefing.pdf'}")
    if run["corpus"]["core"] == 0:
        print(
            f"briefing: warning: {args.raw_dir} holds no readable article on the subject "
            f"({run['corpus']['files']} file(s) read): the briefing says so and is empty",
            file=sys.stderr,
        )
    for problem in run["problems"]:
        print(
            f"briefing: warning: {printable(problem['file'])}: {problem['stage']}: "
            f"{problem['reason']}",
            file=sys.stderr,
        )
    # Everything is written and closed: spare the interpreter's final collections over the
    # ~200,000 objects of papermill, nbconvert and WeasyPrint at exit (~0.9 s).
    gc.freeze()
    return 0


if __name__ == "__main__":
    sys.exit(main())
