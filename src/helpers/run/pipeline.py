"""Run the notebooks with papermill, export the briefing, write the manifest.

The run follows PLAN: 01_ingest writes the articles table; 02_themes and 03_timeline read only
that table, so they run side by side, each in its own kernel; 04_briefing reads what the three
wrote; the export turns it into HTML and PDF. The kernels of a step start while the step before
it runs, so that their start-up is not waited for. Also the `briefing` console script:
`briefing --raw-dir data/raw --out-dir .`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import gc
import importlib
import logging
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager

from helpers import config, params, storage
from helpers.errors import ParameterError, RunError, StageError
from helpers.fastimport import skip_slow_optional_imports
from helpers.progress import BATCH_ENV
from helpers.run import manifest
from helpers.run.notebook_log import notebook_streams

log = logging.getLogger("helpers")
# The run, step by step. The notebooks of a step read only what earlier steps wrote, so they
# run at the same time, each in its own thread and kernel.
PLAN: tuple[tuple[str, ...], ...] = (
    (params.IngestParams.notebook,),
    (params.ThemesParams.notebook, params.TimelineParams.notebook),
    (params.BriefingParams.notebook,),
)
NOTEBOOKS = tuple(notebook for step in PLAN for notebook in step)
EXPORT = "export"
# Exit status when another run holds the output folder (EX_TEMPFAIL: try again later).
EXIT_BUSY = 75


def ensure_kernel(name: str = config.KERNEL_NAME) -> None:
    """Register this environment's Jupyter kernel under name if it is not there yet."""
    from jupyter_client.kernelspec import KernelSpecManager

    if name in KernelSpecManager().find_kernel_specs():
        return
    from ipykernel.kernelspec import install

    install(kernel_name=name, display_name="Python (briefing IA Maroc)", prefix=sys.prefix)
    log.info("registered Jupyter kernel %s in %s", name, sys.prefix)


class EarlyKernel(AsyncKernelManager):
    """A kernel we start (the run starts each ahead of its notebook) and hand to papermill as
    `km`. Papermill then leaves the kernel and the client it made for it running, so the
    kernel keeps its clients and stop_kernel stops them with it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.clients: list[AsyncKernelClient] = []

    def client(self, **kwargs: Any) -> AsyncKernelClient:  # type: ignore[override]
        made = super().client(**kwargs)
        self.clients.append(made)
        return made


def start_kernel(kernel: str, cwd: Path) -> EarlyKernel:
    """Start a kernel for a notebook. It works in cwd, the notebooks' folder, as in Jupyter.
    Its own notices at start ("running over TCP without encryption": it listens on localhost
    only) are not the reader's concern."""
    km = EarlyKernel(kernel_name=kernel)

    async def start() -> None:
        await km.start_kernel(cwd=str(cwd), extra_arguments=["--log-level=ERROR"])

    asyncio.run(start())
    return km


def stop_kernel(km: EarlyKernel) -> None:
    """Stop a kernel start_kernel started and its clients, unless they are already stopped."""

    async def stop() -> None:
        await km.shutdown_kernel(now=True)

    for client in km.clients:
        client.stop_channels()
    km.clients.clear()
    if km.has_kernel:
        asyncio.run(stop())


def run_notebook(
    notebook: str,
    parameters: dict[str, Any],
    out_dir: Path,
    notebooks_dir: Path,
    kernel: str,
    km: EarlyKernel | None = None,
) -> Path:
    """Execute one notebook in a kernel of its own (km, started ahead, or one started now),
    stopped when it ends, into out_dir/reports/notebooks/, atomically; StageError on failure.
    What it prints goes to the log (stdout at INFO, stderr at WARNING)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    km = km or start_kernel(kernel, notebooks_dir)
    target = out_dir / config.REPORTS_SUBDIR / "notebooks" / notebook
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        stdout, stderr = notebook_streams(notebook)
        with storage.atomic_path(target) as tmp, stdout, stderr:
            try:
                papermill.execute_notebook(
                    str(notebooks_dir / notebook),
                    str(tmp),
                    parameters=parameters,
                    kernel_name=kernel,
                    progress_bar=False,
                    stdout_file=stdout,
                    stderr_file=stderr,
                    request_save_on_cell_execute=False,
                    km=km,
                )
            except PapermillExecutionError as exc:
                # Keep the failed notebook beside the good ones, so the traceback can be read.
                shutil.copyfile(tmp, target.with_name(f"FAILED_{notebook}"))
                raise StageError(notebook, exc.exec_count, f"{exc.ename}: {exc.evalue}") from exc
    finally:
        stop_kernel(km)
    return target


def run_step(
    notebooks: Sequence[str],
    run_one: Callable[[str], None],
    on_end: Callable[[dict[str, Any]], None],
) -> None:
    """Run the notebooks of one step at the same time, one thread each. on_end gets the start
    and end (seconds since the epoch) of each that ended, in plan order, once all have; then
    the first failure, if any, is raised (the others ran to their end: their outputs are
    whole)."""

    def timed(notebook: str) -> dict[str, Any]:
        started = time.time()
        run_one(notebook)
        return {"stage": notebook, "start": started, "end": time.time()}

    if len(notebooks) == 1:
        on_end(timed(notebooks[0]))
        return
    with ThreadPoolExecutor(max_workers=len(notebooks)) as pool:
        futures = [pool.submit(timed, notebook) for notebook in notebooks]
    failures = [exc for future in futures if (exc := future.exception()) is not None]
    for future in futures:
        if future.exception() is None:
            on_end(future.result())
    if failures:
        raise failures[0]


def run_pipeline(
    raw_dir: Path,
    out_dir: Path,
    values: dict[str, Any] | None = None,
    notebooks_dir: Path = config.NOTEBOOKS_DIR,
    kernel: str = config.KERNEL_NAME,
) -> dict[str, Any]:
    """Run ingest -> themes and timeline -> briefing on raw_dir, writing under out_dir.

    One run at a time per out_dir (storage.FolderBusy for a second one). A run that fails
    leaves a manifest whose status says why, and raises."""
    raw_dir, out_dir = Path(raw_dir).resolve(), Path(out_dir).resolve()
    all_values = {"raw_dir": str(raw_dir), "out_dir": str(out_dir), **(values or {})}
    per_stage = params.split_for_stages(all_values)  # stops here on a bad parameter
    ensure_kernel(kernel)
    with storage.folder_lock(out_dir):
        for folder in (config.PROCESSED_SUBDIR, config.INTERIM_SUBDIR, config.REPORTS_SUBDIR):
            storage.remove_stale_temps(out_dir / folder)
        manifest_path = out_dir / config.REPORTS_SUBDIR / "manifest.json"
        previous = manifest.read_previous(manifest_path)
        run = manifest.new_manifest(raw_dir, out_dir, all_values, previous)
        try:
            storage.write_json(manifest_path, run)  # "running": the old outputs are not this run's
            _run_stages(run, manifest_path, per_stage, out_dir, notebooks_dir, kernel)
            run["status"] = "ok"
            storage.write_json(manifest_path, run)
        except BaseException as exc:
            failure = RunError(_failed_stage(run, exc), failure_reason(exc))
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
) -> None:
    """The steps of PLAN, then the export; run (the manifest) filled in and written as each
    step ends. Each stage's start and end are seconds since the run started."""
    skip_slow_optional_imports()
    os.environ[BATCH_ENV] = "1"  # the kernels inherit it: plain progress lines, not bars

    kernels: dict[str, EarlyKernel] = {}

    def start_kernels(step: Sequence[str]) -> None:
        kernels.update({notebook: start_kernel(kernel, notebooks_dir) for notebook in step})

    def run_one(notebook: str) -> None:
        run_notebook(
            notebook, per_stage[notebook], out_dir, notebooks_dir, kernel, kernels[notebook]
        )

    def record(timing: dict[str, Any]) -> None:
        run["stages"].append(_stage_entry(timing, run["started"]))

    # This process only waits while the kernels work: it imports the export's libraries
    # meanwhile (about 3 s of a core, which would otherwise come after the last notebook).
    export_libraries = threading.Thread(target=_import_export_libraries, daemon=True)
    try:
        start_kernels(PLAN[0])
        for index, step in enumerate(PLAN, start=1):
            log.info("[%d/%d] %s", index, len(PLAN) + 1, " + ".join(step))
            if index < len(PLAN):
                start_kernels(PLAN[index])  # the next step's kernels start while this one runs
            run_step(step, run_one, record)
            manifest.mark_replaced(run, out_dir, run["started"])
            storage.write_json(manifest_path, run)
            if index == 1:
                export_libraries.start()
    finally:
        os.environ.pop(BATCH_ENV, None)
        for km in kernels.values():  # those of the steps a failure left out
            stop_kernel(km)
    log.info("[%d/%d] %s HTML + PDF", len(PLAN) + 1, len(PLAN) + 1, EXPORT)
    started = time.time()
    export_libraries.join()
    from helpers.report.render import export_briefing

    # The libraries loaded so far stay until exit: frozen, they are not scanned by every
    # collection WeasyPrint's many small objects trigger (export 4.0 -> 3.0 s on 1,000 articles).
    gc.freeze()
    outputs = export_briefing(
        out_dir / config.REPORTS_SUBDIR / "notebooks" / NOTEBOOKS[-1],
        out_dir / config.REPORTS_SUBDIR,
    )
    record({"stage": EXPORT, "start": started, "end": time.time()})
    run["problems"] = _problems(out_dir)
    run["corpus"] = _corpus_counts(out_dir)
    processed = sorted((out_dir / config.PROCESSED_SUBDIR).glob("*.parquet"))
    run["outputs"] = manifest.output_entries(out_dir, [*processed, *outputs], run["run_id"])


def _import_export_libraries() -> None:
    """Import what the export needs (nbconvert, WeasyPrint); a failure here is left for the
    export itself to report."""
    try:
        for name in ("helpers.report.render", "nbconvert", "weasyprint"):
            importlib.import_module(name)
    except Exception as exc:  # pragma: no cover - the export reports the real error
        log.debug("importing the export libraries failed: %s", exc)


def _stage_entry(timing: dict[str, Any], run_started: float) -> dict[str, Any]:
    """A stage's manifest entry: its name, start and end since the run started, and its
    seconds."""
    start, end = timing["start"] - run_started, timing["end"] - run_started
    return {
        "stage": timing["stage"],
        "start": round(start, 2),
        "end": round(end, 2),
        "seconds": round(end - start, 2),
    }


def _failed_stage(run: dict[str, Any], exc: BaseException) -> str:
    """The stage a run failed at: the notebook that raised, else the first that did not end."""
    if isinstance(exc, StageError):
        return exc.notebook
    done = {entry["stage"] for entry in run["stages"]}
    return next((stage for stage in (*NOTEBOOKS, EXPORT) if stage not in done), "the manifest")


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
    # papermill's own lines (which notebook, which kernel) repeat what the run says, and
    # WeasyPrint's steps ("Fetching and parsing CSS") are not the reader's concern.
    for chatty in ("papermill", "weasyprint.progress"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
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
    if not args.raw_dir.is_dir():
        print(f"briefing: --raw-dir {args.raw_dir} is not a folder", file=sys.stderr)
        return 2
    try:
        out_dir = _output_folder(args.out_dir, values)
    except ParameterError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 2
    try:
        run = run_pipeline(args.raw_dir, out_dir, values)
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
    total = run["stages"][-1]["end"]
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
